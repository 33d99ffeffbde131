// Core results as plain arrays, so differential tests compare them deeply and a mismatch prints readably.
import type { PlacementResult, ScaleInResult } from '../../src/placement/placement-problem.ts';

export const plainPlacement = (r: PlacementResult) => ({
  placed: r.placed,
  assignments: [...r.assignments],
  assignedPorts: [...r.assignedPorts],
  random: [...r.random],
  rejectCode: [...r.rejectCode],
  rejectConstraint: [...r.rejectConstraint],
  closestMatch: r.closestMatch,
});

export const plainScaleIn = (r: ScaleInResult) => ({ chosen: [...r.chosen], random: [...r.random] });
