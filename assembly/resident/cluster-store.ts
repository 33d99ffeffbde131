// One resident cluster store (src/placement/resident-cluster-store.ts): the instance rows by slot,
// each slot's registered ports, its used-port set (port-sets.ts), and live / active task counts per
// (group, slot). Rows grow by doubling when a new slot arrives; (group, slot) counts are pooled
// entries found through a Map, created on a group's first task on a slot and kept (at zero) after
// its last, so a steady add/remove of the same tasks allocates nothing after warm-up.
//
// Everything here is managed memory (the incremental runtime's TLSF heap), allocated only by
// createClusterStore and applyClusterDeltas. When the heap runs out, TLSF grows linear memory at its
// top — above the batch buffer (memory/batch-buffer.ts), which then is no longer the top: its words
// stay valid (so records being applied are not disturbed), but the next reserve that needs MORE room
// restarts the buffer at the new top and leaves the old region unused. TLSF grows by at least the
// memory's current size, so this happens at most once per doubling of linear memory: O(log(store
// size)) times over a store's life, never during a steady stream of deltas whose state stays put.
import { grownTo } from './columns';
import { PortSets } from './port-sets';

export class ClusterStore {
  slotCount: i32 = 0;
  // Instance rows (absolute values of the last DELTA_INSTANCE record) …
  state: StaticArray<i32> = new StaticArray<i32>(0);
  agentConnected: StaticArray<i32> = new StaticArray<i32>(0);
  cpuRegistered: StaticArray<i32> = new StaticArray<i32>(0);
  memoryRegistered: StaticArray<i32> = new StaticArray<i32>(0);
  eniLimit: StaticArray<i32> = new StaticArray<i32>(0);
  ephemeralFirst: StaticArray<i32> = new StaticArray<i32>(0);
  ephemeralLast: StaticArray<i32> = new StaticArray<i32>(0);
  // … and the sums over its live tasks (DELTA_TASK records).
  cpuUsed: StaticArray<i32> = new StaticArray<i32>(0);
  memoryUsed: StaticArray<i32> = new StaticArray<i32>(0);
  eniUsed: StaticArray<i32> = new StaticArray<i32>(0);
  liveTasks: StaticArray<i32> = new StaticArray<i32>(0);
  /** The slot's registered ports (the first registeredLength[slot] words), replaced by each INSTANCE record. */
  registered: StaticArray<i32>[] = [];
  registeredLength: StaticArray<i32> = new StaticArray<i32>(0);
  ports: PortSets = new PortSets();
  /** (group << 32 | slot) → entry of groupLive / groupActive. */
  groupEntry: Map<u64, i32> = new Map<u64, i32>();
  groupLive: StaticArray<i32> = new StaticArray<i32>(0);
  groupActive: StaticArray<i32> = new StaticArray<i32>(0);
  groupEntries: i32 = 0;

  /** Appends a slot with an empty row (apply path). */
  addSlot(): i32 {
    const slot = this.slotCount++;
    const n = this.slotCount;
    this.state = grownTo(this.state, n);
    this.agentConnected = grownTo(this.agentConnected, n);
    this.cpuRegistered = grownTo(this.cpuRegistered, n);
    this.memoryRegistered = grownTo(this.memoryRegistered, n);
    this.eniLimit = grownTo(this.eniLimit, n);
    this.ephemeralFirst = grownTo(this.ephemeralFirst, n);
    this.ephemeralLast = grownTo(this.ephemeralLast, n);
    this.cpuUsed = grownTo(this.cpuUsed, n);
    this.memoryUsed = grownTo(this.memoryUsed, n);
    this.eniUsed = grownTo(this.eniUsed, n);
    this.liveTasks = grownTo(this.liveTasks, n);
    this.registeredLength = grownTo(this.registeredLength, n);
    this.registered.push(new StaticArray<i32>(0));
    this.ports.ensureSlots(n);
    return slot;
  }

  /** Room for `length` registered ports of `slot`, reusing its array when it is large enough (apply path). */
  registeredRoom(slot: i32, length: i32): StaticArray<i32> {
    let ports = unchecked(this.registered[slot]);
    if (ports.length < length) {
      ports = new StaticArray<i32>(length);
      unchecked(this.registered[slot] = ports);
    }
    return ports;
  }

  /** The entry of (group, slot), made on first use (apply path). */
  groupEntryOf(group: i32, slot: i32): i32 {
    const key = (<u64>group << 32) | <u64><u32>slot;
    if (this.groupEntry.has(key)) return this.groupEntry.get(key);
    const entry = this.groupEntries++;
    this.groupLive = grownTo(this.groupLive, this.groupEntries);
    this.groupActive = grownTo(this.groupActive, this.groupEntries);
    this.groupEntry.set(key, entry);
    return entry;
  }

  /** The entry of (group, slot), or -1 when the group never had a task there (gather path: no allocation). */
  existingGroupEntry(group: i32, slot: i32): i32 {
    if (group < 0) return -1;
    const key = (<u64>group << 32) | <u64><u32>slot;
    return this.groupEntry.has(key) ? this.groupEntry.get(key) : -1;
  }
}
