import type { SandboxDocument, RegionState } from '../domain/sandbox-document.ts';
import type { ArnScope } from '../domain/arns.ts';
import type { Era } from '../engine/era.ts';
import type { PlacementCore } from '../placement-core.ts';
import { drawToken, drawUuid } from './ids.ts';

/** What an operation sees: the region it was called in, the clock, the id stream and the era. */
export interface OperationContext {
  readonly doc: SandboxDocument;
  readonly region: string;
  readonly state: RegionState;
  readonly scope: ArnScope;
  readonly era: Era;
  /** Simulated epoch milliseconds; constant during one call. */
  readonly now: number;
  newUuid(): string;
  newToken(length: number): string;
  /** The placement core the API was given (SandboxApi option `placementCore`; default the literal TS reference). */
  readonly placementCore: PlacementCore;
}

export function createOperationContext(
  doc: SandboxDocument, region: string, state: RegionState, era: Era, placementCore: PlacementCore,
): OperationContext {
  return {
    doc,
    region,
    state,
    era,
    scope: { region, accountId: doc.accountId },
    now: doc.clock.nowMs,
    newUuid: () => drawUuid(doc.random.ids),
    newToken: (length) => drawToken(doc.random.ids, length),
    placementCore,
  };
}
