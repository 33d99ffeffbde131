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

  it('keeps hundreds of ports per slot in order through random adds and removes (the per-slot treaps)', () => {
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

describe('WASM resident store memory', () => {
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
