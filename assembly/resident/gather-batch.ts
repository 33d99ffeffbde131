// Gathers a batch's instance columns from a store into the batch buffer (header PH_*, with the batch's
// slots at PH_RESIDENT_SLOTS, its referenced store groups at PH_RESIDENT_GROUPS and its own group in
// PH_RESIDENT_BATCH_GROUP): exactly the list of src/placement/resident-deltas.ts. Allocates nothing;
// O(M × (1 + referenced groups)) word copies plus one memory.copy of each named slot's sorted ports.
import * as abi from '../abi';
import { regionAt, setWord, word } from '../memory/words';
import { ClusterStore } from './cluster-store';

/** Writes `column[slot]` for each of the M slots to `out` (0 past the column's end; all 0 for a null column). */
function gatherGroup(column: StaticArray<i32> | null, slots: usize, M: i32, out: usize): void {
  if (column === null) {
    memory.fill(out, 0, <usize>M << 2);
    return;
  }
  const length = column.length;
  for (let i = 0; i < M; i++) {
    const slot = word(slots, i);
    setWord(out, i, slot < length ? unchecked(column[slot]) : 0);
  }
}

/**
 * Fills the instance columns of the batch at `base`; returns the ports gathered, or RESIDENT_BAD_SLOT /
 * RESIDENT_PORTS_OVERFLOW. Without `withPorts` (placeResidentTasks on a task with no port mappings,
 * whose placement never reads them) usedPorts gets nothing and usedPortsStart is all 0.
 */
export function gatherBatch(store: ClusterStore, base: usize, withPorts: bool = true): i32 {
  const M = word(base, abi.PH_INSTANCE_COUNT);
  const R = word(base, abi.PH_REFERENCED_GROUP_COUNT);
  const batchGroup = word(base, abi.PH_RESIDENT_BATCH_GROUP);
  const slots = regionAt(base, abi.PH_RESIDENT_SLOTS);
  const groups = regionAt(base, abi.PH_RESIDENT_GROUPS);
  const ports = store.ports;
  // Check every slot before writing, and that the ports fit the clusterStoreUsedPortCount words the
  // host gave usedPorts (only a slot named twice can exceed it).
  let portTotal = 0;
  for (let i = 0; i < M; i++) {
    const slot = word(slots, i);
    if (slot < 0 || slot >= store.slotCount || unchecked(store.state[slot]) == abi.INSTANCE_GONE) return abi.RESIDENT_BAD_SLOT;
    portTotal += unchecked(ports.count[slot]);
  }
  if (withPorts && portTotal > ports.total) return abi.RESIDENT_PORTS_OVERFLOW;

  const instanceState = regionAt(base, abi.PH_INSTANCE_STATE);
  const agentConnected = regionAt(base, abi.PH_AGENT_CONNECTED);
  const cpuFree = regionAt(base, abi.PH_CPU_FREE);
  const memoryFree = regionAt(base, abi.PH_MEMORY_FREE);
  const eniFree = regionAt(base, abi.PH_ENI_FREE);
  const usedPortsStart = regionAt(base, abi.PH_USED_PORTS_START);
  const usedPorts = regionAt(base, abi.PH_USED_PORTS);
  const reservedTcpCount = regionAt(base, abi.PH_RESERVED_TCP_COUNT);
  const reservedUdpCount = regionAt(base, abi.PH_RESERVED_UDP_COUNT);
  const ephemeralFirst = regionAt(base, abi.PH_EPHEMERAL_FIRST);
  const ephemeralLast = regionAt(base, abi.PH_EPHEMERAL_LAST);
  const liveTasks = regionAt(base, abi.PH_LIVE_TASKS);
  // The store's columns in locals: the stores below could alias the fields, so the loop would reload them.
  const state = store.state;
  const connected = store.agentConnected;
  const cpuRegistered = store.cpuRegistered;
  const cpuUsed = store.cpuUsed;
  const memoryRegistered = store.memoryRegistered;
  const memoryUsed = store.memoryUsed;
  const eniLimit = store.eniLimit;
  const eniUsed = store.eniUsed;
  const reservedTcp = ports.reservedTcp;
  const reservedUdp = ports.reservedUdp;
  const first = store.ephemeralFirst;
  const last = store.ephemeralLast;
  const live = store.liveTasks;
  for (let i = 0; i < M; i++) {
    const slot = word(slots, i);
    setWord(instanceState, i, unchecked(state[slot]));
    setWord(agentConnected, i, unchecked(connected[slot]));
    setWord(cpuFree, i, unchecked(cpuRegistered[slot]) - unchecked(cpuUsed[slot]));
    setWord(memoryFree, i, unchecked(memoryRegistered[slot]) - unchecked(memoryUsed[slot]));
    setWord(eniFree, i, max(0, unchecked(eniLimit[slot]) - 1 - unchecked(eniUsed[slot])));
    setWord(reservedTcpCount, i, unchecked(reservedTcp[slot]));
    setWord(reservedUdpCount, i, unchecked(reservedUdp[slot]));
    setWord(ephemeralFirst, i, unchecked(first[slot]));
    setWord(ephemeralLast, i, unchecked(last[slot]));
    setWord(liveTasks, i, unchecked(live[slot]));
  }
  let gathered = 0;
  if (withPorts) {
    setWord(usedPortsStart, 0, 0);
    for (let i = 0; i < M; i++) {
      gathered += ports.copyTo(word(slots, i), usedPorts + (<usize>gathered << 2));
      setWord(usedPortsStart, i + 1, gathered);
    }
  } else {
    memory.fill(usedPortsStart, 0, <usize>(M + 1) << 2);
  }
  gatherGroup(store.groupColumn(batchGroup, false), slots, M, regionAt(base, abi.PH_GROUP_ACTIVE));
  gatherGroup(store.groupColumn(batchGroup, true), slots, M, regionAt(base, abi.PH_GROUP_LIVE));
  const groupLiveByGroup = regionAt(base, abi.PH_GROUP_LIVE_BY_GROUP);
  for (let g = 0; g < R; g++) {
    gatherGroup(store.groupColumn(word(groups, g), true), slots, M, groupLiveByGroup + (<usize>(g * M) << 2));
  }
  return gathered;
}

/** gatherBatch for placeResidentTasks: the ports only when the batch's task has port mappings (PH_PORT_MAPPING_COUNT > 0). */
export function gatherForPlacement(store: ClusterStore, base: usize): i32 {
  return gatherBatch(store, base, word(base, abi.PH_PORT_MAPPING_COUNT) > 0);
}
