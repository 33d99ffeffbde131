// A placement batch against a cluster's resident store (performance notes 3.4, 4): the instances'
// numbers are already in the store, so only the batch's own columns are built, and those that depend
// on instances alone are cached per ledger epoch: memberOf leaves compiled once per (predicate,
// instance epoch) into 0/1 columns, the attribute stage per (requirements, subnets), spread rows per
// field, parsed expressions per text. An instance change bumps the epoch; placements never do, so a
// stream of batches evaluates no query and builds no string. runningTasksCount, the one subject a
// placement changes, is evaluated afresh.
import type { ContainerInstanceRecord } from '../../domain/records.ts';
import type { QueryExpression, QueryPredicate } from '../../query/query-ast.ts';
import type { ResidentBatch } from '../../placement/resident-cluster-store.ts';
import { evaluateQuery, type QueryInstance } from '../../query/evaluate-query.ts';
import { parseQuery } from '../../query/parse-query.ts';
import { queryInstanceOf } from './query-instance-of.ts';
import type { ClusterLedger } from './cluster-ledger.ts';
import { attributesPass, buildBatchColumns, spreadRowOf, type BatchColumns, type PlacementSettings } from './batch-columns.ts';

/** Columns that depend on the instances only, valid for one instance epoch. */
interface EpochCache {
  epoch: number;
  queryInstances?: QueryInstance[];
  leaves: Map<string, Int32Array>;
  attributes: Map<string, Int32Array>;
  spreadRows: Map<string, { keys: Int32Array; count: number }>;
}

const caches = new WeakMap<ClusterLedger, EpochCache>();
/** Parsed memberOf expressions by text; the text was validated when the request was (5.8). */
const parsed = new Map<string, QueryExpression>();
const MAX_PARSED = 512;

function parseCached(text: string): QueryExpression {
  let expression = parsed.get(text);
  if (!expression) {
    expression = parseQuery(text);
    if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value!);
    parsed.set(text, expression);
  }
  return expression;
}

function cacheOf(ledger: ClusterLedger): EpochCache {
  let cache = caches.get(ledger);
  if (!cache || cache.epoch !== ledger.instanceEpoch) {
    cache = { epoch: ledger.instanceEpoch, leaves: new Map(), attributes: new Map(), spreadRows: new Map() };
    caches.set(ledger, cache);
  }
  return cache;
}

export interface ResidentPlacement extends Pick<BatchColumns, 'constraints' | 'mappings' | 'networkMode'> {
  batch: ResidentBatch;
  /** The records instance index i speaks of. */
  instances: readonly ContainerInstanceRecord[];
}

export function buildResidentBatch(ledger: ClusterLedger, settings: PlacementSettings): ResidentPlacement {
  const { instances, slots } = ledger.placeableInstances();
  const M = instances.length;
  const cache = cacheOf(ledger);
  // The query language's view of each instance; taskGroups and runningTasksCount are not read from it
  // (task:group stays symbolic; runningTasksCount is filled in per batch below).
  const queryInstances = () => (cache.queryInstances ??= instances.map((i) => queryInstanceOf(i, [])));
  const leafColumn = (predicate: QueryPredicate): Int32Array => {
    if (predicate.subject.kind === 'runningTasksCount') {
      return Int32Array.from(queryInstances(), (q, i) =>
        (evaluateQuery(predicate, { ...q, runningTasksCount: ledger.running[slots[i]] }) ? 1 : 0));
    }
    const key = JSON.stringify(predicate);
    let column = cache.leaves.get(key);
    if (!column) {
      column = Int32Array.from(queryInstances(), (q) => (evaluateQuery(predicate, q) ? 1 : 0));
      cache.leaves.set(key, column);
    }
    return column;
  };
  const columns = buildBatchColumns(settings, M, {
    attributesOk: (definition, subnets) => {
      const key = JSON.stringify([definition.requiresAttributes ?? [], definition.networkMode === 'awsvpc', subnets ?? []]);
      let column = cache.attributes.get(key);
      if (!column) {
        column = Int32Array.from(instances, (instance) => (attributesPass(instance, definition, subnets) ? 1 : 0));
        cache.attributes.set(key, column);
      }
      return column;
    },
    leafColumn,
    spreadRow: (field) => {
      let row = cache.spreadRows.get(field);
      if (!row) {
        row = spreadRowOf(field, instances);
        cache.spreadRows.set(field, row);
      }
      return row;
    },
    knownGroups: () => [...new Set([...ledger.liveByGroup.keys(), settings.group])],
    parse: parseCached,
  });
  const batch: ResidentBatch = {
    slots,
    batchGroup: ledger.knownGroupId(settings.group),
    referencedGroups: Int32Array.from(columns.referencedGroups, (g) => ledger.knownGroupId(g)),
    attributesOk: columns.attributesOk,
    taskCpu: columns.taskCpu,
    taskMemory: columns.taskMemory,
    taskNeedsEni: columns.taskNeedsEni,
    taskPortMappings: columns.taskPortMappings,
    constraintKind: columns.constraintKind,
    programStart: columns.programStart,
    programOps: columns.programOps,
    leafCount: columns.leafCount,
    leafBits: columns.leafBits,
    batchGroupIndex: columns.batchGroupIndex,
    strategyType: columns.strategyType,
    strategyField: columns.strategyField,
    spreadKeys: columns.spreadKeys,
    spreadKeyCount: columns.spreadKeyCount,
    count: settings.count,
    random: Uint32Array.from(settings.random),
  };
  return { batch, instances, constraints: columns.constraints, mappings: columns.mappings, networkMode: columns.networkMode };
}
