// The host ports in use per instance (semantics 4.5): the sorted CSR rows the host sent, plus the
// ports this batch bound, kept as a linked list per instance in a pool sized count × P. Ports only
// get taken during a batch, so each (instance, protocol) keeps a lowest-free cursor for dynamic ports.
// The brute-force scan has no cursor region (withCursors = false) and counts up from ephemeralFirst.
import { ephemeralFirst, M, portCursor, portHead, portPool, usedPorts, usedPortsStart } from '../placement-batch';
import { setWord, word } from '../../memory/words';

let poolTop: i32 = 0;

export function resetUsedPorts(withCursors: bool = true): void {
  poolTop = 0;
  for (let i = 0; i < M; i++) {
    setWord(portHead, i, -1);
    if (!withCursors) continue;
    const first = word(ephemeralFirst, i);
    setWord(portCursor, i << 1, first);
    setWord(portCursor, (i << 1) + 1, first);
  }
}

/** Whether `encoded` ((protocol << 16) | port) is taken on instance i. */
export function isPortUsed(i: i32, encoded: i32): bool {
  let lo = word(usedPortsStart, i);
  let hi = word(usedPortsStart, i + 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = word(usedPorts, mid);
    if (v == encoded) return true;
    if (v < encoded) lo = mid + 1;
    else hi = mid - 1;
  }
  for (let node = word(portHead, i); node >= 0; node = word(portPool, (node << 1) + 1)) {
    if (word(portPool, node << 1) == encoded) return true;
  }
  return false;
}

export function takePort(i: i32, encoded: i32): void {
  const node = poolTop++;
  setWord(portPool, node << 1, encoded);
  setWord(portPool, (node << 1) + 1, word(portHead, i));
  setWord(portHead, i, node);
}

/** The lowest port ≥ the cursor of (i, protocol) that is not taken; it never goes down in a batch. */
export function lowestFreePort(i: i32, protocol: i32, last: i32, useCursor: bool = true): i32 {
  const cursor = useCursor && protocol <= 1;
  const slot = (i << 1) + (protocol & 1);
  let p = cursor ? word(portCursor, slot) : word(ephemeralFirst, i);
  while (p <= last && isPortUsed(i, (protocol << 16) | p)) p++;
  if (cursor) setWord(portCursor, slot, p);
  return p;
}
