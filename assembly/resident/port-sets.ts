// The used-port sets of every slot of one store: per slot a sorted flat array of the encoded ports
// in use (protocol << 16 | port), and beside it each port's holders — `used` by the registered set or
// a live task, `reserved` by the registered set or a static mapping (src/placement/resident-deltas.ts).
// A port is in the set while used > 0. A gather copies a slot's ports with one memory.copy; insert
// and remove are a binary search plus a memmove of the slot's later ports (O(log k + k) for k ports
// on the slot: a few hundred words at most in practice, far cheaper than a gather walking a tree).
// The arrays only grow (doubling), so a steady add/remove of the same ports allocates nothing after
// warm-up. Only `hold` (the apply path) and `ensureSlots` may allocate.
import { PROTOCOL_TCP } from '../abi';
import { grownTo } from './columns';

/** The array every slot starts with: length 0, so the first insert replaces it and nothing writes into it. */
const NO_PORTS = new StaticArray<i32>(0);

/** A copy of `column` with room for `length` words (length ≥ its length; new words are 0). */
function resized(column: StaticArray<i32>, length: i32): StaticArray<i32> {
  const bigger = new StaticArray<i32>(length);
  memory.copy(changetype<usize>(bigger), changetype<usize>(column), <usize>column.length << 2);
  return bigger;
}

export class PortSets {
  /** Ports in use over every slot: an upper bound of what a batch of distinct slots gathers. */
  total: i32 = 0;
  /** Per slot: its ports in ascending order (the first count[slot] words; the rest is spare room). */
  keys: StaticArray<i32>[] = [];
  /** Per slot: the holders of keys[k] — used at 2k, reserved at 2k + 1. */
  private holders: StaticArray<i32>[] = [];
  /** Per slot: its port count and its distinct reserved ports per protocol (TCP / other). */
  count: StaticArray<i32> = new StaticArray<i32>(0);
  reservedTcp: StaticArray<i32> = new StaticArray<i32>(0);
  reservedUdp: StaticArray<i32> = new StaticArray<i32>(0);

  /** Room for `slots` slots (apply path only). */
  ensureSlots(slots: i32): void {
    this.count = grownTo(this.count, slots);
    this.reservedTcp = grownTo(this.reservedTcp, slots);
    this.reservedUdp = grownTo(this.reservedUdp, slots);
    while (this.keys.length < slots) {
      this.keys.push(NO_PORTS);
      this.holders.push(NO_PORTS);
    }
  }

  /**
   * Adds `used` / `reserved` holders (±) of `port` on `slot`. A port nobody holds any more leaves the
   * set; releasing a port that is not held is ignored (the deltas are the ledger's to keep right).
   */
  hold(slot: i32, port: i32, used: i32, reserved: i32): void {
    const n = unchecked(this.count[slot]);
    let keys = unchecked(this.keys[slot]);
    let holders = unchecked(this.holders[slot]);
    // Lower bound: the first k with keys[k] >= port.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (unchecked(keys[mid]) < port) lo = mid + 1;
      else hi = mid;
    }
    const at = lo;
    if (at == n || unchecked(keys[at]) != port) {
      if (used <= 0) return;
      if (n == keys.length) {
        const capacity = max(4, n << 1);
        keys = resized(keys, capacity);
        holders = resized(holders, capacity << 1);
        unchecked(this.keys[slot] = keys);
        unchecked(this.holders[slot] = holders);
      }
      const k = changetype<usize>(keys) + (<usize>at << 2);
      const h = changetype<usize>(holders) + (<usize>at << 3);
      memory.copy(k + 4, k, <usize>(n - at) << 2);
      memory.copy(h + 8, h, <usize>(n - at) << 3);
      unchecked(keys[at] = port);
      unchecked(holders[at << 1] = 0);
      unchecked(holders[(at << 1) + 1] = 0);
      unchecked(this.count[slot] = n + 1);
      this.total++;
    }
    const wasReserved = unchecked(holders[(at << 1) + 1]) > 0;
    const nowUsed = unchecked(holders[at << 1]) + used;
    const nowReserved = unchecked(holders[(at << 1) + 1]) + reserved;
    unchecked(holders[at << 1] = nowUsed);
    unchecked(holders[(at << 1) + 1] = nowReserved);
    const isReserved = nowUsed > 0 && nowReserved > 0;
    if (wasReserved != isReserved) {
      const change = isReserved ? 1 : -1;
      if ((port >>> 16) == PROTOCOL_TCP) unchecked(this.reservedTcp[slot] += change);
      else unchecked(this.reservedUdp[slot] += change);
    }
    if (nowUsed <= 0) {
      const m = unchecked(this.count[slot]) - 1;
      const k = changetype<usize>(keys) + (<usize>at << 2);
      const h = changetype<usize>(holders) + (<usize>at << 3);
      memory.copy(k, k + 4, <usize>(m - at) << 2);
      memory.copy(h, h + 8, <usize>(m - at) << 3);
      unchecked(this.count[slot] = m);
      this.total--;
    }
  }

  /** Copies `slot`'s ports, ascending, to `out`; returns how many. Allocates nothing. */
  // @ts-ignore: decorator
  @inline copyTo(slot: i32, out: usize): i32 {
    const n = unchecked(this.count[slot]);
    memory.copy(out, changetype<usize>(unchecked(this.keys[slot])), <usize>n << 2);
    return n;
  }
}
