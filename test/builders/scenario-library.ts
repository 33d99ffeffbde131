// A scenario library over a fresh fake IndexedDB database (fake-indexeddb/auto must be imported by the
// test file), with a wall clock the test moves and a store that counts its transactions.
import { ScenarioLibrary } from '../../src/persistence/scenario-library.ts';
import { indexedDbScenarioStore, memoryScenarioStore, type ScenarioStore } from '../../src/persistence/scenario-store.ts';

/** A database name no other test uses: each test is a fresh browser profile. */
export const aDatabaseName = () => `ecs-sandbox-test-${crypto.randomUUID()}`;

export type CountingStore = ScenarioStore & { transactions: Record<string, number>; total(): number };

/** Counts the calls of each store operation; each one is one IndexedDB transaction. */
export function counting(store: ScenarioStore): CountingStore {
  const transactions: Record<string, number> = {};
  const wrapped = Object.fromEntries(Object.entries(store).map(([name, fn]) => [name, (...args: unknown[]) => {
    transactions[name] = (transactions[name] ?? 0) + 1;
    return (fn as (...a: unknown[]) => unknown)(...args);
  }])) as unknown as ScenarioStore;
  return Object.assign(wrapped, { transactions, total: () => Object.values(transactions).reduce((a, b) => a + b, 0) });
}

export interface LibraryFixture {
  library: ScenarioLibrary;
  store: CountingStore;
  databaseName: string;
  /** The wall clock `savedAt` comes from. */
  clock: { now: number };
}

let ids = 0;

export function aLibrary(options: { databaseName?: string; memory?: boolean; sequentialIds?: boolean } = {}): LibraryFixture {
  const databaseName = options.databaseName ?? aDatabaseName();
  const store = counting(options.memory ? memoryScenarioStore() : indexedDbScenarioStore(databaseName));
  const clock = { now: 1_700_000_000_000 };
  const library = new ScenarioLibrary({
    store, now: () => clock.now,
    ...(options.sequentialIds ? { newId: () => `scenario-${++ids}` } : {}),
  });
  return { library, store, databaseName, clock };
}
