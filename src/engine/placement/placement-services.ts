// How a region places tasks: the core, the region's resident state in that core, and the test-time
// check of every batch. The API hands it to operations; the scheduler gets it per region.
import type { PlacementCore } from '../../placement-core.ts';
import type { RegionLedgers } from './region-ledgers.ts';

export interface PlacementServices {
  readonly placementCore: PlacementCore;
  readonly ledgers: RegionLedgers;
  /** Check every batch against the literal builder and core (place-batch.ts); for tests. */
  readonly verifyPlacement: boolean;
}
