// The used-port sets of every slot of one store: per slot a treap of the encoded ports in use
// (protocol << 16 | port), each node counting its holders — `used` by the registered set or a live
// task, `reserved` by the registered set or a static mapping (src/placement/resident-deltas.ts).
// A port is in the set while used > 0. Insert and remove are O(log k) expected for k ports on the
// slot; listing a slot's ports in order is O(k) and allocation-free (Morris traversal). Nodes live in
// one interleaved StaticArray, recycled through a free list, so a steady add/remove of the same
// ports allocates nothing after warm-up. Only `hold` (the apply path) may grow it.
import { PROTOCOL_TCP } from '../abi';
import { grownTo } from './columns';

const KEY = 0;
const LEFT = 1;
const RIGHT = 2;
const PRIORITY = 3;
const USED = 4;
const RESERVED = 5;
const STRIDE = 6;

export class PortSets {
  /** Node n's fields at n × STRIDE; node 0 is the empty tree. */
  private nodes: StaticArray<i32> = new StaticArray<i32>(STRIDE * 16);
  private nextNode: i32 = 1;
  private freeHead: i32 = 0;
  private seed: u32 = 0x9e3779b9;
  /** The node the last insert found or made. */
  private found: i32 = 0;
  /** Ports in use over every slot: an upper bound of what a batch of distinct slots gathers. */
  total: i32 = 0;
  /** Per slot: its tree, its port count and its distinct reserved ports per protocol (TCP / other). */
  root: StaticArray<i32> = new StaticArray<i32>(0);
  count: StaticArray<i32> = new StaticArray<i32>(0);
  reservedTcp: StaticArray<i32> = new StaticArray<i32>(0);
  reservedUdp: StaticArray<i32> = new StaticArray<i32>(0);

  /** Room for `slots` slots (apply path only). */
  ensureSlots(slots: i32): void {
    this.root = grownTo(this.root, slots);
    this.count = grownTo(this.count, slots);
    this.reservedTcp = grownTo(this.reservedTcp, slots);
    this.reservedUdp = grownTo(this.reservedUdp, slots);
  }

  /**
   * Adds `used` / `reserved` holders (±) of `port` on `slot`. A port nobody holds any more leaves the
   * set; releasing a port that is not held is ignored (the deltas are the ledger's to keep right).
   */
  hold(slot: i32, port: i32, used: i32, reserved: i32): void {
    let root = unchecked(this.root[slot]);
    let node = this.find(root, port);
    if (node == 0) {
      if (used <= 0) return;
      root = this.insert(root, port);
      node = this.found;
      unchecked(this.count[slot]++);
      this.total++;
    }
    const wasReserved = this.get(node, RESERVED) > 0;
    const nowUsed = this.get(node, USED) + used;
    const nowReserved = this.get(node, RESERVED) + reserved;
    this.set(node, USED, nowUsed);
    this.set(node, RESERVED, nowReserved);
    const isReserved = nowUsed > 0 && nowReserved > 0;
    if (wasReserved != isReserved) {
      const change = isReserved ? 1 : -1;
      if ((port >>> 16) == PROTOCOL_TCP) unchecked(this.reservedTcp[slot] += change);
      else unchecked(this.reservedUdp[slot] += change);
    }
    if (nowUsed <= 0) {
      root = this.remove(root, port);
      unchecked(this.count[slot]--);
      this.total--;
    }
    unchecked(this.root[slot] = root);
  }

  /** Writes `slot`'s ports in ascending order at `out`; returns how many. Allocates nothing. */
  listInOrder(slot: i32, out: usize): i32 {
    let written = 0;
    let current = unchecked(this.root[slot]);
    while (current != 0) {
      const left = this.get(current, LEFT);
      if (left == 0) {
        store<i32>(out + (<usize>written << 2), this.get(current, KEY));
        written++;
        current = this.get(current, RIGHT);
        continue;
      }
      let before = left;
      while (this.get(before, RIGHT) != 0 && this.get(before, RIGHT) != current) before = this.get(before, RIGHT);
      if (this.get(before, RIGHT) == 0) {
        this.set(before, RIGHT, current); // thread back to current, then descend left
        current = left;
      } else {
        this.set(before, RIGHT, 0); // left subtree done: unthread, visit, go right
        store<i32>(out + (<usize>written << 2), this.get(current, KEY));
        written++;
        current = this.get(current, RIGHT);
      }
    }
    return written;
  }

  // @ts-ignore: decorator
  @inline private get(node: i32, field: i32): i32 {
    return unchecked(this.nodes[node * STRIDE + field]);
  }

  // @ts-ignore: decorator
  @inline private set(node: i32, field: i32, value: i32): void {
    unchecked(this.nodes[node * STRIDE + field] = value);
  }

  private find(root: i32, key: i32): i32 {
    let node = root;
    while (node != 0) {
      const k = this.get(node, KEY);
      if (key == k) return node;
      node = this.get(node, key < k ? LEFT : RIGHT);
    }
    return 0;
  }

  private newNode(key: i32): i32 {
    let node = this.freeHead;
    if (node != 0) {
      this.freeHead = this.get(node, LEFT);
    } else {
      node = this.nextNode++;
      this.nodes = grownTo(this.nodes, this.nextNode * STRIDE);
    }
    // xorshift32: treap priorities need only be independent of the keys.
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x;
    this.set(node, KEY, key);
    this.set(node, LEFT, 0);
    this.set(node, RIGHT, 0);
    this.set(node, PRIORITY, <i32>x);
    this.set(node, USED, 0);
    this.set(node, RESERVED, 0);
    return node;
  }

  private higher(a: i32, b: i32): bool {
    return <u32>this.get(a, PRIORITY) > <u32>this.get(b, PRIORITY);
  }

  private rotateRight(node: i32): i32 {
    const left = this.get(node, LEFT);
    this.set(node, LEFT, this.get(left, RIGHT));
    this.set(left, RIGHT, node);
    return left;
  }

  private rotateLeft(node: i32): i32 {
    const right = this.get(node, RIGHT);
    this.set(node, RIGHT, this.get(right, LEFT));
    this.set(right, LEFT, node);
    return right;
  }

  /** Inserts `key` (absent) under `node`; returns the subtree's new root, the new node in `found`. */
  private insert(node: i32, key: i32): i32 {
    if (node == 0) {
      this.found = this.newNode(key);
      return this.found;
    }
    if (key < this.get(node, KEY)) {
      const left = this.insert(this.get(node, LEFT), key);
      this.set(node, LEFT, left);
      if (this.higher(left, node)) return this.rotateRight(node);
    } else {
      const right = this.insert(this.get(node, RIGHT), key);
      this.set(node, RIGHT, right);
      if (this.higher(right, node)) return this.rotateLeft(node);
    }
    return node;
  }

  /** Removes `key` (present) from under `node`; returns the subtree's new root. */
  private remove(node: i32, key: i32): i32 {
    if (node == 0) return 0;
    const k = this.get(node, KEY);
    if (key < k) this.set(node, LEFT, this.remove(this.get(node, LEFT), key));
    else if (key > k) this.set(node, RIGHT, this.remove(this.get(node, RIGHT), key));
    else return this.removeRoot(node);
    return node;
  }

  /** Rotates `node` down until it is a leaf-side node, unlinks it and frees it. */
  private removeRoot(node: i32): i32 {
    const left = this.get(node, LEFT);
    const right = this.get(node, RIGHT);
    if (left == 0 || right == 0) {
      this.set(node, LEFT, this.freeHead);
      this.freeHead = node;
      return left == 0 ? right : left;
    }
    if (this.higher(left, right)) {
      const top = this.rotateRight(node);
      this.set(top, RIGHT, this.removeRoot(node));
      return top;
    }
    const top = this.rotateLeft(node);
    this.set(top, LEFT, this.removeRoot(node));
    return top;
  }
}
