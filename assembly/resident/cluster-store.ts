// One resident cluster store (src/placement/resident-cluster-store.ts): the instance rows by slot,
// each slot's registered ports, its used-port set (port-sets.ts: a sorted flat array per slot), and
// live / active task counts per group as dense columns by slot. Rows grow by doubling when a new slot
// arrives. A group's pair of columns is taken the first time it gets a task and sized to the slot
// capacity then (a task on a later slot grows it to the capacity of that time); when every count of
// the group is back to 0 the pair, all zeros, goes to a spare list that the next new group takes from.
// So the columns held are at most the most groups ever non-zero at once × the slot capacity × 8
// bytes, and a steady add/remove of the same tasks allocates nothing after warm-up. Gathering a
// group's counts is an indexed copy.
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
  /** Per store group: its live / active counts by slot, or null while every count of the group is 0. */
  groupLive: (StaticArray<i32> | null)[] = [];
  groupActive: (StaticArray<i32> | null)[] = [];
  /** Per store group: the slots where its live or active count is not 0. */
  groupNonZero: StaticArray<i32> = new StaticArray<i32>(0);
  /** Column pairs of groups whose counts all went back to 0 (all zeros), for the next group. */
  private spareLive: StaticArray<i32>[] = [];
  private spareActive: StaticArray<i32>[] = [];

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

  /** Adds `live` / `active` to the counts of (group, slot) (apply path: may take or grow the group's columns). */
  addToGroup(group: i32, slot: i32, live: i32, active: i32): void {
    while (this.groupLive.length <= group) {
      this.groupLive.push(null);
      this.groupActive.push(null);
    }
    this.groupNonZero = grownTo(this.groupNonZero, group + 1);
    let liveColumn = unchecked(this.groupLive[group]);
    let activeColumn = unchecked(this.groupActive[group]);
    if (liveColumn === null || activeColumn === null) {
      if (live == 0 && active == 0) return;
      if (this.spareLive.length > 0) {
        liveColumn = this.spareLive.pop();
        activeColumn = this.spareActive.pop();
      } else {
        liveColumn = new StaticArray<i32>(this.state.length);
        activeColumn = new StaticArray<i32>(this.state.length);
      }
    }
    if (slot >= liveColumn.length) {
      liveColumn = grownTo(liveColumn, this.state.length);
      activeColumn = grownTo(activeColumn, this.state.length);
    }
    unchecked(this.groupLive[group] = liveColumn);
    unchecked(this.groupActive[group] = activeColumn);
    const wasZero = (unchecked(liveColumn[slot]) | unchecked(activeColumn[slot])) == 0;
    const nowLive = unchecked(liveColumn[slot]) + live;
    const nowActive = unchecked(activeColumn[slot]) + active;
    unchecked(liveColumn[slot] = nowLive);
    unchecked(activeColumn[slot] = nowActive);
    const isZero = (nowLive | nowActive) == 0;
    if (wasZero == isZero) return;
    const nonZero = unchecked(this.groupNonZero[group]) + (isZero ? -1 : 1);
    unchecked(this.groupNonZero[group] = nonZero);
    if (nonZero == 0) {
      this.spareLive.push(liveColumn);
      this.spareActive.push(activeColumn);
      unchecked(this.groupLive[group] = null);
      unchecked(this.groupActive[group] = null);
    }
  }

  /** The group's live (or active) counts by slot, or null when they are all 0 or group is -1 (gather path: no allocation). */
  groupColumn(group: i32, live: bool): StaticArray<i32> | null {
    if (group < 0 || group >= this.groupLive.length) return null;
    return live ? unchecked(this.groupLive[group]) : unchecked(this.groupActive[group]);
  }
}
