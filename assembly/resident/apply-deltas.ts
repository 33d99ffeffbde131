// Applies delta records (src/placement/resident-deltas.ts) to a store, in order. Row writes and group
// counts are O(1) amortized; each port is one insert into or removal from the slot's sorted array
// (port-sets.ts: O(log k + k) for k ports on the slot). On a malformed record it stops and returns RESIDENT_BAD_RECORD; the records before it
// stay applied (the TS store, which throws there, behaves the same).
import * as abi from '../abi';
import { word } from '../memory/words';
import { ClusterStore } from './cluster-store';

function applyInstance(store: ClusterStore, records: usize, at: i32, words: i32): i32 {
  if (at + abi.INSTANCE_RECORD_HEAD > words) return abi.RESIDENT_BAD_RECORD;
  const slot = word(records, at + 1);
  const portCount = word(records, at + 9);
  const end = at + abi.INSTANCE_RECORD_HEAD + portCount;
  if (portCount < 0 || end > words) return abi.RESIDENT_BAD_RECORD;
  if (slot < 0 || slot > store.slotCount) return abi.RESIDENT_BAD_RECORD; // a new slot must be the next one
  if (slot == store.slotCount) store.addSlot();
  unchecked(store.state[slot] = word(records, at + 2));
  unchecked(store.agentConnected[slot] = word(records, at + 3));
  unchecked(store.cpuRegistered[slot] = word(records, at + 4));
  unchecked(store.memoryRegistered[slot] = word(records, at + 5));
  unchecked(store.eniLimit[slot] = word(records, at + 6));
  unchecked(store.ephemeralFirst[slot] = word(records, at + 7));
  unchecked(store.ephemeralLast[slot] = word(records, at + 8));
  // The new registered set replaces the old one: release the old ports, then hold the new ones.
  const old = unchecked(store.registered[slot]);
  const oldLength = unchecked(store.registeredLength[slot]);
  for (let k = 0; k < oldLength; k++) store.ports.hold(slot, unchecked(old[k]), -1, -1);
  const ports = store.registeredRoom(slot, portCount);
  for (let k = 0; k < portCount; k++) {
    const port = word(records, at + abi.INSTANCE_RECORD_HEAD + k);
    unchecked(ports[k] = port);
    store.ports.hold(slot, port, 1, 1);
  }
  unchecked(store.registeredLength[slot] = portCount);
  return end;
}

function applyTask(store: ClusterStore, records: usize, at: i32, words: i32): i32 {
  if (at + abi.TASK_RECORD_HEAD > words) return abi.RESIDENT_BAD_RECORD;
  const sign = word(records, at + 1);
  const slot = word(records, at + 2);
  const group = word(records, at + 6);
  const active = word(records, at + 7);
  const portCount = word(records, at + 8);
  const end = at + abi.TASK_RECORD_HEAD + 2 * portCount;
  if (portCount < 0 || end > words || (sign != 1 && sign != -1)) return abi.RESIDENT_BAD_RECORD;
  if (slot < 0 || slot >= store.slotCount || group < 0) return abi.RESIDENT_BAD_RECORD;
  unchecked(store.cpuUsed[slot] += sign * word(records, at + 3));
  unchecked(store.memoryUsed[slot] += sign * word(records, at + 4));
  unchecked(store.eniUsed[slot] += sign * word(records, at + 5));
  unchecked(store.liveTasks[slot] += sign);
  store.addToGroup(group, slot, sign, sign * active);
  for (let k = 0; k < portCount; k++) {
    const port = word(records, at + abi.TASK_RECORD_HEAD + 2 * k);
    const isStatic = word(records, at + abi.TASK_RECORD_HEAD + 2 * k + 1);
    store.ports.hold(slot, port, sign, isStatic != 0 ? sign : 0);
  }
  return end;
}

/** Applies the `words` words of records at `records`; returns 0, or RESIDENT_BAD_RECORD. */
export function applyDeltas(store: ClusterStore, records: usize, words: i32): i32 {
  let at = 0;
  while (at < words) {
    const kind = word(records, at);
    if (kind == abi.DELTA_INSTANCE) at = applyInstance(store, records, at, words);
    else if (kind == abi.DELTA_TASK) at = applyTask(store, records, at, words);
    else return abi.RESIDENT_BAD_RECORD;
    if (at < 0) return at;
  }
  return 0;
}
