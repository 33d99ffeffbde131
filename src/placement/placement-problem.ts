// One placement batch as plain numbers: what every core (the WASM core, the TS reference engines)
// takes and returns. src/engine builds it from a region's state; strings never appear here.
//
// Instances are the cluster's ACTIVE and DRAINING container instances in registration order
// (semantics 3.3); their position i (0..M-1) is what assignments and tie-breaks speak of.

export interface PlacementProblem {
  // ── instances (M) ──
  instanceCount: number;
  /** INSTANCE_ACTIVE or INSTANCE_DRAINING. */
  instanceState: Int32Array;
  agentConnected: Int32Array; // 0 / 1
  /** Registered CPU minus the CPU of every live task (4.3). */
  cpuFree: Int32Array;
  /** Registered MiB minus the memory of every live task (4.4). */
  memoryFree: Int32Array;
  /** awsvpc tasks the instance can still take: ENI limit − 1 − live awsvpc tasks (4.6). */
  eniFree: Int32Array;
  /** 1 when the instance passes the attribute stage (4.7: requiresAttributes, task-eni, subnet). */
  attributesOk: Int32Array;
  /** CSR: the encoded host ports in use on instance i are usedPorts[usedPortsStart[i] .. usedPortsStart[i+1]), sorted. */
  usedPortsStart: Int32Array; // M + 1
  usedPorts: Int32Array;
  /** Reserved ports (default + static, not dynamic) per protocol, for the 100-port cap (4.5). */
  reservedTcpCount: Int32Array;
  reservedUdpCount: Int32Array;
  ephemeralFirst: Int32Array;
  ephemeralLast: Int32Array;

  // ── the batch's task group ──
  /** Tasks of the group with desiredStatus RUNNING and lastStatus PENDING/RUNNING on i: spread counts (6.4). */
  groupActive: Int32Array;
  /** Live tasks of the group on i, stopping ones included: distinctInstance (4.9). */
  groupLive: Int32Array;
  /** Live tasks of any group on i (task:group exists). */
  liveTasks: Int32Array;

  // ── the task every placement of the batch places ──
  taskCpu: number;
  taskMemory: number;
  /** 1 for awsvpc on EC2 (4.6). */
  taskNeedsEni: number;
  /** Port mappings in container then mapping order: encoded port, hostPort 0 = dynamic (4.5). */
  taskPortMappings: Int32Array;

  // ── constraints: task definition's first, then the service's, each in order (4.9) ──
  constraintKind: Int32Array; // CONSTRAINT_*
  /** memberOf: the program is ops[programStart[c] .. programStart[c+1]) as (op, operand) pairs. */
  programStart: Int32Array; // C + 1
  programOps: Int32Array;
  /** Static leaf predicates: leafBits[k * M + i] is 0/1. */
  leafCount: number;
  leafBits: Int32Array;
  /** task:group terms: for each referenced group g, live tasks of g on instance i at groupLiveByGroup[g * M + i]. */
  referencedGroupCount: number;
  groupLiveByGroup: Int32Array;
  /** The referenced group that is the batch's own (its counts rise as the batch places), or -1. */
  batchGroupIndex: number;

  // ── strategies, in order (6.2); empty means the default of 6.7 (the builder expands it) ──
  strategyType: Int32Array; // STRATEGY_*
  /** binpack: BINPACK_CPU / BINPACK_MEMORY; spread: the row of spreadKeys it uses. */
  strategyField: Int32Array;
  /** spreadKeys[row * M + i]: the key of instance i (an interned value, or the instance for instanceId). */
  spreadKeys: Int32Array;
  /** Distinct keys of each spread row (keys are 0..count-1; the missing bucket is one of them, 6.4). */
  spreadKeyCount: Int32Array;

  // ── the batch ──
  count: number;
  /** The `placement` stream's state, 4 × u32 (semantics 3.3). Cores return the advanced state. */
  random: Uint32Array;
}

export interface PlacementResult {
  /** Instance index per task placed, in placement order; placing stops at the first failure. */
  assignments: Int32Array;
  /** Host ports bound per placed task, mappings in order: assignedPorts[t * P + p]. */
  assignedPorts: Int32Array;
  placed: number;
  /** The `placement` stream after the batch. */
  random: Uint32Array;
  /**
   * The explanation of one placement attempt: the first task that could not be placed, or, when every
   * task was placed, the batch's first task. Per instance its REJECT_* code and, for constraint
   * rejections, the index of the constraint (else -1); the closest matching instance (4.10) when no
   * instance passed every stage, else -1.
   */
  rejectCode: Int32Array;
  rejectConstraint: Int32Array;
  closestMatch: number;
}

/**
 * Scale-in selection (semantics 8): choose `count` of the stoppable tasks, one at a time, updating
 * the counts after each pick. Instance fields and strategies are those of PlacementProblem.
 */
export interface ScaleInProblem {
  instanceCount: number;
  instanceState: Int32Array;
  cpuFree: Int32Array;
  memoryFree: Int32Array;
  /** Spread counts of the service's tasks per instance (6.4); each pick lowers its instance's count. */
  groupActive: Int32Array;
  strategyType: Int32Array;
  strategyField: Int32Array;
  spreadKeys: Int32Array;
  spreadKeyCount: Int32Array;
  /** The stoppable tasks (T): instance index, 1 when PENDING, CPU and memory (D49). */
  taskInstance: Int32Array;
  taskPending: Int32Array;
  taskCpu: Int32Array;
  taskMemory: Int32Array;
  /** Dense rank of createdAt (equal times share a rank; higher = more recent): rule 2 of 8. */
  taskCreatedRank: Int32Array;
  /** Unique rank of (createdAt, task id) ascending: the order of rule 3 of 8 within an instance. */
  taskOrder: Int32Array;
  count: number;
  random: Uint32Array;
}

export interface ScaleInResult {
  /** Indices into the stoppable tasks, in the order they were chosen. */
  chosen: Int32Array;
  random: Uint32Array;
}
