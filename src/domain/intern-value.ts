// Shares equal plain-JSON values between records: 5,000 container instances of a few types in a few
// AZs carry a handful of distinct attribute lists (the agent's ~30 capabilities) and registered
// resources. Shared, they are stored once (IndexedDB's structured clone keeps shared references) and
// held once in memory. A shared value is frozen: records are changed by replacing a member, never by
// editing it in place, and a frozen value turns a violation into an error instead of a corruption.

const pools = new WeakMap<object, Map<string, unknown>>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

/** The pool's copy of `value` (by JSON equality) within `owner` (a region's state), frozen. */
export function internValue<T>(owner: object, value: T): T {
  let pool = pools.get(owner);
  if (!pool) {
    pool = new Map();
    pools.set(owner, pool);
  }
  const key = JSON.stringify(value);
  const found = pool.get(key);
  if (found !== undefined) return found as T;
  pool.set(key, deepFreeze(value));
  return value;
}
