import type { SandboxDocument, RegionState } from '../domain/sandbox-document.ts';
import type { ArnScope } from '../domain/arns.ts';
import type { Era } from '../engine/era.ts';
import type { PlacementServices } from '../engine/placement/placement-services.ts';
import { drawToken, drawUuid } from '../domain/ids.ts';

export type { PlacementServices };

/** What an operation sees: the region it was called in, the clock, the id stream, the era and placement. */
export interface OperationContext extends PlacementServices {
  readonly doc: SandboxDocument;
  readonly region: string;
  readonly state: RegionState;
  readonly scope: ArnScope;
  readonly era: Era;
  /** Simulated epoch milliseconds; constant during one call. */
  readonly now: number;
  newUuid(): string;
  newToken(length: number): string;
}

export function createOperationContext(
  doc: SandboxDocument, region: string, state: RegionState, era: Era, placement: PlacementServices,
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
    ...placement,
  };
}
