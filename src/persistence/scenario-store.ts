// A key-value store in the idb-keyval style (architecture.md §4: "a store function in the
// idb-keyval style"): flat async functions, one transaction each. The IndexedDB one is what the
// worker uses; the in-memory one serves Node (serve, tests). IndexedDB appears nowhere else in src/.
import { createStore, del, get, getMany, keys, set, setMany, update, type UseStore } from 'idb-keyval';

/** What one `updateMany` writes: entries to put and keys to delete. */
export interface StoreWrites<R> {
  set?: [string, unknown][];
  del?: string[];
  result: R;
}

export interface ScenarioStore {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  update<T = unknown>(key: string, updater: (old: T | undefined) => T): Promise<void>;
  getMany(keys: string[]): Promise<unknown[]>;
  setMany(entries: [string, unknown][]): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
  /**
   * idb-keyval's `update` over several keys: reads `keys`, then writes what `updater` returns, in
   * ONE readwrite transaction (a compare-and-set of the index and a document together). `updater`
   * runs synchronously inside the transaction, and the values are copied as they are written, so
   * what it returns is what is stored. When it throws, nothing is written and the promise rejects.
   */
  updateMany<R>(keys: string[], updater: (values: unknown[]) => StoreWrites<R>): Promise<R>;
}

// DO NOT CHANGE these names: every stored scenario lives under them, and a new name would make
// the playground open on an empty library.
export const DATABASE_NAME = 'ecs-sandbox';
export const OBJECT_STORE_NAME = 'scenarios';

/** The IndexedDB store (idb-keyval). The database opens lazily, at the first operation. */
export function indexedDbScenarioStore(databaseName = DATABASE_NAME, storeName = OBJECT_STORE_NAME): ScenarioStore {
  const useStore: UseStore = createStore(databaseName, storeName);
  return {
    get: (key) => get(key, useStore),
    set: (key, value) => set(key, value, useStore),
    update: (key, updater) => update(key, updater, useStore),
    getMany: (list) => getMany(list, useStore),
    setMany: (entries) => setMany(entries, useStore),
    del: (key) => del(key, useStore),
    keys: () => keys<string>(useStore),
    updateMany: (list, updater) => useStore('readwrite', (store) => new Promise((resolve, reject) => {
      const tx = store.transaction;
      const values: unknown[] = new Array(list.length);
      let left = list.length;
      let result: unknown;
      let failed = false;
      tx.oncomplete = () => resolve(result as never);
      tx.onabort = tx.onerror = () => failed || reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      const write = () => {
        try {
          const writes = updater(values);
          result = writes.result;
          writes.set?.forEach(([key, value]) => store.put(value, key));
          writes.del?.forEach((key) => store.delete(key));
        } catch (error) {
          failed = true;
          tx.abort();
          reject(error);
        }
      };
      if (left === 0) write();
      list.forEach((key, i) => {
        store.get(key).onsuccess = function (this: IDBRequest) {
          values[i] = this.result;
          if (--left === 0) write();
        };
      });
    })),
  };
}

/** The same contract over a Map; values are copied in and out, as IndexedDB does. */
export function memoryScenarioStore(): ScenarioStore {
  const map = new Map<string, unknown>();
  const copy = <T>(v: T): T => (v === undefined ? v : structuredClone(v));
  // Each operation settles on a later microtask, like a transaction.
  const tx = async <T>(fn: () => T): Promise<T> => fn();
  return {
    get: (key) => tx(() => copy(map.get(key)) as never),
    set: (key, value) => tx(() => void map.set(key, copy(value))),
    update: (key, updater) => tx(() => void map.set(key, copy(updater(copy(map.get(key)) as never)))),
    getMany: (list) => tx(() => list.map((key) => copy(map.get(key)))),
    setMany: (entries) => tx(() => {
      const copies = entries.map(([key, value]) => [key, copy(value)] as const); // all or nothing
      copies.forEach(([key, value]) => map.set(key, value));
    }),
    del: (key) => tx(() => void map.delete(key)),
    keys: () => tx(() => [...map.keys()]),
    updateMany: (list, updater) => tx(() => {
      const writes = updater(list.map((key) => copy(map.get(key))));
      const puts = (writes.set ?? []).map(([key, value]) => [key, copy(value)] as const);
      puts.forEach(([key, value]) => map.set(key, value));
      writes.del?.forEach((key) => map.delete(key));
      return writes.result;
    }),
  };
}
