// The batch being placed: sizes and the addresses of its columns, read once from the header
// (abi.ts PH_*) so the stages below address the columns directly.
import * as abi from '../abi';
import { regionAt, word } from '../memory/words';

export let M: i32 = 0; // instances
export let P: i32 = 0; // port mappings of the task
export let C: i32 = 0; // constraints
export let S: i32 = 0; // strategies
export let taskCount: i32 = 0;
export let taskCpu: i32 = 0;
export let taskMemory: i32 = 0;
export let taskNeedsEni: i32 = 0;
export let batchGroupIndex: i32 = -1;
export let spreadRowCount: i32 = 0;

export let instanceState: usize = 0;
export let agentConnected: usize = 0;
export let cpuFree: usize = 0;
export let memoryFree: usize = 0;
export let eniFree: usize = 0;
export let attributesOk: usize = 0;
export let usedPortsStart: usize = 0;
export let usedPorts: usize = 0;
export let reservedTcpCount: usize = 0;
export let reservedUdpCount: usize = 0;
export let ephemeralFirst: usize = 0;
export let ephemeralLast: usize = 0;
export let groupActive: usize = 0;
export let groupLive: usize = 0;
export let liveTasks: usize = 0;
export let taskPortMappings: usize = 0;
export let constraintKind: usize = 0;
export let programStart: usize = 0;
export let programOps: usize = 0;
export let leafBits: usize = 0;
export let groupLiveByGroup: usize = 0;
export let strategyType: usize = 0;
export let strategyField: usize = 0;
export let spreadKeys: usize = 0;
export let spreadKeyCount: usize = 0;
export let outAssignments: usize = 0;
export let outAssignedPorts: usize = 0;
export let outRejectCode: usize = 0;
export let outRejectConstraint: usize = 0;
export let scratchCode: usize = 0;
export let scratchConstraint: usize = 0;
export let candidates: usize = 0;
export let keyStart: usize = 0;
export let keyCounts: usize = 0;
export let portHead: usize = 0;
export let portPool: usize = 0;
export let portCursor: usize = 0;
export let taskPorts: usize = 0;
export let programStack: usize = 0;
export let candidateBits: usize = 0;
export let tieTree: usize = 0;

export function loadPlacementBatch(base: usize): void {
  M = word(base, abi.PH_INSTANCE_COUNT);
  taskCount = word(base, abi.PH_COUNT);
  P = word(base, abi.PH_PORT_MAPPING_COUNT);
  C = word(base, abi.PH_CONSTRAINT_COUNT);
  S = word(base, abi.PH_STRATEGY_COUNT);
  taskCpu = word(base, abi.PH_TASK_CPU);
  taskMemory = word(base, abi.PH_TASK_MEMORY);
  taskNeedsEni = word(base, abi.PH_TASK_NEEDS_ENI);
  batchGroupIndex = word(base, abi.PH_BATCH_GROUP_INDEX);
  spreadRowCount = word(base, abi.PH_SPREAD_ROW_COUNT);
  instanceState = regionAt(base, abi.PH_INSTANCE_STATE);
  agentConnected = regionAt(base, abi.PH_AGENT_CONNECTED);
  cpuFree = regionAt(base, abi.PH_CPU_FREE);
  memoryFree = regionAt(base, abi.PH_MEMORY_FREE);
  eniFree = regionAt(base, abi.PH_ENI_FREE);
  attributesOk = regionAt(base, abi.PH_ATTRIBUTES_OK);
  usedPortsStart = regionAt(base, abi.PH_USED_PORTS_START);
  usedPorts = regionAt(base, abi.PH_USED_PORTS);
  reservedTcpCount = regionAt(base, abi.PH_RESERVED_TCP_COUNT);
  reservedUdpCount = regionAt(base, abi.PH_RESERVED_UDP_COUNT);
  ephemeralFirst = regionAt(base, abi.PH_EPHEMERAL_FIRST);
  ephemeralLast = regionAt(base, abi.PH_EPHEMERAL_LAST);
  groupActive = regionAt(base, abi.PH_GROUP_ACTIVE);
  groupLive = regionAt(base, abi.PH_GROUP_LIVE);
  liveTasks = regionAt(base, abi.PH_LIVE_TASKS);
  taskPortMappings = regionAt(base, abi.PH_TASK_PORT_MAPPINGS);
  constraintKind = regionAt(base, abi.PH_CONSTRAINT_KIND);
  programStart = regionAt(base, abi.PH_PROGRAM_START);
  programOps = regionAt(base, abi.PH_PROGRAM_OPS);
  leafBits = regionAt(base, abi.PH_LEAF_BITS);
  groupLiveByGroup = regionAt(base, abi.PH_GROUP_LIVE_BY_GROUP);
  strategyType = regionAt(base, abi.PH_STRATEGY_TYPE);
  strategyField = regionAt(base, abi.PH_STRATEGY_FIELD);
  spreadKeys = regionAt(base, abi.PH_SPREAD_KEYS);
  spreadKeyCount = regionAt(base, abi.PH_SPREAD_KEY_COUNT);
  outAssignments = regionAt(base, abi.PH_OUT_ASSIGNMENTS);
  outAssignedPorts = regionAt(base, abi.PH_OUT_ASSIGNED_PORTS);
  outRejectCode = regionAt(base, abi.PH_OUT_REJECT_CODE);
  outRejectConstraint = regionAt(base, abi.PH_OUT_REJECT_CONSTRAINT);
  scratchCode = regionAt(base, abi.PH_SCRATCH_CODE);
  scratchConstraint = regionAt(base, abi.PH_SCRATCH_CONSTRAINT);
  candidates = regionAt(base, abi.PH_SCRATCH_CANDIDATES);
  keyStart = regionAt(base, abi.PH_SCRATCH_KEY_START);
  keyCounts = regionAt(base, abi.PH_SCRATCH_KEY_COUNTS);
  portHead = regionAt(base, abi.PH_SCRATCH_PORT_HEAD);
  portPool = regionAt(base, abi.PH_SCRATCH_PORT_POOL);
  portCursor = regionAt(base, abi.PH_SCRATCH_PORT_CURSOR);
  taskPorts = regionAt(base, abi.PH_SCRATCH_TASK_PORTS);
  programStack = regionAt(base, abi.PH_SCRATCH_STACK);
  candidateBits = regionAt(base, abi.PH_SCRATCH_CANDIDATE_BITS);
  tieTree = regionAt(base, abi.PH_SCRATCH_TIE_TREE);
}

/** Scale-in reuses the spread counting of placement over its own columns. */
export function useSpreadColumns(
  instances: i32, rows: i32, keys: usize, keysPerRow: usize, active: usize, starts: usize, counts: usize,
): void {
  M = instances;
  spreadRowCount = rows;
  spreadKeys = keys;
  spreadKeyCount = keysPerRow;
  groupActive = active;
  keyStart = starts;
  keyCounts = counts;
}
