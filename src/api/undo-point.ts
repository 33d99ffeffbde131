// What the handler restores when a call fails. Operations validate before they mutate (the tests assert
// that every error case leaves the whole document byte-identical), so a failure normally has nothing to
// undo. This is the cheap safety net behind that rule: the random streams and the clock, and the length
// of every record list of the region, so records appended before a failure are dropped again. A full
// structuredClone per call did the same more thoroughly but cost O(document): registering 5,000
// container instances took minutes.
import type { RegionState, SandboxDocument } from '../domain/sandbox-document.ts';
import type { RandomState } from '../shared/xoshiro128.ts';

export interface UndoPoint {
  restore(): void;
}

type Lists = Record<string, unknown[]>;

const listsOf = (state: RegionState): [Lists, string][] => [
  [state as unknown as Lists, ''],
  [state.discovery as unknown as Lists, 'discovery.'],
];

export function takeUndoPoint(doc: SandboxDocument, state: RegionState): UndoPoint {
  const placement = [...doc.random.placement] as RandomState;
  const ids = [...doc.random.ids] as RandomState;
  const nowMs = doc.clock.nowMs;
  const lengths: [unknown[], number][] = [];
  for (const [owner] of listsOf(state)) {
    for (const value of Object.values(owner)) if (Array.isArray(value)) lengths.push([value, value.length]);
  }
  return {
    restore() {
      doc.random.placement.splice(0, 4, ...placement);
      doc.random.ids.splice(0, 4, ...ids);
      doc.clock.nowMs = nowMs;
      for (const [list, length] of lengths) if (list.length > length) list.length = length;
    },
  };
}
