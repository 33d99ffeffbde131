// The TS resident cluster store: what it gathers from delta records (src/placement/resident-deltas.ts),
// case by case with the arithmetic in comments, and the records it refuses.
import { describe, expect, it } from 'vitest';
import { literalPlacementCore } from '../../../src/reference/literal-placement-core.ts';
import { createTsResidentClusterStore } from '../../../src/reference/ts-resident-cluster-store.ts';
import type { ResidentBatch } from '../../../src/placement/resident-cluster-store.ts';
import { DeltaWriter, INSTANCE_ACTIVE, INSTANCE_DRAINING, INSTANCE_GONE } from '../../../src/placement/resident-deltas.ts';
import { plainPlacement } from '../../builders/plain-results.ts';

const udp = (port: number) => (1 << 16) | port; // 65536 + port

const row = (over: Partial<Parameters<DeltaWriter['instance']>[1]> = {}) => ({
  state: INSTANCE_ACTIVE, agentConnected: 1, cpuRegistered: 2048, memoryRegistered: 4096, eniLimit: 3,
  ephemeralFirst: 49153, ephemeralLast: 65535, reservedPorts: [22], ...over,
});
const task = (over: Partial<Parameters<DeltaWriter['task']>[2]> = {}) => ({
  cpu: 0, memory: 0, eni: 0, group: 0, active: 1, ports: [], staticPorts: [], ...over,
});

/** A batch over `slots` with no constraints or strategies; the store fills the instance columns. */
const batchOf = (slots: number[], over: Partial<ResidentBatch> = {}): ResidentBatch => ({
  slots: Int32Array.from(slots), batchGroup: -1, referencedGroups: new Int32Array(0),
  attributesOk: Int32Array.from(slots, () => 1), taskCpu: 256, taskMemory: 256, taskNeedsEni: 0, taskPortMappings: new Int32Array(0),
  constraintKind: new Int32Array(0), programStart: Int32Array.of(0), programOps: new Int32Array(0), leafCount: 0,
  leafBits: new Int32Array(0), batchGroupIndex: -1, strategyType: new Int32Array(0), strategyField: new Int32Array(0),
  spreadKeys: new Int32Array(0), spreadKeyCount: new Int32Array(0), count: 1, random: Uint32Array.of(1, 2, 3, 4),
  ...over,
});

/** Applies what `write` writes, then gathers `batch`. */
function gather(write: (d: DeltaWriter) => void, batch: ResidentBatch = batchOf([0])) {
  const store = createTsResidentClusterStore(literalPlacementCore);
  const deltas = new DeltaWriter();
  write(deltas);
  store.applyDeltas(deltas.records());
  const p = store.problemOf(batch);
  const plain = (a: ArrayLike<number>) => Array.from(a);
  return {
    instanceState: plain(p.instanceState), agentConnected: plain(p.agentConnected), cpuFree: plain(p.cpuFree),
    memoryFree: plain(p.memoryFree), eniFree: plain(p.eniFree), usedPortsStart: plain(p.usedPortsStart),
    usedPorts: plain(p.usedPorts), reservedTcpCount: plain(p.reservedTcpCount), reservedUdpCount: plain(p.reservedUdpCount),
    ephemeralFirst: plain(p.ephemeralFirst), ephemeralLast: plain(p.ephemeralLast), groupActive: plain(p.groupActive),
    groupLive: plain(p.groupLive), liveTasks: plain(p.liveTasks), groupLiveByGroup: plain(p.groupLiveByGroup),
    instanceCount: p.instanceCount, referencedGroupCount: p.referencedGroupCount,
  };
}

describe('TS resident cluster store: what it gathers', () => {
  it.each<[string, (d: DeltaWriter) => void, ResidentBatch | undefined, Partial<ReturnType<typeof gather>>]>([
    [
      'cpu and memory: registered minus every live task',
      (d) => {
        d.instance(0, row());
        d.task(1, 0, task({ cpu: 512, memory: 1024 }));
        d.task(1, 0, task({ cpu: 256, memory: 512 }));
      },
      undefined,
      // 2048 − 512 − 256 = 1280 CPU; 4096 − 1024 − 512 = 2560 MiB; two live tasks.
      { cpuFree: [1280], memoryFree: [2560], liveTasks: [2] },
    ],
    [
      'ENIs: limit − 1 (the primary) − awsvpc tasks, never below 0',
      (d) => {
        d.instance(0, row({ eniLimit: 3 }));
        d.task(1, 0, task({ eni: 1 }));
        d.instance(1, row({ eniLimit: 0 }));
      },
      batchOf([0, 1]),
      // slot 0: 3 − 1 − 1 = 1; slot 1: max(0, 0 − 1 − 0) = 0.
      { eniFree: [1, 0] },
    ],
    [
      'ports: the registered set plus every task port, sorted; reserved counts registered + static only',
      (d) => {
        d.instance(0, row({ reservedPorts: [22] }));
        d.task(1, 0, task({ ports: [49153, 80], staticPorts: [0, 1] }));
      },
      undefined,
      // used {22, 80, 49153}; reserved tcp: 22 (registered) + 80 (static) = 2, the dynamic 49153 not.
      { usedPortsStart: [0, 3], usedPorts: [22, 80, 49153], reservedTcpCount: [2], reservedUdpCount: [0] },
    ],
    [
      'a removal with the identical record restores the slot',
      (d) => {
        d.instance(0, row({ reservedPorts: [22] }));
        d.task(1, 0, task({ cpu: 512, memory: 1024, eni: 1, ports: [80, 49153], staticPorts: [1, 0] }));
        d.task(-1, 0, task({ cpu: 512, memory: 1024, eni: 1, ports: [80, 49153], staticPorts: [1, 0] }));
      },
      batchOf([0], { batchGroup: 0 }),
      // Back to 2048 CPU, 4096 MiB, 3 − 1 = 2 ENIs, {22} with 1 reserved tcp, no live task.
      { cpuFree: [2048], memoryFree: [4096], eniFree: [2], usedPorts: [22], reservedTcpCount: [1], liveTasks: [0], groupLive: [0], groupActive: [0] },
    ],
    [
      'a re-sent INSTANCE record replaces the registered ports (task ports stay)',
      (d) => {
        d.instance(0, row({ reservedPorts: [22, 2376] }));
        d.task(1, 0, task({ ports: [8080], staticPorts: [1] }));
        d.instance(0, row({ state: INSTANCE_DRAINING, agentConnected: 0, reservedPorts: [22, 51678], ephemeralFirst: 32768, ephemeralLast: 60999 }));
      },
      undefined,
      // 2376 left with the old set; {22, 8080, 51678}, all three reserved tcp.
      {
        instanceState: [INSTANCE_DRAINING], agentConnected: [0], usedPorts: [22, 8080, 51678], reservedTcpCount: [3],
        ephemeralFirst: [32768], ephemeralLast: [60999],
      },
    ],
    [
      'udp ports are encoded 65536 + port and counted as udp',
      (d) => {
        d.instance(0, row({ reservedPorts: [udp(53), 22] }));
        d.task(1, 0, task({ ports: [udp(5000), udp(49153)], staticPorts: [1, 0] }));
      },
      undefined,
      // used {22, 65589, 70536, 114689}; udp reserved: 53 (registered) + 5000 (static) = 2; tcp: 22 = 1.
      { usedPorts: [22, udp(53), udp(5000), udp(49153)], reservedTcpCount: [1], reservedUdpCount: [2] },
    ],
    [
      'a port held twice (registered and by a task) stays until both let go',
      (d) => {
        d.instance(0, row({ reservedPorts: [80] }));
        d.task(1, 0, task({ ports: [80], staticPorts: [1] }));
        d.instance(0, row({ reservedPorts: [] }));
      },
      undefined,
      // The task still holds 80 (static): used and reserved once.
      { usedPorts: [80], reservedTcpCount: [1] },
    ],
    [
      'group columns: the batch group per slot, referenced groups by store group, -1 → zeros',
      (d) => {
        d.instance(0, row({ reservedPorts: [] }));
        d.instance(1, row({ reservedPorts: [] }));
        d.task(1, 0, task({ group: 0, active: 1 }));
        d.task(1, 0, task({ group: 0, active: 1 }));
        d.task(1, 0, task({ group: 0, active: 0 })); // stopping: live, not active
        d.task(1, 1, task({ group: 1, active: 1 }));
      },
      batchOf([1, 0], { batchGroup: 0, referencedGroups: Int32Array.of(1, -1, 0) }),
      // Problem order is slots [1, 0]: group 0 has 0 / 2 active and 0 / 3 live; liveTasks [1, 3].
      // groupLiveByGroup rows: group 1 → [1, 0]; -1 → [0, 0]; group 0 → [0, 3].
      {
        instanceCount: 2, referencedGroupCount: 3, groupActive: [0, 2], groupLive: [0, 3], liveTasks: [1, 3],
        groupLiveByGroup: [1, 0, 0, 0, 0, 3],
      },
    ],
    [
      'a batch group that never had a task gathers zeros',
      (d) => {
        d.instance(0, row({ reservedPorts: [] }));
        d.task(1, 0, task({ group: 0 }));
      },
      batchOf([0], { batchGroup: 5, referencedGroups: Int32Array.of(5) }),
      { groupActive: [0], groupLive: [0], groupLiveByGroup: [0], liveTasks: [1] },
    ],
    [
      'an empty batch gathers empty columns',
      (d) => d.instance(0, row()),
      batchOf([]),
      { instanceCount: 0, cpuFree: [], usedPortsStart: [0], usedPorts: [] },
    ],
  ])('%s', (_, write, batch, expected) => {
    expect(gather(write, batch)).toMatchObject(expected);
  });

  it('copies the batch fields into fresh arrays', () => {
    const store = createTsResidentClusterStore(literalPlacementCore);
    const d = new DeltaWriter();
    d.instance(0, row());
    store.applyDeltas(d.records());
    const batch = batchOf([0], { taskPortMappings: Int32Array.of(80) });
    const p = store.problemOf(batch);
    expect([...p.taskPortMappings]).toEqual([80]);
    expect(p.taskPortMappings).not.toBe(batch.taskPortMappings);
    expect(p.random).not.toBe(batch.random);
  });

  it('places exactly as its core on the problem it gathers, and does not change', () => {
    const store = createTsResidentClusterStore(literalPlacementCore);
    const d = new DeltaWriter();
    d.instance(0, row({ cpuRegistered: 512 }));
    d.instance(1, row({ cpuRegistered: 2048 }));
    store.applyDeltas(d.records());
    const batch = batchOf([0, 1], { count: 3, taskCpu: 512 });
    // 512 / 512 = 1 task on slot 0, 2048 / 512 = 4 on slot 1: all 3 placed.
    const placed = store.placeTasks(batch);
    expect(placed.placed).toBe(3);
    expect(plainPlacement(placed)).toEqual(plainPlacement(literalPlacementCore.placeTasks(store.problemOf(batch))));
    expect([...store.problemOf(batch).cpuFree]).toEqual([512, 2048]);
  });
});

describe('TS resident cluster store: what it refuses', () => {
  const loaded = () => {
    const store = createTsResidentClusterStore(literalPlacementCore);
    const d = new DeltaWriter();
    d.instance(0, row());
    d.instance(1, row({ state: INSTANCE_GONE }));
    store.applyDeltas(d.records());
    return store;
  };

  it.each<[string, Int32Array, RegExp]>([
    ['an unknown record kind', Int32Array.of(7, 0), /unknown record kind 7 at word 0/],
    ['a new slot that is not the next one (2)', Int32Array.of(1, 3, 0, 1, 0, 0, 0, 0, 0, 0), /slot 3, but the next new slot is 2/],
    ['a truncated INSTANCE record', Int32Array.of(1, 2, 0, 1, 0, 0, 0, 0, 0, 2, 22), /truncated INSTANCE record at word 0/],
    ['a task on an unknown slot', Int32Array.of(2, 1, 9, 0, 0, 0, 0, 1, 0), /TASK record for unknown slot 9 \(2 slots\)/],
    ['a task sign other than ±1', Int32Array.of(2, 2, 0, 0, 0, 0, 0, 1, 0), /sign 2, not ±1/],
    ['a negative group', Int32Array.of(2, 1, 0, 0, 0, 0, -1, 1, 0), /group -1; groups are ≥ 0/],
  ])('applyDeltas throws on %s', (_, records, message) => {
    expect(() => loaded().applyDeltas(records)).toThrow(message);
  });

  it.each<[string, number[], RegExp]>([
    ['an INSTANCE_GONE slot', [0, 1], /slot 1, which is INSTANCE_GONE/],
    ['an unknown slot', [2], /unknown slot 2 \(2 slots\)/],
    ['a negative slot', [-1], /unknown slot -1/],
  ])('problemOf and placeTasks throw on a batch naming %s', (_, slots, message) => {
    const store = loaded();
    expect(() => store.problemOf(batchOf(slots))).toThrow(message);
    expect(() => store.placeTasks(batchOf(slots))).toThrow(message);
  });
});
