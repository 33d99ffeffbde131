// The WASM resident cluster store (assembly/resident, src/wasm/wasm-resident-cluster-store.ts) against
// the TS reference store: for random delta scripts both gather the same PlacementProblem, and placing
// on the WASM store equals the literal oracle on the TS store's problem (bit for bit, PRNG included).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSchedulerCore } from '../../src/wasm/load-scheduler-core.ts';
import type { SchedulerCoreExports } from '../../src/wasm/scheduler-core-exports.ts';
import { createWasmPlacementCore } from '../../src/wasm/wasm-placement-core.ts';
import { createWasmScanPlacementCore, type ScanCoreExports } from '../../src/wasm/wasm-scan-placement-core.ts';
import { literalPlacementCore } from '../../src/reference/literal-placement-core.ts';
import { createTsResidentClusterStore } from '../../src/reference/ts-resident-cluster-store.ts';
import type { PlacementCore } from '../../src/placement-core.ts';
import type { PlacementProblem } from '../../src/placement/placement-problem.ts';
import type { ResidentBatch } from '../../src/placement/resident-cluster-store.ts';
import { DeltaWriter, INSTANCE_ACTIVE } from '../../src/placement/resident-deltas.ts';
import { arbitraryResidentScript } from '../builders/arbitrary-resident-deltas.ts';
import { plainPlacement } from '../builders/plain-results.ts';

let exports: SchedulerCoreExports;
let wasm: PlacementCore;
let wasmScan: PlacementCore;
beforeAll(async () => {
  exports = await loadSchedulerCore({ bytes: readFileSync(new URL('../../build/scheduler-core.wasm', import.meta.url)) });
  wasm = createWasmPlacementCore(exports);
  wasmScan = createWasmScanPlacementCore(exports as ScanCoreExports);
});

/** A problem as plain arrays, so a mismatch prints readably. */
const plainProblem = (p: PlacementProblem) =>
  Object.fromEntries(Object.entries(p).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, ArrayBuffer.isView(v) ? [...(v as Int32Array)] : v]));

describe('WASM resident store = TS resident store', () => {
  it('gathers the same problems and places as the literal oracle on random delta scripts', () => {
    fc.assert(fc.property(arbitraryResidentScript(), (script) => {
      const reference = createTsResidentClusterStore(literalPlacementCore);
      const stores = [wasm.createClusterStore(), wasmScan.createClusterStore()];
      try {
        for (const step of script) {
          if ('deltas' in step) {
            reference.applyDeltas(step.deltas);
            for (const store of stores) store.applyDeltas(step.deltas);
            continue;
          }
          const expected = reference.problemOf(step.batch);
          const placed = plainPlacement(literalPlacementCore.placeTasks(expected));
          for (const store of stores) {
            expect(plainProblem(store.problemOf(step.batch))).toEqual(plainProblem(expected));
            expect(plainPlacement(store.placeTasks(step.batch))).toEqual(placed);
          }
        }
      } finally {
        for (const store of stores) store.dispose();
      }
    }), { numRuns: 300 });
  });

  it('keeps hundreds of ports per slot in order through random adds and removes (the per-slot sorted port arrays)', () => {
    const portArb = fc.integer({ min: 1, max: 2 * 65535 }).map((x) => (x > 65535 ? (1 << 16) | (x - 65535) : x));
    const opsArb = fc.array(fc.record({ add: fc.boolean(), pick: fc.nat(), ports: fc.uniqueArray(portArb, { minLength: 1, maxLength: 40 }), isStatic: fc.boolean() }), { minLength: 1, maxLength: 60 });
    fc.assert(fc.property(opsArb, (ops) => {
      const reference = createTsResidentClusterStore(literalPlacementCore);
      const store = wasm.createClusterStore();
      const deltas = new DeltaWriter();
      for (const slot of [0, 1]) {
        deltas.instance(slot, { state: INSTANCE_ACTIVE, agentConnected: 1, cpuRegistered: 0, memoryRegistered: 0, eniLimit: 0, ephemeralFirst: 1, ephemeralLast: 65535, reservedPorts: [22, 65536 + 22] });
      }
      const live: { ports: number[]; isStatic: boolean }[] = [];
      for (const op of ops) {
        const held = (t: { ports: number[]; isStatic: boolean }) =>
          ({ cpu: 0, memory: 0, eni: 0, group: 0, active: 1, ports: t.ports, staticPorts: t.ports.map(() => (t.isStatic ? 1 : 0)) });
        if (op.add || live.length === 0) {
          live.push(op);
          deltas.task(1, 1, held(op));
        } else {
          deltas.task(-1, 1, held(live.splice(op.pick % live.length, 1)[0]));
        }
      }
      reference.applyDeltas(deltas.records());
      store.applyDeltas(deltas.records());
      const batch: ResidentBatch = {
        slots: Int32Array.of(1, 0), batchGroup: 0, referencedGroups: Int32Array.of(0), attributesOk: Int32Array.of(1, 1),
        taskCpu: 0, taskMemory: 0, taskNeedsEni: 0, taskPortMappings: Int32Array.of(0), constraintKind: new Int32Array(0),
        programStart: Int32Array.of(0), programOps: new Int32Array(0), leafCount: 0, leafBits: new Int32Array(0), batchGroupIndex: 0,
        strategyType: new Int32Array(0), strategyField: new Int32Array(0), spreadKeys: new Int32Array(0), spreadKeyCount: new Int32Array(0),
        count: 3, random: Uint32Array.of(1, 2, 3, 4),
      };
      try {
        expect(plainProblem(store.problemOf(batch))).toEqual(plainProblem(reference.problemOf(batch)));
        expect(plainPlacement(store.placeTasks(batch))).toEqual(plainPlacement(reference.placeTasks(batch)));
      } finally {
        store.dispose();
      }
    }), { numRuns: 60 });
  });

  it('refuses a batch naming an INSTANCE_GONE or unknown slot, and a malformed record', () => {
    const store = wasm.createClusterStore();
    const deltas = new DeltaWriter();
    const row = { agentConnected: 1, cpuRegistered: 1024, memoryRegistered: 2048, eniLimit: 3, ephemeralFirst: 49153, ephemeralLast: 65535, reservedPorts: [] };
    deltas.instance(0, { ...row, state: INSTANCE_ACTIVE, reservedPorts: [22] });
    deltas.instance(1, { ...row, state: 2 /* INSTANCE_GONE */ });
    store.applyDeltas(deltas.records());
    const batch = (slots: number[]): ResidentBatch => ({
      slots: Int32Array.from(slots), batchGroup: -1, referencedGroups: new Int32Array(0), attributesOk: Int32Array.from(slots, () => 1),
      taskCpu: 0, taskMemory: 0, taskNeedsEni: 0, taskPortMappings: new Int32Array(0), constraintKind: new Int32Array(0),
      programStart: Int32Array.of(0), programOps: new Int32Array(0), leafCount: 0, leafBits: new Int32Array(0), batchGroupIndex: -1,
      strategyType: new Int32Array(0), strategyField: new Int32Array(0), spreadKeys: new Int32Array(0), spreadKeyCount: new Int32Array(0),
      count: 1, random: Uint32Array.of(1, 2, 3, 4),
    });
    expect(store.placeTasks(batch([0])).placed).toBe(1);
    expect(() => store.placeTasks(batch([1]))).toThrow(/INSTANCE_GONE/);
    expect(() => store.problemOf(batch([0, 7]))).toThrow(/unknown or INSTANCE_GONE slot/);
    // Slot 0 holds 1 port, the store 1 in all: naming it twice would gather 2 into a region of 1.
    expect(() => store.problemOf(batch([0, 0]))).toThrow(/names a slot twice/);
    expect(() => store.applyDeltas(Int32Array.of(9, 0))).toThrow(/malformed delta record/);
    // Slot 3 is not the next one (2).
    expect(() => store.applyDeltas(Int32Array.of(1, 3, 0, 1, 0, 0, 0, 0, 0, 0))).toThrow(/malformed delta record/);
    store.dispose();
    expect(() => store.problemOf(batch([0]))).toThrow(/after dispose/);
  });
});

describe('WASM resident store group columns', () => {
  const row = { state: INSTANCE_ACTIVE, agentConnected: 1, cpuRegistered: 4096, memoryRegistered: 8192, eniLimit: 3, ephemeralFirst: 49153, ephemeralLast: 65535, reservedPorts: [] };
  const held = (group: number, active = 1) => ({ cpu: 0, memory: 0, eni: 0, group, active, ports: [], staticPorts: [] });
  /** A batch over `slots` that reads group `batchGroup`'s counts and groups `referenced`' live ones. */
  const batchOf = (slots: number[], batchGroup: number, referenced: number[]): ResidentBatch => ({
    slots: Int32Array.from(slots), batchGroup, referencedGroups: Int32Array.from(referenced), attributesOk: Int32Array.from(slots, () => 1),
    taskCpu: 0, taskMemory: 0, taskNeedsEni: 0, taskPortMappings: new Int32Array(0), constraintKind: new Int32Array(0),
    programStart: Int32Array.of(0), programOps: new Int32Array(0), leafCount: 0, leafBits: new Int32Array(0), batchGroupIndex: -1,
    strategyType: new Int32Array(0), strategyField: new Int32Array(0), spreadKeys: new Int32Array(0), spreadKeyCount: new Int32Array(0),
    count: 1, random: Uint32Array.of(1, 2, 3, 4),
  });

  it('gathers what the TS store does while groups empty, hand their columns on and grow with new slots', () => {
    const reference = createTsResidentClusterStore(literalPlacementCore);
    const store = wasm.createClusterStore();
    const apply = (write: (d: DeltaWriter) => void) => {
      const d = new DeltaWriter();
      write(d);
      reference.applyDeltas(d.records());
      store.applyDeltas(d.records());
    };
    const slotsOf = (n: number) => Array.from({ length: n }, (_, i) => n - 1 - i);
    const same = (slots: number[]) => {
      for (const [batchGroup, referenced] of [[0, [1, 2]], [1, [0, 3]], [2, [2, -1]], [3, []], [-1, [0]]] as [number, number[]][]) {
        const batch = batchOf(slots, batchGroup, referenced);
        expect(plainProblem(store.problemOf(batch))).toEqual(plainProblem(reference.problemOf(batch)));
      }
    };
    try {
      apply((d) => { for (let s = 0; s < 10; s++) d.instance(s, row); });
      // Group 0: a live active task and a live inactive one on slot 3, then both leave (all its counts 0).
      apply((d) => { d.task(1, 3, held(0)); d.task(1, 3, held(0, 0)); d.task(1, 5, held(1)); });
      same(slotsOf(10));
      apply((d) => { d.task(-1, 3, held(0)); d.task(-1, 3, held(0, 0)); });
      same(slotsOf(10));
      // Group 2 takes group 0's (zeroed) columns; then 90 new slots, and tasks on the new ones.
      apply((d) => { d.task(1, 7, held(2)); });
      same(slotsOf(10));
      apply((d) => { for (let s = 10; s < 100; s++) d.instance(s, row); });
      apply((d) => { d.task(1, 99, held(2)); d.task(1, 64, held(0)); d.task(1, 98, held(3, 0)); d.task(1, 3, held(0)); });
      same(slotsOf(100));
      apply((d) => { d.task(-1, 7, held(2)); d.task(-1, 99, held(2)); d.task(-1, 5, held(1)); });
      same(slotsOf(100));
      same([0, 64, 3, 98]);
    } finally {
      store.dispose();
    }
  });
});

describe('WASM resident store memory', () => {
  it('a disposed store\'s memory is reused by the next one (dispose collects at once)', () => {
    const M = 20_000;
    const load = new DeltaWriter();
    for (let i = 0; i < M; i++) {
      load.instance(i, { state: INSTANCE_ACTIVE, agentConnected: 1, cpuRegistered: 4096, memoryRegistered: 8192, eniLimit: 3, ephemeralFirst: 49153, ephemeralLast: 65535, reservedPorts: [22, 80, 443, 2376, 2377] });
      load.task(1, i, { cpu: 256, memory: 512, eni: 0, group: i % 5, active: 1, ports: [8080, 49153], staticPorts: [1, 0] });
    }
    const records = load.records().slice();
    const cycle = () => {
      const store = wasm.createClusterStore();
      store.applyDeltas(records);
      store.dispose();
    };
    cycle();
    const afterOne = exports.memory.buffer.byteLength;
    // Each store holds several MB; four more in turn would grow memory if the first were not collected.
    for (let k = 0; k < 4; k++) cycle();
    expect(exports.memory.buffer.byteLength).toBe(afterOne);
  });

  it('groups that come and go (a new group id each time) leave linear memory unchanged after warm-up', () => {
    const store = wasm.createClusterStore();
    const M = 2000;
    const load = new DeltaWriter();
    for (let i = 0; i < M; i++) {
      load.instance(i, { state: INSTANCE_ACTIVE, agentConnected: 1, cpuRegistered: 4096, memoryRegistered: 8192, eniLimit: 3, ephemeralFirst: 49153, ephemeralLast: 65535, reservedPorts: [22] });
    }
    store.applyDeltas(load.records());
    const cycle = new DeltaWriter();
    const held = (group: number) => ({ cpu: 1, memory: 1, eni: 0, group, active: 1, ports: [], staticPorts: [] });
    // A task of a new group arrives on one slot and leaves: the group's columns (2 × 2,000 words) go
    // back to the spare list, and the next group takes them.
    const run = (group: number) => {
      cycle.clear();
      cycle.task(1, group % M, held(group));
      cycle.task(-1, group % M, held(group));
      store.applyDeltas(cycle.records());
    };
    let group = 0;
    for (; group < 50; group++) run(group);
    const warmedUp = exports.memory.buffer.byteLength;
    // 2,000 more groups would be 32 MB of columns if each kept its own.
    for (; group < 2050; group++) run(group);
    expect(exports.memory.buffer.byteLength).toBe(warmedUp);
    store.dispose();
  });


  it('2,000 apply + place cycles on one store with a fixed state leave linear memory unchanged after warm-up', () => {
    const store = wasm.createClusterStore();
    const M = 50;
    const load = new DeltaWriter();
    const row = (i: number) => ({
      state: INSTANCE_ACTIVE, agentConnected: 1, cpuRegistered: 4096, memoryRegistered: 8192, eniLimit: 3,
      ephemeralFirst: 49153, ephemeralLast: 65535, reservedPorts: [22, 2376 + (i % 2)],
    });
    for (let i = 0; i < M; i++) load.instance(i, row(i));
    for (let i = 0; i < M; i++) load.task(1, i, { cpu: 256, memory: 512, eni: 0, group: i % 3, active: 1, ports: [80, 49153], staticPorts: [1, 0] });
    store.applyDeltas(load.records());
    const batch: ResidentBatch = {
      slots: Int32Array.from({ length: M }, (_, i) => M - 1 - i), batchGroup: 0, referencedGroups: Int32Array.of(0, 1),
      attributesOk: new Int32Array(M).fill(1), taskCpu: 128, taskMemory: 256, taskNeedsEni: 0, taskPortMappings: Int32Array.of(0, 443),
      constraintKind: Int32Array.of(0), programStart: Int32Array.of(0, 2), programOps: Int32Array.of(6, 0), leafCount: 0, leafBits: new Int32Array(0),
      batchGroupIndex: 0, strategyType: Int32Array.of(1, 2), strategyField: Int32Array.of(0, 1),
      spreadKeys: Int32Array.from({ length: M }, (_, i) => i), spreadKeyCount: Int32Array.of(M), count: 5, random: Uint32Array.of(5, 6, 7, 8),
    };
    // Each cycle: a task arrives and leaves again, an instance is re-sent with its own row, then a batch.
    const cycle = new DeltaWriter();
    const k = 7;
    cycle.task(1, k, { cpu: 128, memory: 128, eni: 1, group: 2, active: 1, ports: [8080, 49154, (1 << 16) | 53], staticPorts: [1, 0, 1] });
    cycle.task(-1, k, { cpu: 128, memory: 128, eni: 1, group: 2, active: 1, ports: [8080, 49154, (1 << 16) | 53], staticPorts: [1, 0, 1] });
    cycle.instance(k, row(k));
    const run = () => {
      store.applyDeltas(cycle.records());
      return store.placeTasks(batch);
    };
    const first = plainPlacement(run());
    for (let n = 0; n < 100; n++) run();
    const warmedUp = exports.memory.buffer.byteLength;
    for (let n = 0; n < 2000; n++) run();
    expect(exports.memory.buffer.byteLength).toBe(warmedUp);
    // The state is fixed, so every batch gives the same answer.
    expect(plainPlacement(run())).toEqual(first);
    store.dispose();
  });
});
