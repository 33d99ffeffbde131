// `registeredAt` literals (semantics 5.4): `2018-06-18T22:28:28+00:00`, `2018-06-18T22:28:28Z`,
// `2018-06-18T22:28:28` (UTC) and `2018-06-18` (00:00:00 UTC, 5.5). Decision: the offset form takes
// any offset from -23:59 to +23:59, as ISO 8601 does; nothing else (no fractions, no lower-case `t`/`z`)
// is accepted, and a literal in none of the four formats is a parse error (5.5).

const FORMAT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?)?$/;

const daysInMonth = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** Epoch milliseconds of the instant, or undefined when the literal is not one of the four formats. */
export function parseRegisteredAt(literal: string): number | undefined {
  const m = FORMAT.exec(literal);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  const zone = m[7];
  if (zone !== undefined && zone !== 'Z') {
    const [oh, om] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear keeps the year as written.
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year);
  return date.getTime() - offsetMinutes * 60_000;
}
