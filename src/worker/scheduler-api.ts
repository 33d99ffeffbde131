// The one contract between the page and the Web Worker (architecture.md §2). web/ imports only
// types from here; the values cross through comlink, so everything is structured-clonable JSON.
import type { WireRequest, WireResponse } from '../api/json-protocol.ts';
import type { SandboxView } from './sandbox-view.ts';

export type { WireRequest, WireResponse };
export type * from './sandbox-view.ts';
import type { WhatIfReport, WhatIfRequest, WhatIfVariant } from '../whatif/what-if-types.ts';
// What-if requests and reports (src/whatif), for the playground's what-if view and the widget.
export type * from '../whatif/what-if-types.ts';
// The EcsSandbox answers the page renders (GetTimeline, DescribePlacement), from their operations.
export type { TimelineOutput } from '../api/operations/sandbox/get-timeline.ts';
export type { PlacementExplanation } from '../api/operations/sandbox/describe-placement.ts';
// The API18 shapes the page renders, re-exported so web/ needs no import from src/api.
export type {
  Deployment, DescribeServicesResponse, ListServicesResponse, LoadBalancer, PlacementStrategy, Service, ServiceRegistry,
} from '../model/ecs-types.ts';

/** An API error as the wire carries it: `{"__type": code, "message": message}`. */
export interface CallError {
  code: string;
  message: string;
}

export type CallOutcome<T = unknown> = { output: T } | { error: CallError };

/** Proof that the WASM core runs: its ABI version and the first draws of its placement stream. */
export interface CoreStatus {
  abiVersion: number;
  /** The document's seed; the draws are what `init(seed)` followed by `nextPlacementU32()` gives. */
  seed: number;
  /** Unsigned 32-bit values; the TS twin (src/shared/xoshiro128.ts) gives the same for the same seed. */
  placementDraws: number[];
  /** Size of the core's linear memory. */
  memoryBytes: number;
  /** The PlacementCore the sandbox places with (`wasm` once the core loaded). */
  placementCore: string;
  /** Set when the start-up scenario failed to load; the sandbox then starts from an empty document. */
  scenarioError?: CallError;
}

/** What view() answers when nothing changed since `sinceRevision`: only the clock. */
export interface UnchangedView {
  unchanged: true;
  revision: number;
  now: number;
}

/** A scenario of the library (persistence, issue 5). */
export interface ScenarioSummary {
  id: string;
  name: string;
  /** Wall-clock epoch milliseconds of the last save. */
  savedAt: number;
  /** Bumped by every save; two tabs compare it so that neither loses the other's update. */
  revision: number;
  schemaVersion: number;
  /** Set when the stored record cannot be read (corrupt, or from a newer ecs-sandbox): why, for the user. */
  problem?: string;
}

/** The scenario the worker has open and how its saving goes (persistence, issue 5). */
export interface ScenarioStatus {
  /** Undefined only while no library is in use. */
  scenario?: ScenarioSummary;
  /** Changes made since the last successful save (they are saved at once, or within 2 s while the clock runs). */
  unsaved: boolean;
  /** Set when this tab stopped saving: another tab runs a newer schema. */
  readOnly?: CallError;
  /** The last save's failure (cleared by the next success). */
  saveError?: CallError;
  /** Why the scenario opened at start-up is not the last used one (it could not be read), if so. */
  openError?: CallError;
  /** Calls of this tab that failed when replayed on another tab's newer save, so they were dropped. */
  dropped: { target: string; error: CallError }[];
  /** Counts library changes seen (this tab's and other tabs'): re-read listScenarios() when it moves. */
  libraryChanges: number;
  /** Wall-clock ms the last successful save took (measured by `npm run bench:web`). */
  lastSaveMs?: number;
  /** The what-if view's setup saved with this scenario (saveWhatIf), if any. */
  whatIf?: WhatIfSetup;
  /** Why the saved what-if setup was ignored (a damaged value): a note for the user; the scenario opened. */
  whatIfProblem?: string;
}

/** How the playground's what-if view builds each run after the variant's changes. */
export type WhatIfTimelineKind = 'new-revision' | 'steady';

/**
 * The playground's what-if setup, kept in the scenario's library record (not in the sandbox document,
 * so no schema change): duplicated with the scenario, kept across reloads.
 */
export interface WhatIfSetup {
  /** `cluster/service`: the service the timeline deploys and the view starts its forms from. */
  service: string;
  /**
   * `new-revision`: the service's task definition registered again and UpdateService to it (a rolling
   * deployment); `steady`: nothing happens, the variants run to steady state.
   */
  timeline: WhatIfTimelineKind;
  /** 1 to 32 (runWhatIf's limit), names non-empty. */
  variants: WhatIfVariant[];
  /** Runs per variant, 1 to 20. */
  seeds: number;
}

export interface SchedulerApi {
  /** One AWS JSON 1.1 request (what `serve` would receive over HTTP). Never rejects for a bad request. */
  request(wire: WireRequest): Promise<WireResponse>;
  /** One call by full target, e.g. `AmazonEC2ContainerServiceV20141113.DescribeServices`. Never rejects for a bad call. */
  call(target: string, input?: unknown): Promise<CallOutcome>;
  coreStatus(): Promise<CoreStatus>;
  /**
   * The region as the playground renders it (sandbox-view.ts). With `sinceRevision` equal to the
   * current revision, only the clock comes back. Reading it lets a realtime clock catch up. With
   * `reuse` as well, the instances and tasks the caller holds from that view come back as ids only
   * (SandboxView `reused`).
   */
  view(options?: { region?: string; sinceRevision?: number; reuse?: boolean }): Promise<SandboxView | UnchangedView>;

  // ── The scenario library (src/persistence). Each answers `{output}` or `{error}`, never rejects for a user error. ──
  /** Every stored scenario; an unreadable one carries `problem`. */
  listScenarios(): Promise<CallOutcome<ScenarioSummary[]>>;
  currentScenario(): Promise<CallOutcome<ScenarioStatus>>;
  /** Saves the open scenario, creates a new one and opens it. */
  newScenario(name: string, from: 'empty' | 'demo'): Promise<CallOutcome<ScenarioSummary>>;
  /** Saves the open scenario and opens `id` (migrations run); an unreadable one is an error and nothing changes. */
  openScenario(id: string): Promise<CallOutcome<ScenarioSummary>>;
  /** A copy of the stored scenario (the open one saved first); it is not opened. */
  duplicateScenario(id: string, name: string): Promise<CallOutcome<ScenarioSummary>>;
  renameScenario(id: string, name: string): Promise<CallOutcome<ScenarioSummary>>;
  /** Deleting the open scenario opens the most recently saved other one (or a new demo). */
  deleteScenario(id: string): Promise<CallOutcome<{ id: string }>>;
  /** A scenario file's text as a new scenario, which is then opened; errors name the path of the fault. */
  importScenario(text: string, name: string): Promise<CallOutcome<ScenarioSummary>>;
  /** The stored record as text, also when it cannot be read: for exporting a damaged one. */
  readRawScenario(id: string): Promise<CallOutcome<string>>;
  /** Saves now if anything is unsaved; the page calls it on `pagehide`. */
  flush(): Promise<CallOutcome<ScenarioStatus>>;

  // ── What-if (issue 6, src/whatif) ──
  /**
   * Runs the variants of a scenario side by side on the WASM core, each on its own sandbox (the open
   * scenario is not touched). A bad request is `{error}` whose message names the JSON path of the fault.
   */
  whatIf(request: WhatIfRequest): Promise<CallOutcome<WhatIfReport>>;
  /**
   * Keeps the what-if view's setup with the open scenario (its library record); `currentScenario()`
   * returns it. A malformed setup is an InvalidParameterException naming the path of the fault.
   */
  saveWhatIf(setup: WhatIfSetup): Promise<CallOutcome<ScenarioStatus>>;
}
