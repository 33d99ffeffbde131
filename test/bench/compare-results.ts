// The harness's identity check (performance notes §7): two cores' answers to the same problem must be
// equal field by field — assignments, bound ports, the PRNG state after the batch and the explanation.
import type { PlacementResult, ScaleInResult } from '../../src/placement/placement-problem.ts';

const FIELDS = ['assignments', 'assignedPorts', 'random', 'rejectCode', 'rejectConstraint'] as const;

/** null when equal, else a description of the first difference. */
export function firstDifference(a: PlacementResult, b: PlacementResult): string | null {
  if (a.placed !== b.placed) return `placed ${a.placed} vs ${b.placed}`;
  if (a.closestMatch !== b.closestMatch) return `closestMatch ${a.closestMatch} vs ${b.closestMatch}`;
  for (const field of FIELDS) {
    const x = a[field];
    const y = b[field];
    if (x.length !== y.length) return `${field}.length ${x.length} vs ${y.length}`;
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return `${field}[${k}] ${x[k]} vs ${y[k]}`;
  }
  return null;
}

/** The same check for scale-in: the chosen tasks, in order, and the PRNG state after. */
export function firstScaleInDifference(a: ScaleInResult, b: ScaleInResult): string | null {
  for (const field of ['chosen', 'random'] as const) {
    const x = a[field];
    const y = b[field];
    if (x.length !== y.length) return `${field}.length ${x.length} vs ${y.length}`;
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return `${field}[${k}] ${x[k]} vs ${y[k]}`;
  }
  return null;
}
