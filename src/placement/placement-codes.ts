// The numeric vocabulary of placement, shared by every core. assembly/abi.ts mirrors these values and
// test/assembly/abi.test.ts asserts the two agree.

// ── Rejection codes: the first stage an instance failed (semantics 4.2) ─────────────────────────────
export const REJECT_NONE = 0; // passed every stage (a candidate)
export const REJECT_CPU = 1; // RESOURCE:CPU
export const REJECT_MEMORY = 2; // RESOURCE:MEMORY
export const REJECT_PORTS = 3; // RESOURCE:PORTS
export const REJECT_ENI = 4; // RESOURCE:ENI
export const REJECT_ATTRIBUTE = 5; // ATTRIBUTE
export const REJECT_AGENT = 6; // AGENT
export const REJECT_MEMBER_OF = 7; // a memberOf constraint (task definition's or service's); see rejectConstraint
export const REJECT_DISTINCT_INSTANCE = 8; // the distinctInstance constraint; see rejectConstraint
export const REJECT_DRAINING = 9; // not a candidate: the instance is DRAINING (4.2)

// ── Strategy types and fields ──────────────────────────────────────────────────────────────────────
export const STRATEGY_RANDOM = 0;
export const STRATEGY_SPREAD = 1;
export const STRATEGY_BINPACK = 2;
export const BINPACK_CPU = 0;
export const BINPACK_MEMORY = 1;

// ── Constraint kinds ───────────────────────────────────────────────────────────────────────────────
export const CONSTRAINT_MEMBER_OF = 0;
export const CONSTRAINT_DISTINCT_INSTANCE = 1;

// ── memberOf postfix program (semantics 5; performance notes 3.4) ──────────────────────────────────
// Every leaf predicate that does not read task groups is evaluated once per batch into a bit column
// (LEAF k). Only `task:group` terms change while a batch is placed, so they stay symbolic.
export const OP_LEAF = 0; // operand k: push leafBits[k * M + i]
export const OP_GROUP_ANY = 1; // operand g: push groupLive[g * M + i] > 0
export const OP_ANY_TASK = 2; // push liveTasks[i] > 0   (task:group exists)
export const OP_AND = 3;
export const OP_OR = 4;
export const OP_NOT = 5;
export const OP_TRUE = 6;
export const OP_FALSE = 7;

// ── Instance states inside a problem (INACTIVE instances are left out) ─────────────────────────────
export const INSTANCE_ACTIVE = 0;
export const INSTANCE_DRAINING = 1;

// ── Port protocols: an encoded port is (protocol << 16) | port ────────────────────────────────────
export const PROTOCOL_TCP = 0;
export const PROTOCOL_UDP = 1;
