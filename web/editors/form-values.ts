// Text ↔ JSON value helpers shared by the forms. Form state keeps what the user typed (strings), so a
// half-typed value survives a re-render; the request gets numbers where the model has integers.

/**
 * The integer a text field holds: `''` → undefined (member omitted); a whole number → that number;
 * anything else is sent as typed, so the API answers with its SerializationException (and the form
 * flags it first, see `integerProblem`).
 */
export function toInteger(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^[-+]?\d+$/.test(t) ? Number(t) : t;
}

/** The text a field shows for an integer member. */
export const fromInteger = (value: unknown): string =>
  (value === undefined || value === null ? '' : String(value));

/** The form's own check, before any call: a field that must hold a whole number. */
export function integerProblem(text: string): string | undefined {
  const t = text.trim();
  return t === '' || /^[-+]?\d+$/.test(t) ? undefined : 'Enter a whole number.';
}

/** A list typed as text: items separated by commas, spaces or new lines. */
export const toList = (text: string): string[] => text.split(/[\s,]+/).filter((s) => s !== '');
export const fromList = (items: readonly string[] | undefined): string => (items ?? []).join(', ');

/** `''` → undefined, so optional string members are omitted rather than sent empty. */
export const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/** Copies only the defined members, in the given order (omitted members stay absent, D5). */
export function defined<T extends Record<string, unknown>>(members: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(members)) if (v !== undefined) out[k] = v;
  return out as Partial<T>;
}

export const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
export const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
