// Mirror of assembly/abi.ts; test/assembly/abi.test.ts asserts that every constant agrees. The
// placement codes live in src/placement/placement-codes.ts (shared by every core) and are re-exported.
export * from '../placement/placement-codes.ts';

// Bumped whenever an export's meaning or a code changes.
export const ABI_VERSION = 4;

// ── The placement batch header (performance notes 4: zero-copy) ────────────────────────────────────
// The host writes a PlacementProblem into the buffer of reservePlacementBuffer: PH_* are word slots of the
// header at the buffer's start. Scalars sit in slots 0–17; every other slot holds the word offset (from
// the buffer's start) of one array: inputs the host fills, outputs the core fills, scratch the core uses.
export const PH_INSTANCE_COUNT = 0;
export const PH_COUNT = 1;
export const PH_PORT_MAPPING_COUNT = 2;
export const PH_CONSTRAINT_COUNT = 3;
export const PH_STRATEGY_COUNT = 4;
export const PH_TASK_CPU = 5;
export const PH_TASK_MEMORY = 6;
export const PH_TASK_NEEDS_ENI = 7;
export const PH_LEAF_COUNT = 8;
export const PH_REFERENCED_GROUP_COUNT = 9;
export const PH_BATCH_GROUP_INDEX = 10;
export const PH_SPREAD_ROW_COUNT = 11;
export const PH_RANDOM = 12; // 4 words: in the input state, out the advanced one
export const PH_PLACED = 16; // out
export const PH_CLOSEST_MATCH = 17; // out
export const PH_INSTANCE_STATE = 18;
export const PH_AGENT_CONNECTED = 19;
export const PH_CPU_FREE = 20;
export const PH_MEMORY_FREE = 21;
export const PH_ENI_FREE = 22;
export const PH_ATTRIBUTES_OK = 23;
export const PH_USED_PORTS_START = 24;
export const PH_USED_PORTS = 25;
export const PH_RESERVED_TCP_COUNT = 26;
export const PH_RESERVED_UDP_COUNT = 27;
export const PH_EPHEMERAL_FIRST = 28;
export const PH_EPHEMERAL_LAST = 29;
export const PH_GROUP_ACTIVE = 30;
export const PH_GROUP_LIVE = 31;
export const PH_LIVE_TASKS = 32;
export const PH_TASK_PORT_MAPPINGS = 33;
export const PH_CONSTRAINT_KIND = 34;
export const PH_PROGRAM_START = 35;
export const PH_PROGRAM_OPS = 36;
export const PH_LEAF_BITS = 37;
export const PH_GROUP_LIVE_BY_GROUP = 38;
export const PH_STRATEGY_TYPE = 39;
export const PH_STRATEGY_FIELD = 40;
export const PH_SPREAD_KEYS = 41;
export const PH_SPREAD_KEY_COUNT = 42;
export const PH_OUT_ASSIGNMENTS = 43; // count
export const PH_OUT_ASSIGNED_PORTS = 44; // count × P
export const PH_OUT_REJECT_CODE = 45; // M
export const PH_OUT_REJECT_CONSTRAINT = 46; // M
export const PH_SCRATCH_CODE = 47; // M
export const PH_SCRATCH_CONSTRAINT = 48; // M
export const PH_SCRATCH_CANDIDATES = 49; // M
export const PH_SCRATCH_KEY_START = 50; // spread rows + 1
export const PH_SCRATCH_KEY_COUNTS = 51; // Σ spreadKeyCount
export const PH_SCRATCH_PORT_HEAD = 52; // M
export const PH_SCRATCH_PORT_POOL = 53; // 2 × count × P
export const PH_SCRATCH_PORT_CURSOR = 54; // 2 × M
export const PH_SCRATCH_TASK_PORTS = 55; // P
export const PH_SCRATCH_STACK = 56; // programOps.length / 2 + 1
export const PH_SCRATCH_CANDIDATE_BITS = 57; // (M + 31) >> 5
export const PH_SCRATCH_TIE_TREE = 58; // max(4 × classes × leaves, (2 × classes + 3) × M + 1): tie tree or best-fit buckets (classes ≤ TIE_TREE_MAX_CLASSES, leaves: the least power of two ≥ M)
// A batch against a resident cluster store (assembly/resident, src/placement/resident-cluster-store.ts):
// the host writes the batch's own columns as above and these; gatherResidentBatch fills the instance
// columns (PH_INSTANCE_STATE … PH_LIVE_TASKS, PH_GROUP_LIVE_BY_GROUP) from the store.
export const PH_RESIDENT_SLOTS = 59; // M store slots, in problem order
export const PH_RESIDENT_GROUPS = 60; // PH_REFERENCED_GROUP_COUNT store groups (-1: zeros)
export const PH_RESIDENT_BATCH_GROUP = 61; // scalar: the store group of groupActive / groupLive, or -1
export const PH_HEADER_WORDS = 64;
/** A leading spread(attribute) with at most this many keys is answered by the tie tree. */
export const TIE_TREE_MAX_CLASSES = 8;

// ── The scale-in header (semantics 8), same buffer, same conventions ───────────────────────────────
export const SH_INSTANCE_COUNT = 0;
export const SH_TASK_COUNT = 1;
export const SH_COUNT = 2;
export const SH_STRATEGY_COUNT = 3;
export const SH_SPREAD_ROW_COUNT = 4;
export const SH_RANDOM = 5; // 4 words
export const SH_CHOSEN_COUNT = 9; // out
export const SH_INSTANCE_STATE = 10;
export const SH_CPU_FREE = 11;
export const SH_MEMORY_FREE = 12;
export const SH_GROUP_ACTIVE = 13;
export const SH_STRATEGY_TYPE = 14;
export const SH_STRATEGY_FIELD = 15;
export const SH_SPREAD_KEYS = 16;
export const SH_SPREAD_KEY_COUNT = 17;
export const SH_TASK_INSTANCE = 18;
export const SH_TASK_PENDING = 19;
export const SH_TASK_CPU = 20;
export const SH_TASK_MEMORY = 21;
export const SH_TASK_CREATED_RANK = 22;
export const SH_TASK_ORDER = 23;
export const SH_OUT_CHOSEN = 24; // min(count, N)
export const SH_SCRATCH_KEY_START = 25; // spread rows + 1
export const SH_SCRATCH_KEY_COUNTS = 26; // Σ spreadKeyCount
export const SH_SCRATCH_TASK_START = 27; // M + 1
export const SH_SCRATCH_TASK_SORTED = 28; // N
export const SH_SCRATCH_TASK_CHOSEN = 29; // N
export const SH_SCRATCH_REMAINING = 30; // M
export const SH_SCRATCH_INSTANCES = 31; // M, or none when the stop tree answers the chain (walk only)
export const SH_SCRATCH_VALUE = 32; // M, or none when the stop tree answers the chain (walk only)
export const SH_SCRATCH_TASK_LIST = 33; // N
export const SH_SCRATCH_STOP_TREE = 34; // 8 × classes × leaves when the stop tree answers the chain (planStopTree), else none
export const SH_HEADER_WORDS = 40;

// ── Resident cluster stores (performance notes 4: load once, then send deltas) ──────────────────────
export { DELTA_INSTANCE, DELTA_TASK, INSTANCE_GONE, INSTANCE_RECORD_HEAD, TASK_RECORD_HEAD } from '../placement/resident-deltas.ts';
// What applyClusterDeltas / gatherResidentBatch / placeResidentTasks return when they refuse (< 0).
export const RESIDENT_UNKNOWN_STORE = -1; // no store with this id (never created, or disposed)
export const RESIDENT_BAD_RECORD = -2; // unknown kind, truncated record, bad sign or group, slot out of turn
export const RESIDENT_BAD_SLOT = -3; // a batch names an unknown or INSTANCE_GONE slot
export const RESIDENT_PORTS_OVERFLOW = -4; // the batch's ports exceed clusterStoreUsedPortCount (a slot named twice)

// ── The deployment step (semantics 9.1, 9.3): word slots of deploymentStepResult ────────────────────
export const DS_MIN = 0;
export const DS_MAX = 1;
export const DS_LAUNCH = 2;
export const DS_RETIRE = 3;
export const DS_SCALE_IN = 4;
export const DS_RESULT_WORDS = 5;
