// What one scheduler step sees of a region (semantics 3.1): the document, the step's time, the
// region's state and its placement services, and the events the step is collecting.
import type { RegionState, SandboxDocument } from '../../domain/sandbox-document.ts';
import { drawUuid } from '../../domain/ids.ts';
import type { Era } from '../era.ts';
import type { PlacementServices } from '../placement/placement-services.ts';
import { StepEvents } from './step-events.ts';

/** What the scheduler needs from its host: the era and each region's placement services. */
export interface SchedulerEnvironment {
  readonly era: Era;
  /** Run every step, quiet or not (clock.ts); for tests that compare with the discrete-event default. */
  readonly runEveryStep?: boolean;
  placementFor(region: string, state: RegionState): PlacementServices;
}

export interface StepContext extends PlacementServices {
  readonly doc: SandboxDocument;
  readonly region: string;
  readonly state: RegionState;
  readonly era: Era;
  /** The step's time: every timestamp the step writes (3.1). */
  readonly now: number;
  readonly events: StepEvents;
  /** Stops the service steps began so far (a step that begins one is not quiet). */
  stopsBegun: number;
  newUuid(): string;
}

export function createStepContext(doc: SandboxDocument, region: string, now: number, env: SchedulerEnvironment): StepContext {
  const state = doc.regions[region];
  return {
    doc, region, state, now, era: env.era,
    ...env.placementFor(region, state),
    events: new StepEvents(),
    stopsBegun: 0,
    newUuid: () => drawUuid(doc.random.ids),
  };
}
