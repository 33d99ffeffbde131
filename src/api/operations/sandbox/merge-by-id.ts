// Put* operations merge declarations into the region by id: a known id is replaced in place, a new
// one is appended, so list order stays declaration order.
import { invalidParameter } from '../../aws-error.ts';
import { SANDBOX } from '../../../messages.ts';

/** Refuses a request that declares one id twice: which of the two should win would be a guess. */
export function requireUniqueIds<T>(items: readonly T[], idOf: (item: T) => string, kind: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const id = idOf(item);
    if (seen.has(id)) throw invalidParameter(SANDBOX.duplicateId(kind, id));
    seen.add(id);
  }
}

export function mergeById<T>(target: T[], items: readonly T[], idOf: (item: T) => string): void {
  for (const item of items) {
    const at = target.findIndex((existing) => idOf(existing) === idOf(item));
    if (at >= 0) target[at] = item;
    else target.push(item);
  }
}
