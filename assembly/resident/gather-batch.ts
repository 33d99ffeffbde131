// Gathers a batch's instance columns from a store into the batch buffer (header PH_*, with the batch's
// slots at PH_RESIDENT_SLOTS, its referenced store groups at PH_RESIDENT_GROUPS and its own group in
// PH_RESIDENT_BATCH_GROUP): exactly the list of src/placement/resident-deltas.ts. Allocates nothing;
// O(M + ports gathered + referenced groups × M) (each group count is one Map lookup).
import * as abi from '../abi';
import { regionAt, setWord, word } from '../memory/words';
import { ClusterStore } from './cluster-store';

/** A (group, slot) count: live tasks, or active ones; 0 when the group never had a task there or group is -1. */
function groupCount(store: ClusterStore, group: i32, slot: i32, live: bool): i32 {
  const entry = store.existingGroupEntry(group, slot);
  if (entry < 0) return 0;
  return live ? unchecked(store.groupLive[entry]) : unchecked(store.groupActive[entry]);
}

/** Fills the instance columns of the batch at `base`; returns the ports gathered, or RESIDENT_BAD_SLOT / RESIDENT_PORTS_OVERFLOW. */
export function gatherBatch(store: ClusterStore, base: usize): i32 {
  const M = word(base, abi.PH_INSTANCE_COUNT);
  const R = word(base, abi.PH_REFERENCED_GROUP_COUNT);
  const batchGroup = word(base, abi.PH_RESIDENT_BATCH_GROUP);
  const slots = regionAt(base, abi.PH_RESIDENT_SLOTS);
  const groups = regionAt(base, abi.PH_RESIDENT_GROUPS);
  // Check every slot before writing, and that the ports fit the clusterStoreUsedPortCount words the
  // host gave usedPorts (only a slot named twice can exceed it).
  let portTotal = 0;
  for (let i = 0; i < M; i++) {
    const slot = word(slots, i);
    if (slot < 0 || slot >= store.slotCount || unchecked(store.state[slot]) == abi.INSTANCE_GONE) return abi.RESIDENT_BAD_SLOT;
    portTotal += unchecked(store.ports.count[slot]);
  }
  if (portTotal > store.ports.total) return abi.RESIDENT_PORTS_OVERFLOW;

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
  const groupActive = regionAt(base, abi.PH_GROUP_ACTIVE);
  const groupLive = regionAt(base, abi.PH_GROUP_LIVE);
  const liveTasks = regionAt(base, abi.PH_LIVE_TASKS);
  const groupLiveByGroup = regionAt(base, abi.PH_GROUP_LIVE_BY_GROUP);
  const ports = store.ports;
  let gathered = 0;
  setWord(usedPortsStart, 0, 0);
  for (let i = 0; i < M; i++) {
    const slot = word(slots, i);
    setWord(instanceState, i, unchecked(store.state[slot]));
    setWord(agentConnected, i, unchecked(store.agentConnected[slot]));
    setWord(cpuFree, i, unchecked(store.cpuRegistered[slot]) - unchecked(store.cpuUsed[slot]));
    setWord(memoryFree, i, unchecked(store.memoryRegistered[slot]) - unchecked(store.memoryUsed[slot]));
    setWord(eniFree, i, max(0, unchecked(store.eniLimit[slot]) - 1 - unchecked(store.eniUsed[slot])));
    gathered += ports.listInOrder(slot, usedPorts + (<usize>gathered << 2));
    setWord(usedPortsStart, i + 1, gathered);
    setWord(reservedTcpCount, i, unchecked(ports.reservedTcp[slot]));
    setWord(reservedUdpCount, i, unchecked(ports.reservedUdp[slot]));
    setWord(ephemeralFirst, i, unchecked(store.ephemeralFirst[slot]));
    setWord(ephemeralLast, i, unchecked(store.ephemeralLast[slot]));
    setWord(groupActive, i, groupCount(store, batchGroup, slot, false));
    setWord(groupLive, i, groupCount(store, batchGroup, slot, true));
    setWord(liveTasks, i, unchecked(store.liveTasks[slot]));
  }
  for (let g = 0; g < R; g++) {
    const group = word(groups, g);
    for (let i = 0; i < M; i++) setWord(groupLiveByGroup, g * M + i, groupCount(store, group, word(slots, i), true));
  }
  return gathered;
}
