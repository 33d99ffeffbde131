// The plain-TypeScript ResidentClusterStore (src/placement/resident-cluster-store.ts): the reference
// every other store is tested against, so it is written to be obviously right rather than fast.
// Per-slot rows live in growable typed arrays, per-slot port sets in Maps of reference counts, and
// per-group live/active counts in one column pair per group. What it gathers is exactly the list at
// the top of src/placement/resident-deltas.ts.
import { PROTOCOL_TCP } from '../placement/placement-codes.ts';
import type { PlacementProblem, PlacementResult } from '../placement/placement-problem.ts';
import { batchOwnFields, type ResidentBatch, type ResidentClusterStore } from '../placement/resident-cluster-store.ts';
import {
  DELTA_INSTANCE, DELTA_TASK, INSTANCE_GONE, INSTANCE_RECORD_HEAD, TASK_RECORD_HEAD,
} from '../placement/resident-deltas.ts';

/** Holders of one encoded port on one slot: `used` by the registered set or any task, `reserved` by the registered set or a static mapping. */
interface PortHolders {
  used: number;
  reserved: number;
}

const ROW_FIELDS = [
  'state', 'agentConnected', 'cpuRegistered', 'memoryRegistered', 'eniLimit', 'ephemeralFirst', 'ephemeralLast',
  'cpuUsed', 'memoryUsed', 'eniUsed', 'liveTasks',
] as const;
type RowField = (typeof ROW_FIELDS)[number];

/** Doubles `column` until it holds `length` entries (new entries are 0). */
function grown(column: Int32Array, length: number): Int32Array {
  if (length <= column.length) return column;
  let capacity = Math.max(8, column.length);
  while (capacity < length) capacity *= 2;
  const bigger = new Int32Array(capacity);
  bigger.set(column);
  return bigger;
}

const isTcp = (encodedPort: number) => encodedPort >>> 16 === PROTOCOL_TCP;

export function createTsResidentClusterStore(core: { placeTasks(p: PlacementProblem): PlacementResult }): ResidentClusterStore {
  let slotCount = 0;
  const rows = Object.fromEntries(ROW_FIELDS.map((f) => [f, new Int32Array(0)])) as Record<RowField, Int32Array>;
  const ports: Map<number, PortHolders>[] = [];
  const registered: number[][] = [];
  const groups: { live: Int32Array; active: Int32Array }[] = [];
  let disposed = false;

  const fail = (message: string): never => {
    throw new Error(`resident cluster store: ${message}`);
  };

  function hold(slot: number, port: number, used: number, reserved: number): void {
    const set = ports[slot];
    const holders = set.get(port) ?? { used: 0, reserved: 0 };
    holders.used += used;
    holders.reserved += reserved;
    if (holders.used > 0) set.set(port, holders);
    else set.delete(port);
  }

  function groupColumns(group: number) {
    while (groups.length <= group) groups.push({ live: new Int32Array(0), active: new Int32Array(0) });
    const g = groups[group];
    g.live = grown(g.live, slotCount);
    g.active = grown(g.active, slotCount);
    return g;
  }

  function applyInstance(records: Int32Array, at: number): number {
    const slot = records[at + 1];
    const portCount = records[at + 9];
    const end = at + INSTANCE_RECORD_HEAD + portCount;
    if (portCount < 0 || end > records.length) fail(`truncated INSTANCE record at word ${at}`);
    if (slot < 0 || slot > slotCount) fail(`INSTANCE record for slot ${slot}, but the next new slot is ${slotCount}`);
    if (slot === slotCount) {
      slotCount++;
      for (const f of ROW_FIELDS) rows[f] = grown(rows[f], slotCount);
      ports.push(new Map());
      registered.push([]);
    }
    const values = [records[at + 2], records[at + 3], records[at + 4], records[at + 5], records[at + 6], records[at + 7], records[at + 8]];
    (['state', 'agentConnected', 'cpuRegistered', 'memoryRegistered', 'eniLimit', 'ephemeralFirst', 'ephemeralLast'] as const)
      .forEach((f, k) => { rows[f][slot] = values[k]; });
    // The new registered set replaces the old one (resident-deltas.ts).
    for (const port of registered[slot]) hold(slot, port, -1, -1);
    registered[slot] = Array.from(records.subarray(at + INSTANCE_RECORD_HEAD, end));
    for (const port of registered[slot]) hold(slot, port, 1, 1);
    return end;
  }

  function applyTask(records: Int32Array, at: number): number {
    const [sign, slot, cpu, memory, eni, group, active, portCount] = records.subarray(at + 1, at + TASK_RECORD_HEAD);
    const end = at + TASK_RECORD_HEAD + 2 * portCount;
    if (portCount < 0 || end > records.length) fail(`truncated TASK record at word ${at}`);
    if (sign !== 1 && sign !== -1) fail(`TASK record at word ${at} has sign ${sign}, not ±1`);
    if (slot < 0 || slot >= slotCount) fail(`TASK record for unknown slot ${slot} (${slotCount} slots)`);
    if (group < 0) fail(`TASK record at word ${at} has group ${group}; groups are ≥ 0`);
    rows.cpuUsed[slot] += sign * cpu;
    rows.memoryUsed[slot] += sign * memory;
    rows.eniUsed[slot] += sign * eni;
    rows.liveTasks[slot] += sign;
    const g = groupColumns(group);
    g.live[slot] += sign;
    g.active[slot] += sign * active;
    for (let k = 0; k < portCount; k++) {
      const port = records[at + TASK_RECORD_HEAD + 2 * k];
      const isStatic = records[at + TASK_RECORD_HEAD + 2 * k + 1];
      hold(slot, port, sign, isStatic ? sign : 0);
    }
    return end;
  }

  function applyDeltas(records: Int32Array): void {
    if (disposed) fail('used after dispose');
    let at = 0;
    while (at < records.length) {
      const kind = records[at];
      if (kind === DELTA_INSTANCE) at = applyInstance(records, at);
      else if (kind === DELTA_TASK) at = applyTask(records, at);
      else fail(`unknown record kind ${kind} at word ${at}`);
    }
  }

  /** A group's count on a slot (0 for -1, or a group that never had a task). */
  const groupCount = (group: number, which: 'live' | 'active', slot: number) =>
    group >= 0 && group < groups.length ? groups[group][which][slot] ?? 0 : 0;

  function problemOf(batch: ResidentBatch): PlacementProblem {
    if (disposed) fail('used after dispose');
    const M = batch.slots.length;
    for (const slot of batch.slots) {
      if (slot < 0 || slot >= slotCount) fail(`batch names unknown slot ${slot} (${slotCount} slots)`);
      if (rows.state[slot] === INSTANCE_GONE) fail(`batch names slot ${slot}, which is INSTANCE_GONE`);
    }
    const column = (f: (slot: number) => number) => Int32Array.from(batch.slots, f);
    const usedPortsStart = new Int32Array(M + 1);
    const usedPorts: number[] = [];
    batch.slots.forEach((slot, i) => {
      usedPorts.push(...[...ports[slot].keys()].sort((a, b) => a - b));
      usedPortsStart[i + 1] = usedPorts.length;
    });
    const reservedCount = (slot: number, tcp: boolean) =>
      [...ports[slot]].filter(([port, h]) => h.reserved > 0 && isTcp(port) === tcp).length;
    const R = batch.referencedGroups.length;
    const groupLiveByGroup = new Int32Array(R * M);
    batch.referencedGroups.forEach((group, g) => {
      batch.slots.forEach((slot, i) => { groupLiveByGroup[g * M + i] = groupCount(group, 'live', slot); });
    });
    return {
      instanceCount: M,
      instanceState: column((s) => rows.state[s]),
      agentConnected: column((s) => rows.agentConnected[s]),
      cpuFree: column((s) => rows.cpuRegistered[s] - rows.cpuUsed[s]),
      memoryFree: column((s) => rows.memoryRegistered[s] - rows.memoryUsed[s]),
      eniFree: column((s) => Math.max(0, rows.eniLimit[s] - 1 - rows.eniUsed[s])),
      usedPortsStart,
      usedPorts: Int32Array.from(usedPorts),
      reservedTcpCount: column((s) => reservedCount(s, true)),
      reservedUdpCount: column((s) => reservedCount(s, false)),
      ephemeralFirst: column((s) => rows.ephemeralFirst[s]),
      ephemeralLast: column((s) => rows.ephemeralLast[s]),
      groupActive: column((s) => groupCount(batch.batchGroup, 'active', s)),
      groupLive: column((s) => groupCount(batch.batchGroup, 'live', s)),
      liveTasks: column((s) => rows.liveTasks[s]),
      referencedGroupCount: R,
      groupLiveByGroup,
      ...batchOwnFields(batch),
    };
  }

  return {
    applyDeltas,
    problemOf,
    placeTasks: (batch) => core.placeTasks(problemOf(batch)),
    dispose: () => { disposed = true; },
  };
}
