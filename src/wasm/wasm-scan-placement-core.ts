// The PlacementCore of the WASM core's brute-force cross-check mode (performance notes §2, §7 B4):
// assembly/placement/scan, export placeTasksScan. No index: every task judges every instance. The batch
// crosses zero-copy through the same buffer and header (assembly/abi.ts PH_*) as wasm-placement-core.ts,
// with BatchLayout; the scan needs no tie tree, candidate bitset or port cursors, so those get 0 words.
// Scale-in has no brute-force variant here: it is the WASM core's selectTasksToStop.
import type { PlacementCore } from '../placement-core.ts';
import type { PlacementProblem, PlacementResult } from '../placement/placement-problem.ts';
import * as abi from './abi.ts';
import { BatchLayout } from './batch-layout.ts';
import type { SchedulerCoreExports } from './scheduler-core-exports.ts';
import { createWasmPlacementCore } from './wasm-placement-core.ts';

/** The exports the scan mode needs: the core's, plus placeTasksScan (assembly/index.ts). */
export type ScanCoreExports = SchedulerCoreExports & {
  /** Places the PlacementProblem in the batch buffer (header PH_*) by brute force; returns tasks placed. */
  placeTasksScan(): number;
};

function placeTasksByScan(core: ScanCoreExports, p: PlacementProblem): PlacementResult {
  const M = p.instanceCount;
  const P = p.taskPortMappings.length;
  const count = Math.max(0, p.count);
  const layout = new BatchLayout(abi.PH_HEADER_WORDS);
  const columns: [number, Int32Array][] = [
    [abi.PH_INSTANCE_STATE, p.instanceState],
    [abi.PH_AGENT_CONNECTED, p.agentConnected],
    [abi.PH_CPU_FREE, p.cpuFree],
    [abi.PH_MEMORY_FREE, p.memoryFree],
    [abi.PH_ENI_FREE, p.eniFree],
    [abi.PH_ATTRIBUTES_OK, p.attributesOk],
    [abi.PH_USED_PORTS_START, p.usedPortsStart],
    [abi.PH_USED_PORTS, p.usedPorts],
    [abi.PH_RESERVED_TCP_COUNT, p.reservedTcpCount],
    [abi.PH_RESERVED_UDP_COUNT, p.reservedUdpCount],
    [abi.PH_EPHEMERAL_FIRST, p.ephemeralFirst],
    [abi.PH_EPHEMERAL_LAST, p.ephemeralLast],
    [abi.PH_GROUP_ACTIVE, p.groupActive],
    [abi.PH_GROUP_LIVE, p.groupLive],
    [abi.PH_LIVE_TASKS, p.liveTasks],
    [abi.PH_TASK_PORT_MAPPINGS, p.taskPortMappings],
    [abi.PH_CONSTRAINT_KIND, p.constraintKind],
    [abi.PH_PROGRAM_START, p.programStart],
    [abi.PH_PROGRAM_OPS, p.programOps],
    [abi.PH_LEAF_BITS, p.leafBits],
    [abi.PH_GROUP_LIVE_BY_GROUP, p.groupLiveByGroup],
    [abi.PH_STRATEGY_TYPE, p.strategyType],
    [abi.PH_STRATEGY_FIELD, p.strategyField],
    [abi.PH_SPREAD_KEYS, p.spreadKeys],
    [abi.PH_SPREAD_KEY_COUNT, p.spreadKeyCount],
  ];
  for (const [slot, data] of columns) layout.add(slot, data.length);
  let keyTotal = 0;
  for (const keys of p.spreadKeyCount) keyTotal += keys;
  layout.add(abi.PH_OUT_ASSIGNMENTS, count);
  layout.add(abi.PH_OUT_ASSIGNED_PORTS, count * P);
  layout.add(abi.PH_OUT_REJECT_CODE, M);
  layout.add(abi.PH_OUT_REJECT_CONSTRAINT, M);
  layout.add(abi.PH_SCRATCH_CODE, M); // the scan's static column (DRAINING, ATTRIBUTE, AGENT)
  layout.add(abi.PH_SCRATCH_CONSTRAINT, M); // the scan's gated CPU column (assembly/placement/scan/scan-judge.ts)
  layout.add(abi.PH_SCRATCH_CANDIDATES, M); // T after the first strategy
  layout.add(abi.PH_SCRATCH_KEY_START, p.spreadKeyCount.length + 1);
  layout.add(abi.PH_SCRATCH_KEY_COUNTS, keyTotal);
  layout.add(abi.PH_SCRATCH_PORT_HEAD, M);
  layout.add(abi.PH_SCRATCH_PORT_POOL, 2 * count * P);
  layout.add(abi.PH_SCRATCH_TASK_PORTS, P);
  layout.add(abi.PH_SCRATCH_STACK, (p.programOps.length >> 1) + 1);
  const scalars: [number, number][] = [
    [abi.PH_INSTANCE_COUNT, M],
    [abi.PH_COUNT, count],
    [abi.PH_PORT_MAPPING_COUNT, P],
    [abi.PH_CONSTRAINT_COUNT, p.constraintKind.length],
    [abi.PH_STRATEGY_COUNT, p.strategyType.length],
    [abi.PH_TASK_CPU, p.taskCpu],
    [abi.PH_TASK_MEMORY, p.taskMemory],
    [abi.PH_TASK_NEEDS_ENI, p.taskNeedsEni],
    [abi.PH_LEAF_COUNT, p.leafCount],
    [abi.PH_REFERENCED_GROUP_COUNT, p.referencedGroupCount],
    [abi.PH_BATCH_GROUP_INDEX, p.batchGroupIndex],
    [abi.PH_SPREAD_ROW_COUNT, p.spreadKeyCount.length],
    [abi.PH_RANDOM, p.random[0] | 0],
    [abi.PH_RANDOM + 1, p.random[1] | 0],
    [abi.PH_RANDOM + 2, p.random[2] | 0],
    [abi.PH_RANDOM + 3, p.random[3] | 0],
  ];
  // Views only after the reserve, which may grow (and so detach) the memory.
  const base = core.reservePlacementBuffer(layout.words) >>> 0;
  let view = new Int32Array(core.memory.buffer, base, layout.words);
  view.fill(0, 0, layout.headerWords);
  for (const [slot, offset] of layout.offsets) view[slot] = offset;
  for (const [slot, value] of scalars) view[slot] = value;
  for (const [slot, data] of columns) view.set(data, layout.offsets.get(slot)!);
  const placed = core.placeTasksScan();
  if (view.buffer !== core.memory.buffer) view = new Int32Array(core.memory.buffer, base, layout.words);
  const region = (slot: number, length: number) => view.slice(layout.offsets.get(slot)!, layout.offsets.get(slot)! + length);
  return {
    assignments: region(abi.PH_OUT_ASSIGNMENTS, placed),
    assignedPorts: region(abi.PH_OUT_ASSIGNED_PORTS, placed * P),
    placed,
    random: Uint32Array.from(view.subarray(abi.PH_RANDOM, abi.PH_RANDOM + 4), (w) => w >>> 0),
    rejectCode: region(abi.PH_OUT_REJECT_CODE, M),
    rejectConstraint: region(abi.PH_OUT_REJECT_CONSTRAINT, M),
    closestMatch: view[abi.PH_CLOSEST_MATCH],
  };
}

export function createWasmScanPlacementCore(core: ScanCoreExports): PlacementCore {
  const indexed = createWasmPlacementCore(core);
  return {
    name: 'wasm brute-force scan',
    placeTasks: (problem) => placeTasksByScan(core, problem),
    selectTasksToStop: indexed.selectTasksToStop,
  };
}
