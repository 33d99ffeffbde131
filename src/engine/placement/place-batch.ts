// One placement batch on a cluster's resident state (semantics 4–6): bring the ledger in step with
// the document, build the batch's own columns, and let the cluster's store place it. Nothing is
// stored here: the caller turns the result into tasks (apply-placement.ts), which the next batch's
// reconciliation sends to the store. With `verify`, the answer is also computed the literal way
// (build-placement-problem.ts and the literal core) and any difference is an error: tests run every
// API call this way.
import type { RegionState } from '../../domain/sandbox-document.ts';
import type { PlacementProblem, PlacementResult } from '../../placement/placement-problem.ts';
import { literalPlacementCore } from '../../reference/literal-placement-core.ts';
import type { Era } from '../era.ts';
import type { PlacementSettings } from './batch-columns.ts';
import { buildPlacementProblem } from './build-placement-problem.ts';
import { buildResidentBatch, type ResidentPlacement } from './build-resident-batch.ts';
import type { PlacementServices } from './placement-services.ts';

export interface PlacementEnvironment extends Pick<PlacementServices, 'ledgers' | 'verifyPlacement'> {
  readonly state: RegionState;
  readonly era: Era;
}

export interface PlacedBatch extends Omit<ResidentPlacement, 'batch'> {
  result: PlacementResult;
  /** The whole problem the batch was (gathered from the store; for explanations). */
  problem(): PlacementProblem;
}

const RESULT_FIELDS = ['assignments', 'assignedPorts', 'random', 'rejectCode', 'rejectConstraint'] as const;

function verify(env: PlacementEnvironment, settings: PlacementSettings, placed: PlacedBatch): void {
  const literal = buildPlacementProblem(env.state, settings);
  const expected = literalPlacementCore.placeTasks(literal.problem);
  const fault = (what: string) => new Error(`resident placement differs from the literal builder: ${what}`);
  if (literal.instances.length !== placed.instances.length || literal.instances.some((i, k) => i !== placed.instances[k])) throw fault('instances');
  const problem = placed.problem();
  for (const field of ['instanceState', 'agentConnected', 'cpuFree', 'memoryFree', 'eniFree', 'attributesOk', 'usedPortsStart', 'usedPorts',
    'reservedTcpCount', 'reservedUdpCount', 'ephemeralFirst', 'ephemeralLast', 'groupActive', 'groupLive', 'liveTasks', 'spreadKeys'] as const) {
    if (String(problem[field]) !== String(literal.problem[field])) throw fault(field);
  }
  if (placed.result.placed !== expected.placed || placed.result.closestMatch !== expected.closestMatch) throw fault('placed / closestMatch');
  for (const field of RESULT_FIELDS) if (String(placed.result[field]) !== String(expected[field])) throw fault(field);
}

export function placeBatch(env: PlacementEnvironment, settings: PlacementSettings): PlacedBatch {
  const ledger = env.ledgers.ledgerFor(env.state, settings.clusterName, env.era);
  const { batch, ...built } = buildResidentBatch(ledger, settings);
  const result = ledger.store.placeTasks(batch);
  const placed: PlacedBatch = { ...built, result, problem: () => ledger.store.problemOf(batch) };
  if (env.verifyPlacement) verify(env, settings, placed);
  return placed;
}
