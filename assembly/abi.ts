// The numbers both sides of the boundary agree on. src/wasm/abi.ts mirrors this file (it re-exports
// src/placement/placement-codes.ts) and test/assembly/abi.test.ts asserts that the two agree.

// Bumped whenever an export's meaning or a code below changes.
export const ABI_VERSION: i32 = 4;

// ── Rejection codes: the first stage an instance failed (semantics 4.2) ─────────────────────────────
export const REJECT_NONE: i32 = 0;
export const REJECT_CPU: i32 = 1;
export const REJECT_MEMORY: i32 = 2;
export const REJECT_PORTS: i32 = 3;
export const REJECT_ENI: i32 = 4;
export const REJECT_ATTRIBUTE: i32 = 5;
export const REJECT_AGENT: i32 = 6;
export const REJECT_MEMBER_OF: i32 = 7;
export const REJECT_DISTINCT_INSTANCE: i32 = 8;
export const REJECT_DRAINING: i32 = 9;

// ── Strategy types and fields ──────────────────────────────────────────────────────────────────────
export const STRATEGY_RANDOM: i32 = 0;
export const STRATEGY_SPREAD: i32 = 1;
export const STRATEGY_BINPACK: i32 = 2;
export const BINPACK_CPU: i32 = 0;
export const BINPACK_MEMORY: i32 = 1;

// ── Constraint kinds ───────────────────────────────────────────────────────────────────────────────
export const CONSTRAINT_MEMBER_OF: i32 = 0;
export const CONSTRAINT_DISTINCT_INSTANCE: i32 = 1;

// ── memberOf postfix program (semantics 5; performance notes 3.4) ──────────────────────────────────
export const OP_LEAF: i32 = 0;
export const OP_GROUP_ANY: i32 = 1;
export const OP_ANY_TASK: i32 = 2;
export const OP_AND: i32 = 3;
export const OP_OR: i32 = 4;
export const OP_NOT: i32 = 5;
export const OP_TRUE: i32 = 6;
export const OP_FALSE: i32 = 7;

// ── Instance states and port protocols ─────────────────────────────────────────────────────────────
export const INSTANCE_ACTIVE: i32 = 0;
export const INSTANCE_DRAINING: i32 = 1;
export const PROTOCOL_TCP: i32 = 0;
export const PROTOCOL_UDP: i32 = 1;

// ── The placement batch header (performance notes 4: zero-copy) ────────────────────────────────────
// The host writes a PlacementProblem into the buffer of reservePlacementBuffer: PH_* are word slots of the
// header at the buffer's start. Scalars sit in slots 0–17; every other slot holds the word offset (from
// the buffer's start) of one array: inputs the host fills, outputs the core fills, scratch the core uses.
export const PH_INSTANCE_COUNT: i32 = 0;
export const PH_COUNT: i32 = 1;
export const PH_PORT_MAPPING_COUNT: i32 = 2;
export const PH_CONSTRAINT_COUNT: i32 = 3;
export const PH_STRATEGY_COUNT: i32 = 4;
export const PH_TASK_CPU: i32 = 5;
export const PH_TASK_MEMORY: i32 = 6;
export const PH_TASK_NEEDS_ENI: i32 = 7;
export const PH_LEAF_COUNT: i32 = 8;
export const PH_REFERENCED_GROUP_COUNT: i32 = 9;
export const PH_BATCH_GROUP_INDEX: i32 = 10;
export const PH_SPREAD_ROW_COUNT: i32 = 11;
export const PH_RANDOM: i32 = 12; // 4 words: in the input state, out the advanced one
export const PH_PLACED: i32 = 16; // out
export const PH_CLOSEST_MATCH: i32 = 17; // out
export const PH_INSTANCE_STATE: i32 = 18;
export const PH_AGENT_CONNECTED: i32 = 19;
export const PH_CPU_FREE: i32 = 20;
export const PH_MEMORY_FREE: i32 = 21;
export const PH_ENI_FREE: i32 = 22;
export const PH_ATTRIBUTES_OK: i32 = 23;
export const PH_USED_PORTS_START: i32 = 24;
export const PH_USED_PORTS: i32 = 25;
export const PH_RESERVED_TCP_COUNT: i32 = 26;
export const PH_RESERVED_UDP_COUNT: i32 = 27;
export const PH_EPHEMERAL_FIRST: i32 = 28;
export const PH_EPHEMERAL_LAST: i32 = 29;
export const PH_GROUP_ACTIVE: i32 = 30;
export const PH_GROUP_LIVE: i32 = 31;
export const PH_LIVE_TASKS: i32 = 32;
export const PH_TASK_PORT_MAPPINGS: i32 = 33;
export const PH_CONSTRAINT_KIND: i32 = 34;
export const PH_PROGRAM_START: i32 = 35;
export const PH_PROGRAM_OPS: i32 = 36;
export const PH_LEAF_BITS: i32 = 37;
export const PH_GROUP_LIVE_BY_GROUP: i32 = 38;
export const PH_STRATEGY_TYPE: i32 = 39;
export const PH_STRATEGY_FIELD: i32 = 40;
export const PH_SPREAD_KEYS: i32 = 41;
export const PH_SPREAD_KEY_COUNT: i32 = 42;
export const PH_OUT_ASSIGNMENTS: i32 = 43; // count
export const PH_OUT_ASSIGNED_PORTS: i32 = 44; // count × P
export const PH_OUT_REJECT_CODE: i32 = 45; // M
export const PH_OUT_REJECT_CONSTRAINT: i32 = 46; // M
export const PH_SCRATCH_CODE: i32 = 47; // M
export const PH_SCRATCH_CONSTRAINT: i32 = 48; // M
export const PH_SCRATCH_CANDIDATES: i32 = 49; // M
export const PH_SCRATCH_KEY_START: i32 = 50; // spread rows + 1
export const PH_SCRATCH_KEY_COUNTS: i32 = 51; // Σ spreadKeyCount
export const PH_SCRATCH_PORT_HEAD: i32 = 52; // M
export const PH_SCRATCH_PORT_POOL: i32 = 53; // 2 × count × P
export const PH_SCRATCH_PORT_CURSOR: i32 = 54; // 2 × M
export const PH_SCRATCH_TASK_PORTS: i32 = 55; // P
export const PH_SCRATCH_STACK: i32 = 56; // programOps.length / 2 + 1
export const PH_SCRATCH_CANDIDATE_BITS: i32 = 57; // (M + 31) >> 5
export const PH_SCRATCH_TIE_TREE: i32 = 58; // max(4 × classes × leaves, (2 × classes + 3) × M + 1): tie tree or best-fit buckets (classes ≤ TIE_TREE_MAX_CLASSES, leaves: the least power of two ≥ M)
// A batch against a resident cluster store (assembly/resident, src/placement/resident-cluster-store.ts):
// the host writes the batch's own columns as above and these; gatherResidentBatch fills the instance
// columns (PH_INSTANCE_STATE … PH_LIVE_TASKS, PH_GROUP_LIVE_BY_GROUP) from the store.
export const PH_RESIDENT_SLOTS: i32 = 59; // M store slots, in problem order
export const PH_RESIDENT_GROUPS: i32 = 60; // PH_REFERENCED_GROUP_COUNT store groups (-1: zeros)
export const PH_RESIDENT_BATCH_GROUP: i32 = 61; // scalar: the store group of groupActive / groupLive, or -1
export const PH_HEADER_WORDS: i32 = 64;
/** A leading spread(attribute) with at most this many keys is answered by the tie tree. */
export const TIE_TREE_MAX_CLASSES: i32 = 8;

// ── The scale-in header (semantics 8), same buffer, same conventions ───────────────────────────────
export const SH_INSTANCE_COUNT: i32 = 0;
export const SH_TASK_COUNT: i32 = 1;
export const SH_COUNT: i32 = 2;
export const SH_STRATEGY_COUNT: i32 = 3;
export const SH_SPREAD_ROW_COUNT: i32 = 4;
export const SH_RANDOM: i32 = 5; // 4 words
export const SH_CHOSEN_COUNT: i32 = 9; // out
export const SH_INSTANCE_STATE: i32 = 10;
export const SH_CPU_FREE: i32 = 11;
export const SH_MEMORY_FREE: i32 = 12;
export const SH_GROUP_ACTIVE: i32 = 13;
export const SH_STRATEGY_TYPE: i32 = 14;
export const SH_STRATEGY_FIELD: i32 = 15;
export const SH_SPREAD_KEYS: i32 = 16;
export const SH_SPREAD_KEY_COUNT: i32 = 17;
export const SH_TASK_INSTANCE: i32 = 18;
export const SH_TASK_PENDING: i32 = 19;
export const SH_TASK_CPU: i32 = 20;
export const SH_TASK_MEMORY: i32 = 21;
export const SH_TASK_CREATED_RANK: i32 = 22;
export const SH_TASK_ORDER: i32 = 23;
export const SH_OUT_CHOSEN: i32 = 24; // min(count, N)
export const SH_SCRATCH_KEY_START: i32 = 25; // spread rows + 1
export const SH_SCRATCH_KEY_COUNTS: i32 = 26; // Σ spreadKeyCount
export const SH_SCRATCH_TASK_START: i32 = 27; // M + 1
export const SH_SCRATCH_TASK_SORTED: i32 = 28; // N
export const SH_SCRATCH_TASK_CHOSEN: i32 = 29; // N
export const SH_SCRATCH_REMAINING: i32 = 30; // M
export const SH_SCRATCH_INSTANCES: i32 = 31; // M, or none when the stop tree answers the chain (walk only)
export const SH_SCRATCH_VALUE: i32 = 32; // M, or none when the stop tree answers the chain (walk only)
export const SH_SCRATCH_TASK_LIST: i32 = 33; // N
export const SH_SCRATCH_STOP_TREE: i32 = 34; // 8 × classes × leaves when the stop tree answers the chain (planStopTree), else none
export const SH_HEADER_WORDS: i32 = 40;

// ── Resident cluster stores (performance notes 4: load once, then send deltas) ──────────────────────
// Mirrors src/placement/resident-deltas.ts: the delta record kinds, the GONE state, record heads.
export const DELTA_INSTANCE: i32 = 1;
export const DELTA_TASK: i32 = 2;
export const INSTANCE_GONE: i32 = 2;
export const INSTANCE_RECORD_HEAD: i32 = 10;
export const TASK_RECORD_HEAD: i32 = 9;
// What applyClusterDeltas / gatherResidentBatch / placeResidentTasks return when they refuse (< 0).
export const RESIDENT_UNKNOWN_STORE: i32 = -1; // no store with this id (never created, or disposed)
export const RESIDENT_BAD_RECORD: i32 = -2; // unknown kind, truncated record, bad sign or group, slot out of turn
export const RESIDENT_BAD_SLOT: i32 = -3; // a batch names an unknown or INSTANCE_GONE slot
export const RESIDENT_PORTS_OVERFLOW: i32 = -4; // the batch's ports exceed clusterStoreUsedPortCount (a slot named twice)

// ── The deployment step (semantics 9.1, 9.3): word slots of deploymentStepResult ────────────────────
export const DS_MIN: i32 = 0;
export const DS_MAX: i32 = 1;
export const DS_LAUNCH: i32 = 2;
export const DS_RETIRE: i32 = 3;
export const DS_SCALE_IN: i32 = 4;
export const DS_RESULT_WORDS: i32 = 5;
