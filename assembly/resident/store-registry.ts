// Resident stores by id: the exports name a store by a number (assembly/index.ts), never an object.
// A disposed store's id is reused by the next createClusterStore; its memory goes back to the runtime
// at once (disposeStore).
import { ClusterStore } from './cluster-store';

const stores: (ClusterStore | null)[] = [];

export function createStore(): i32 {
  for (let id = 0; id < stores.length; id++) {
    if (unchecked(stores[id]) === null) {
      unchecked(stores[id] = new ClusterStore());
      return id;
    }
  }
  stores.push(new ClusterStore());
  return stores.length - 1;
}

/** The store with this id, or null (never created, or disposed). */
export function storeOf(id: i32): ClusterStore | null {
  return id >= 0 && id < stores.length ? unchecked(stores[id]) : null;
}

/**
 * Drops the store and runs a full collection at once (__collect, the runtime's own; exportRuntime only
 * decides whether the HOST may call it). Left to the incremental collector, the store's blocks would
 * wait until the heap doubled again (its idle factor: 200 % of what the last cycle kept), so the next
 * store would load into fresh memory and linear memory would end at about twice one store.
 */
export function disposeStore(id: i32): void {
  if (id < 0 || id >= stores.length || unchecked(stores[id]) === null) return;
  unchecked(stores[id] = null);
  __collect();
}
