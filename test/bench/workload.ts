// One benchmark workload (performance notes §7): a single PlacementProblem, built once per run, that
// every core places in the same process. Sizes shrink with the scale: `full` is the goal's size,
// `quick` a smoke run, `tiny` the size the vitest smoke test uses.
import type { SandboxApi } from '../../src/api/handler.ts';
import type { RegionState, SandboxDocument } from '../../src/domain/sandbox-document.ts';
import type { PlacementSettings } from '../../src/engine/placement/batch-columns.ts';
import type { PlacementCore } from '../../src/placement-core.ts';
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

/**
 * A per-placement series on a resident store (B5r; performance notes 4): the problem is loaded into a
 * store by delta records and placed one task per batch, each placed task sent back as a delta. The
 * WASM store runs `placements(scale).wasm` batches, the indexed TS store the first
 * `placements(scale).reference` of them (it is O(M) and slower per batch); the TS series must be the
 * start of the WASM series, and the WASM series what one batch of the same count places.
 */
export interface ResidentWorkload {
  kind: 'resident';
  id: string;
  title: string;
  goalWasm: string;
  goalReference: string;
  build(scale: Scale): PlacementProblem;
  placements(scale: Scale): { wasm: number; reference: number };
  remarks?: string[];
}

/**
 * A call sequence through SandboxApi (A1): the same scenario is set up on one API per core, the timed
 * calls made on each, and the documents must end identical.
 */
export interface ApiWorkload {
  kind: 'api';
  id: string;
  title: string;
  goalWasm: string;
  goalReference: string;
  sizes(scale: Scale): { instances: number; preplaced: number; timedCalls: number };
  /** A SandboxApi placing with `core`, set up (instances registered, `preplaced` tasks placed). */
  setUp(scale: Scale, core: PlacementCore): ApiScenario;
  remarks?: string[];
}

export interface ApiScenario {
  api: SandboxApi;
  /** The timed call, made once (the same input every time). */
  call(): void;
  /** The region state the calls work on. */
  state(): RegionState;
  /** What the timed call's placement batch is on the current state (for the literal builder path). */
  placementSettings(): PlacementSettings;
}

/**
 * A whole simulated deployment (B6): a steady service on a SandboxApi per core, then rolling
 * deployments (a new task definition revision, UpdateService with a deploymentConfiguration,
 * AdvanceTime untilSteady), each timed whole and by the placement core's share; the documents of the
 * two cores must be identical after every deployment.
 */
export interface DeploymentWorkload {
  kind: 'deployment';
  id: string;
  title: string;
  goalWasm: string;
  goalReference: string;
  sizes(scale: Scale): { instances: number; tasks: number; warmups: number; runs: number };
  /** (minimumHealthyPercent, maximumPercent) of each deployment, in order. */
  configurations: ReadonlyArray<readonly [number, number]>;
  /** The steady starting document (service created and run until steady), built with `core`. */
  buildSteady(scale: Scale, core: PlacementCore): SandboxDocument;
  /** The untimed part of deployment k: the new revision and the UpdateService call. */
  startDeployment(api: SandboxApi, k: number): void;
  /** The timed part: AdvanceTime untilSteady; returns whether the region ended steady. */
  runDeployment(api: SandboxApi): boolean;
  /** Loads the cluster's resident state into the API's core (so no deployment pays the first load). */
  prime(api: SandboxApi): void;
  remarks?: string[];
}

export type AnyWorkload = Workload | ScaleInWorkload | ResidentWorkload | ApiWorkload | DeploymentWorkload;

export const isScaleIn = (w: AnyWorkload): w is ScaleInWorkload => 'kind' in w && w.kind === 'scale-in';
export const isResident = (w: AnyWorkload): w is ResidentWorkload => 'kind' in w && w.kind === 'resident';
export const isApi = (w: AnyWorkload): w is ApiWorkload => 'kind' in w && w.kind === 'api';
export const isDeployment = (w: AnyWorkload): w is DeploymentWorkload => 'kind' in w && w.kind === 'deployment';

/** Picks the size for a scale. */
export const sized = (scale: Scale, full: number, quick: number, tiny: number): number =>
  scale === 'full' ? full : scale === 'quick' ? quick : tiny;
