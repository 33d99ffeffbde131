// How `>`, `>=`, `<` and `<=` order two values (semantics 5.5):
// - agentVersion: dotted numeric versions compare component by component, so 1.14.5 < 1.15.0;
// - otherwise, when both sides parse as decimal numbers, they compare as numbers;
// - anything else compares by UTF-16 code units.
// (registeredAt compares instants; evaluate-query.ts handles it before it gets here.)
// Numbers are compared exactly as decimal strings, never through floating point, so the result is the
// same in both engines and for integers beyond 2^53.

/** Decision: a decimal number is an optional sign, digits, and an optional fraction (`-1`, `+2.50`). */
const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;
/** Decision: a dotted numeric version is digits separated by single dots (`1`, `1.14`, `1.14.5`). */
const DOTTED_VERSION = /^\d+(?:\.\d+)*$/;

const sign = (n: number): -1 | 0 | 1 => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** Compares two runs of digits as non-negative integers. */
function compareDigits(a: string, b: string): -1 | 0 | 1 {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  if (x.length !== y.length) return sign(x.length - y.length);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Compares two decimal numbers exactly; undefined when either is not a decimal number. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 | undefined {
  const ma = DECIMAL.exec(a);
  const mb = DECIMAL.exec(b);
  if (!ma || !mb) return undefined;
  const magnitude = (m: RegExpExecArray) => ({ int: m[2], frac: (m[3] ?? '').replace(/0+$/, '') });
  const [x, y] = [magnitude(ma), magnitude(mb)];
  const isZero = (v: { int: string; frac: string }) => /^0*$/.test(v.int) && v.frac === '';
  // -0 and +0 are the same number.
  const signOf = (m: RegExpExecArray, v: { int: string; frac: string }) => (isZero(v) ? 0 : m[1] === '-' ? -1 : 1);
  const [sx, sy] = [signOf(ma, x), signOf(mb, y)];
  if (sx !== sy) return sign(sx - sy);
  if (sx === 0) return 0;
  let cmp = compareDigits(x.int, y.int);
  if (cmp === 0) {
    const width = Math.max(x.frac.length, y.frac.length);
    const fx = x.frac.padEnd(width, '0');
    const fy = y.frac.padEnd(width, '0');
    cmp = fx < fy ? -1 : fx > fy ? 1 : 0;
  }
  return sx < 0 ? ((-cmp) as -1 | 0 | 1) : cmp;
}

/**
 * Compares two dotted numeric versions; undefined when either is not one. Decision: missing trailing
 * components count as 0, so 1.14 orders like 1.14.0 (`==` still compares the strings exactly, 5.5).
 */
export function compareVersions(a: string, b: string): -1 | 0 | 1 | undefined {
  if (!DOTTED_VERSION.test(a) || !DOTTED_VERSION.test(b)) return undefined;
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const cmp = compareDigits(x[i] ?? '0', y[i] ?? '0');
    if (cmp !== 0) return cmp;
  }
  return 0;
}

/** UTF-16 code-unit order, which is what JavaScript's `<` on strings does. */
export function compareCodeUnits(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 5.5: the order of an instance's value against a literal, for a subject other than registeredAt. */
export function compareForOrdering(value: string, literal: string, isAgentVersion: boolean): -1 | 0 | 1 {
  return (
    (isAgentVersion ? compareVersions(value, literal) : undefined) ??
    compareDecimals(value, literal) ??
    compareCodeUnits(value, literal)
  );
}
