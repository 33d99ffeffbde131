// One placement batch on a cluster's resident state (semantics 4–6): bring the ledger in step with
// the document, build the batch's own columns, and let the cluster's store place it. Nothing is
// stored here: the caller turns the result into tasks (apply-placement.ts), which the next batch's
// reconciliation sends to the store. With `verify`, the answer is also computed the literal way
// (build-placement-problem.ts and the literal core) and any difference is an error: tests run every
// API call this way.
import type { RegionState } from '../../domain/sandbox-document.ts';
import type { ContainerInstanceRecord } from '../../domain/records.ts';
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

const fault = (what: string) => new Error(`resident placement differs from the literal builder: ${what}`);

/** The instance columns (and spread rows) of the resident problem equal the literal builder's. */
function verifyColumns(env: PlacementEnvironment, settings: PlacementSettings, instances: readonly ContainerInstanceRecord[], problem: PlacementProblem) {
  const literal = buildPlacementProblem(env.state, settings);
  if (literal.instances.length !== instances.length || literal.instances.some((i, k) => i !== instances[k])) throw fault('instances');
  for (const field of ['instanceState', 'agentConnected', 'cpuFree', 'memoryFree', 'eniFree', 'attributesOk', 'usedPortsStart', 'usedPorts',
    'reservedTcpCount', 'reservedUdpCount', 'ephemeralFirst', 'ephemeralLast', 'groupActive', 'groupLive', 'liveTasks', 'spreadKeys'] as const) {
    if (String(problem[field]) !== String(literal.problem[field])) throw fault(field);
  }
  return literal;
}

function verify(env: PlacementEnvironment, settings: PlacementSettings, placed: PlacedBatch): void {
  const literal = verifyColumns(env, settings, placed.instances, placed.problem());
  const expected = literalPlacementCore.placeTasks(literal.problem);
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

/**
 * The whole problem a batch of these settings would be, without placing anything: the instance columns
 * and spread rows as the resident state has them (scale-in selection reads them, semantics 8).
 */
export function gatherBatch(env: PlacementEnvironment, settings: PlacementSettings): { instances: readonly ContainerInstanceRecord[]; problem: PlacementProblem } {
  const ledger = env.ledgers.ledgerFor(env.state, settings.clusterName, env.era);
  const { batch, instances } = buildResidentBatch(ledger, settings);
  const problem = ledger.store.problemOf(batch);
  if (env.verifyPlacement) verifyColumns(env, settings, instances, problem);
  return { instances, problem };
}
