// The plain-TypeScript ResidentClusterStore (src/placement/resident-cluster-store.ts): the reference
// the WASM store is tested against, so it stays simple, but a batch gathers without sorting. Per-slot
// rows live in growable typed arrays; each slot's used ports in a sorted array with its holder counts
// beside it (insert and remove by binary search), plus its reserved-port counts per protocol kept as
// the holders change; per-group live/active counts in one dense column pair per group. What it
// gathers is exactly the list at the top of src/placement/resident-deltas.ts.
import { PROTOCOL_TCP } from '../placement/placement-codes.ts';
import type { PlacementProblem, PlacementResult } from '../placement/placement-problem.ts';
import { batchOwnFields, type ResidentBatch, type ResidentClusterStore } from '../placement/resident-cluster-store.ts';
import {
  DELTA_INSTANCE, DELTA_TASK, INSTANCE_GONE, INSTANCE_RECORD_HEAD, TASK_RECORD_HEAD,
} from '../placement/resident-deltas.ts';

/**
 * The used ports of one slot, ascending, and their holders: `used[k]` by the registered set or any
 * task, `reserved[k]` by the registered set or a static mapping. A port is listed while used > 0; a
 * listed port with reserved > 0 counts in reservedTcp / reservedUdp.
 */
interface SlotPorts {
  keys: number[];
  used: number[];
  reserved: number[];
  reservedTcp: number;
  reservedUdp: number;
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
  const ports: SlotPorts[] = [];
  const registered: number[][] = [];
  const groups: { live: Int32Array; active: Int32Array }[] = [];
  let disposed = false;

  const fail = (message: string): never => {
    throw new Error(`resident cluster store: ${message}`);
  };

  /** The first index of `keys` whose port is ≥ `port`. */
  function lowerBound(keys: number[], port: number): number {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < port) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function hold(slot: number, port: number, used: number, reserved: number): void {
    const set = ports[slot];
    const at = lowerBound(set.keys, port);
    if (set.keys[at] !== port) {
      if (used <= 0) return; // releasing a port nobody holds: nothing to do
      set.keys.splice(at, 0, port);
      set.used.splice(at, 0, 0);
      set.reserved.splice(at, 0, 0);
    }
    const wasReserved = set.reserved[at] > 0;
    set.used[at] += used;
    set.reserved[at] += reserved;
    const isReserved = set.used[at] > 0 && set.reserved[at] > 0;
    if (wasReserved !== isReserved) {
      if (isTcp(port)) set.reservedTcp += isReserved ? 1 : -1;
      else set.reservedUdp += isReserved ? 1 : -1;
    }
    if (set.used[at] <= 0) {
      set.keys.splice(at, 1);
      set.used.splice(at, 1);
      set.reserved.splice(at, 1);
    }
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
      ports.push({ keys: [], used: [], reserved: [], reservedTcp: 0, reservedUdp: 0 });
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

  /** A group's counts by slot (undefined for -1, or a group that never had a task). */
  const groupColumn = (group: number, which: 'live' | 'active'): Int32Array | undefined =>
    group >= 0 && group < groups.length ? groups[group][which] : undefined;

  /** The group's counts on the batch's slots, in problem order, written at `out[at …]`. */
  function gatherGroup(group: number, which: 'live' | 'active', slots: Int32Array, out: Int32Array, at = 0): Int32Array {
    const column = groupColumn(group, which);
    if (column) for (let i = 0; i < slots.length; i++) out[at + i] = column[slots[i]] ?? 0;
    return out;
  }

  function problemOf(batch: ResidentBatch): PlacementProblem {
    if (disposed) fail('used after dispose');
    const { slots } = batch;
    const M = slots.length;
    let portTotal = 0;
    for (const slot of slots) {
      if (slot < 0 || slot >= slotCount) fail(`batch names unknown slot ${slot} (${slotCount} slots)`);
      if (rows.state[slot] === INSTANCE_GONE) fail(`batch names slot ${slot}, which is INSTANCE_GONE`);
      portTotal += ports[slot].keys.length;
    }
    // Plain loops: Int32Array.from(slots, f) and set(number[]) take V8's slow generic paths.
    const column = (f: (slot: number) => number) => {
      const out = new Int32Array(M);
      for (let i = 0; i < M; i++) out[i] = f(slots[i]);
      return out;
    };
    const usedPortsStart = new Int32Array(M + 1);
    const usedPorts = new Int32Array(portTotal);
    let gathered = 0;
    for (let i = 0; i < M; i++) {
      for (const port of ports[slots[i]].keys) usedPorts[gathered++] = port;
      usedPortsStart[i + 1] = gathered;
    }
    const R = batch.referencedGroups.length;
    const groupLiveByGroup = new Int32Array(R * M);
    batch.referencedGroups.forEach((group, g) => gatherGroup(group, 'live', slots, groupLiveByGroup, g * M));
    return {
      instanceCount: M,
      instanceState: column((s) => rows.state[s]),
      agentConnected: column((s) => rows.agentConnected[s]),
      cpuFree: column((s) => rows.cpuRegistered[s] - rows.cpuUsed[s]),
      memoryFree: column((s) => rows.memoryRegistered[s] - rows.memoryUsed[s]),
      eniFree: column((s) => Math.max(0, rows.eniLimit[s] - 1 - rows.eniUsed[s])),
      usedPortsStart,
      usedPorts,
      reservedTcpCount: column((s) => ports[s].reservedTcp),
      reservedUdpCount: column((s) => ports[s].reservedUdp),
      ephemeralFirst: column((s) => rows.ephemeralFirst[s]),
      ephemeralLast: column((s) => rows.ephemeralLast[s]),
      groupActive: gatherGroup(batch.batchGroup, 'active', slots, new Int32Array(M)),
      groupLive: gatherGroup(batch.batchGroup, 'live', slots, new Int32Array(M)),
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
