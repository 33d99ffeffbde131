// The one entry point of the simulated control plane: `call(target, input, {region})`. The wire
// protocol, the Web Worker and the tests all go through it.
import type { SandboxDocument } from '../domain/sandbox-document.ts';
import { DEFAULT_REGION } from '../domain/sandbox-document.ts';
import { ERA_2018, type Era } from '../engine/era.ts';
import { advanceClock, type SchedulerEnvironment } from '../engine/clock.ts';
import type { PlacementServices } from '../engine/placement/placement-services.ts';
import { AwsError } from './aws-error.ts';
import { WIRE } from '../messages.ts';
import { createOperationContext } from './operation-context.ts';
import { takeUndoPoint } from './undo-point.ts';
import type { PlacementCore } from '../placement-core.ts';
import { literalPlacementCore } from '../reference/literal-placement-core.ts';
import { newDocument, regionState } from '../domain/new-document.ts';
import type { RegionState } from '../domain/sandbox-document.ts';
import { RegionLedgers } from '../engine/placement/region-ledgers.ts';
import { validateInput, type ApiModel, type ValidationStyle } from './validate/validate-input.ts';
import {
  AGENT_ONLY_OPERATIONS, DISCOVERY_TARGET_PREFIX, ECS_TARGET_PREFIX, SANDBOX_TARGET_PREFIX,
  discoveryOperations, ecsOperations, sandboxOperations, type OperationDefinition,
} from './operations/registry.ts';
import ecsModelJson from '../model/ecs-2014-11-13.json';
import discoveryModelJson from '../model/servicediscovery-2017-03-14.json';

const ecsModel = ecsModelJson as unknown as ApiModel;
const discoveryModel = discoveryModelJson as unknown as ApiModel;

export interface CallMeta {
  /** The region the call is made in: the SigV4 credential scope's, else us-east-1. */
  region?: string;
}

export interface CallResult {
  output: unknown;
  /** Request members the 2018 model does not know; they were ignored (D1). */
  unknownMembers: string[];
}

export interface SandboxApiOptions {
  document?: SandboxDocument;
  /** Wall-clock milliseconds, read only when the clock is `realtime`. Injected so the core never reads Date.now. */
  wallClock?: () => number;
  era?: Era;
  /** The core RunTask, StartTask, DescribePlacement and the scheduler place with; default the literal TS reference. */
  placementCore?: PlacementCore;
  /** Check every placement batch against the literal builder and core (engine/placement/place-batch.ts); for tests. */
  verifyPlacement?: boolean;
  /** Run every scheduler step, also the quiet ones the clock passes over by default (engine/clock.ts); for tests. */
  runEveryStep?: boolean;
}

export class SandboxApi implements SchedulerEnvironment {
  document: SandboxDocument;
  readonly era: Era;
  readonly verifyPlacement: boolean;
  readonly runEveryStep: boolean;
  /** Bumped by every call that may have changed the document and by every scheduler step that did. */
  revision = 0;
  private core: PlacementCore;
  /** Each region's resident placement state, for the region state object it was loaded from. */
  private readonly ledgers = new Map<string, { state: RegionState; ledgers: RegionLedgers }>();
  private readonly wallClock: () => number;
  private anchor: { wallMs: number; simMs: number };

  constructor(options: SandboxApiOptions = {}) {
    this.document = options.document ?? newDocument();
    this.era = options.era ?? ERA_2018;
    this.core = options.placementCore ?? literalPlacementCore;
    this.verifyPlacement = options.verifyPlacement ?? false;
    this.runEveryStep = options.runEveryStep ?? false;
    this.wallClock = options.wallClock ?? (() => 0);
    this.anchor = { wallMs: this.wallClock(), simMs: this.document.clock.nowMs };
  }

  get placementCore(): PlacementCore {
    return this.core;
  }

  /** Hosts that load the WASM core later (the worker) swap it in here; the resident state is reloaded into it. */
  set placementCore(core: PlacementCore) {
    if (core === this.core) return;
    this.disposeLedgers();
    this.core = core;
  }

  /** Replaces the whole document (Reset, ImportScenario) and restarts the wall anchor. */
  replaceDocument(doc: SandboxDocument): void {
    this.document = doc;
    this.revision++;
    this.disposeLedgers();
    this.reanchorClock();
  }

  /** The region's placement services (SchedulerEnvironment): the core and the region's resident state in it. */
  placementFor(region: string, state: RegionState): PlacementServices {
    return { placementCore: this.core, ledgers: this.ledgersFor(region, state), verifyPlacement: this.verifyPlacement };
  }

  /** The region's resident placement state; loaded afresh when the region's state object is new. */
  private ledgersFor(region: string, state: RegionState): RegionLedgers {
    const held = this.ledgers.get(region);
    if (held?.state === state) return held.ledgers;
    held?.ledgers.dispose();
    const ledgers = new RegionLedgers(this.core);
    this.ledgers.set(region, { state, ledgers });
    return ledgers;
  }

  /** Frees the resident placement state held in the core (WASM memory); the API stays usable. */
  dispose(): void {
    this.disposeLedgers();
  }

  private disposeLedgers(): void {
    for (const { ledgers } of this.ledgers.values()) ledgers.dispose();
    this.ledgers.clear();
  }

  /** Call after the clock's mode or time changed outside the realtime flow. */
  reanchorClock(): void {
    this.anchor = { wallMs: this.wallClock(), simMs: this.document.clock.nowMs };
  }

  /** Brings a realtime clock up to wall time (what every call does first); for hosts that only read. */
  catchUp(): void {
    this.tickClock();
  }

  /** Brings a realtime clock up to wall time. A manual clock only moves through AdvanceTime. */
  private tickClock(): void {
    const clock = this.document.clock;
    if (clock.mode !== 'realtime') return;
    const sim = this.anchor.simMs + (this.wallClock() - this.anchor.wallMs) * clock.speed;
    // Catch up lazily: the steps due since the last call run now, before this call sees the state,
    // which no client can tell apart from steps running in the background.
    if (sim > clock.nowMs && advanceClock(this.document, Math.floor(sim), this).changed) this.revision++;
  }

  /** Runs one call. Throws AwsError; any other failure becomes ServerException, and state is restored. */
  call(target: string, input: unknown, meta: CallMeta = {}): CallResult {
    const dot = target.indexOf('.');
    const prefix = dot < 0 ? target : target.slice(0, dot);
    const name = dot < 0 ? '' : target.slice(dot + 1);
    let definition: OperationDefinition | undefined;
    let model: ApiModel | undefined;
    let style: ValidationStyle = 'ecs';
    if (prefix === ECS_TARGET_PREFIX) {
      if (AGENT_ONLY_OPERATIONS.includes(name)) throw new AwsError('UnsupportedFeatureException', WIRE.agentOnly(name));
      definition = Object.hasOwn(ecsOperations, name) ? ecsOperations[name] : undefined;
      model = ecsModel;
    } else if (prefix === DISCOVERY_TARGET_PREFIX) {
      definition = Object.hasOwn(discoveryOperations, name) ? discoveryOperations[name] : undefined;
      model = discoveryModel;
      style = 'coral';
    } else if (prefix === SANDBOX_TARGET_PREFIX) {
      definition = Object.hasOwn(sandboxOperations, name) ? sandboxOperations[name] : undefined;
    }
    if (!definition) throw new AwsError('UnknownOperationException', WIRE.unknownOperation(target));

    let value: unknown = input ?? {};
    let unknownMembers: string[] = [];
    if (model) ({ value, unknownMembers } = validateInput(model, name, input, definition.ownRequired, style));
    else if (Array.isArray(value)) throw new AwsError('SerializationException', WIRE.listNotExpected);
    else if (value === null || typeof value !== 'object') {
      throw new AwsError('SerializationException', WIRE.structureNotExpected);
    }

    // Steps that fall due run first and stay, whatever the call's outcome: time passed.
    this.tickClock();
    const region = meta.region || DEFAULT_REGION;
    const state = regionState(this.document, region);
    const undo = definition.mutates ? takeUndoPoint(this.document, state) : undefined;
    const document = this.document;
    try {
      const ctx = createOperationContext(document, region, state, this.era, this.placementFor(region, state));
      const output = definition.run(ctx, value, this);
      if (definition.mutates) this.revision++;
      return { output: output ?? {}, unknownMembers };
    } catch (error) {
      // Reset and ImportScenario replace the document only once they cannot fail any more.
      if (undo && this.document === document) undo.restore();
      if (error instanceof AwsError) throw error;
      // the cause stays for the host's logs and tests; the wire carries only the generic message
      throw Object.assign(new AwsError('ServerException', WIRE.internalError, 500), { cause: error });
    }
  }
}
