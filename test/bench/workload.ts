// One benchmark workload (performance notes §7): a single PlacementProblem, built once per run, that
// every core places in the same process. Sizes shrink with the scale: `full` is the goal's size,
// `quick` a smoke run, `tiny` the size the vitest smoke test uses.
import type { PlacementProblem, ScaleInProblem } from '../../src/placement/placement-problem.ts';

export type Scale = 'full' | 'quick' | 'tiny';

export interface Workload {
  /** B1, B2, … as in performance notes §7. */
  id: string;
  title: string;
  /** The goals, quoted from performance notes §7. */
  goalWasm: string;
  goalReference: string;
  build(scale: Scale): PlacementProblem;
  /**
   * Run the literal oracle too: 'always', 'small' (not at full scale: it is O(M²·N) with spread) or
   * 'never'.
   */
  literal: 'always' | 'small' | 'never';
  /** Time the brute-force scan core as the reference instead of the indexed one (B4). */
  referenceIsScan?: boolean;
  /** Time the WASM core's brute-force scan mode (createWasmScanPlacementCore) as the WASM column (B4). */
  wasmIsScan?: boolean;
  /** Remarks copied into every row of this workload (what a column means here). */
  remarks?: string[];
  /** Measure per-placement latency of the indexed core (B5). */
  perPlacement?: boolean;
}

/**
 * A scale-in workload (semantics 8): one ScaleInProblem whose selectTasksToStop the WASM core and the
 * literal scale-in (the only TS scale-in; the indexed core reuses it) answer. The literal is
 * O(picks · N), so it runs on `buildForLiteral(scale)` — the same shape at a size it finishes in
 * seconds — and the WASM core answers that problem too, for the identity check.
 */
export interface ScaleInWorkload {
  kind: 'scale-in';
  id: string;
  title: string;
  goalWasm: string;
  goalReference: string;
  build(scale: Scale): ScaleInProblem;
  buildForLiteral(scale: Scale): ScaleInProblem;
  remarks?: string[];
}

export type AnyWorkload = Workload | ScaleInWorkload;

export const isScaleIn = (w: AnyWorkload): w is ScaleInWorkload => 'kind' in w && w.kind === 'scale-in';

/** Picks the size for a scale. */
export const sized = (scale: Scale, full: number, quick: number, tiny: number): number =>
  scale === 'full' ? full : scale === 'quick' ? quick : tiny;
