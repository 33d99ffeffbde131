// The store contract, the same for IndexedDB (idb-keyval over fake-indexeddb) and the in-memory store.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { indexedDbScenarioStore, memoryScenarioStore, type ScenarioStore } from '../../../src/persistence/scenario-store.ts';
import { aDatabaseName } from '../../builders/scenario-library.ts';

const stores: [string, () => ScenarioStore][] = [
  ['IndexedDB', () => indexedDbScenarioStore(aDatabaseName())],
  ['memory', () => memoryScenarioStore()],
];

describe.each(stores)('%s scenario store', (_name, aStore) => {
  it('get, set, update, getMany, setMany, del and keys behave as idb-keyval does', async () => {
    const store = aStore();
    expect(await store.get('a')).toBeUndefined();
    await store.set('a', { n: 1 });
    await store.setMany([['b', [1, 2]], ['c', 'text']]);
    await store.update<{ n: number }>('a', (old) => ({ n: (old?.n ?? 0) + 1 }));
    expect(await store.getMany(['a', 'b', 'c', 'missing'])).toEqual([{ n: 2 }, [1, 2], 'text', undefined]);
    await store.del('b');
    expect((await store.keys()).sort()).toEqual(['a', 'c']);
  });

  it('values are copies: changing one after set or get changes nothing stored', async () => {
    const store = aStore();
    const value = { list: [1] };
    await store.set('k', value);
    value.list.push(2);
    const read = await store.get<{ list: number[] }>('k');
    read!.list.push(3);
    expect(await store.get('k')).toEqual({ list: [1] });
  });

  it('updateMany reads several keys and writes in one go, and returns the updater\'s result', async () => {
    const store = aStore();
    await store.setMany([['x', 1], ['y', 2], ['z', 3]]);
    const result = await store.updateMany(['x', 'y', 'absent'], (values) => ({
      set: [['x', (values[0] as number) + (values[1] as number)]], del: ['z'], result: values,
    }));
    expect(result).toEqual([1, 2, undefined]);
    expect(await store.getMany(['x', 'y', 'z'])).toEqual([3, 2, undefined]); // x = 1 + 2
  });

  it('an updater that throws writes nothing and rejects with its error', async () => {
    const store = aStore();
    await store.set('x', 1);
    await expect(store.updateMany(['x'], () => {
      throw new Error('no');
    })).rejects.toThrow('no');
    expect(await store.get('x')).toBe(1);
  });

  it('a value that cannot be stored (a function) rejects and writes none of the batch', async () => {
    const store = aStore();
    await expect(store.updateMany([], () => ({ set: [['ok', 1], ['bad', () => 1]], result: null }))).rejects.toThrow();
    expect(await store.get('ok')).toBeUndefined();
  });
});

describe('IndexedDB scenario store', () => {
  it('updateMany is one readwrite transaction', async () => {
    const store = indexedDbScenarioStore(aDatabaseName());
    await store.set('warm', 0); // opens the database first
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    await store.updateMany(['a', 'b'], () => ({ set: [['a', 1], ['b', 2]], result: undefined }));
    expect(spy.mock.calls.map((c) => c[1])).toEqual(['readwrite']);
    spy.mockRestore();
  });

  it('uses the database and object store names the stored data depends on', async () => {
    const { DATABASE_NAME, OBJECT_STORE_NAME } = await import('../../../src/persistence/scenario-store.ts');
    expect([DATABASE_NAME, OBJECT_STORE_NAME]).toEqual(['ecs-sandbox', 'scenarios']);
  });
});
