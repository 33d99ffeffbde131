// The one contract between the page and the Web Worker (architecture.md §2). web/ imports only
// types from here; the values cross through comlink, so everything is structured-clonable JSON.
import type { WireRequest, WireResponse } from '../api/json-protocol.ts';

export type { WireRequest, WireResponse };
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

export interface SchedulerApi {
  /** One AWS JSON 1.1 request (what `serve` would receive over HTTP). Never rejects for a bad request. */
  request(wire: WireRequest): Promise<WireResponse>;
  /** One call by full target, e.g. `AmazonEC2ContainerServiceV20141113.DescribeServices`. Never rejects for a bad call. */
  call(target: string, input?: unknown): Promise<CallOutcome>;
  coreStatus(): Promise<CoreStatus>;
}
