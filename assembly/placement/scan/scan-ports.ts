// RESOURCE:PORTS (semantics 4.5) for the brute-force scan, with no index: an instance's used ports are
// its sorted CSR row (binary search) plus the ports this batch bound on it (a linked list in the pool,
// count × P nodes), and a dynamic port is the lowest free one counted up from ephemeralFirst every time.
import { PROTOCOL_TCP } from '../../abi';
import { setWord, word } from '../../memory/words';
import {
  ephemeralFirst, ephemeralLast, M, P, portHead, portPool, reservedTcpCount, reservedUdpCount, taskPortMappings,
  taskPorts, usedPorts, usedPortsStart,
} from '../placement-batch';

// semantics 4.5: at most 100 reserved ports per protocol, the static ones of this task included.
const RESERVED_PORT_LIMIT: i32 = 100;

let poolTop: i32 = 0;

export function resetScanPorts(): void {
  poolTop = 0;
  for (let i = 0; i < M; i++) setWord(portHead, i, -1);
}

function isUsed(i: i32, encoded: i32): bool {
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

/** Whether one of the task's first `taken` mappings already bound `encoded`. */
function isTakenByTask(encoded: i32, taken: i32): bool {
  for (let k = 0; k < taken; k++) if (word(taskPorts, k) == encoded) return true;
  return false;
}

/** Walks the mappings in order (each sees the ones before it); the bound ports land in taskPorts. */
export function scanFitsPorts(i: i32): bool {
  let staticTcp = 0;
  let staticUdp = 0;
  for (let k = 0; k < P; k++) {
    const mapping = word(taskPortMappings, k);
    const protocol = mapping >>> 16;
    if ((mapping & 0xffff) > 0) {
      if (isTakenByTask(mapping, k) || isUsed(i, mapping)) return false;
      if (protocol == PROTOCOL_TCP) {
        if (word(reservedTcpCount, i) + staticTcp + 1 > RESERVED_PORT_LIMIT) return false;
        staticTcp++;
      } else {
        if (word(reservedUdpCount, i) + staticUdp + 1 > RESERVED_PORT_LIMIT) return false;
        staticUdp++;
      }
      setWord(taskPorts, k, mapping);
    } else {
      const last = word(ephemeralLast, i);
      let p = word(ephemeralFirst, i);
      while (p <= last && (isTakenByTask((protocol << 16) | p, k) || isUsed(i, (protocol << 16) | p))) p++;
      if (p > last) return false;
      setWord(taskPorts, k, (protocol << 16) | p);
    }
  }
  return true;
}

/** Binds `encoded` on instance i for the rest of the batch. */
export function scanTakePort(i: i32, encoded: i32): void {
  const node = poolTop++;
  setWord(portPool, node << 1, encoded);
  setWord(portPool, (node << 1) + 1, word(portHead, i));
  setWord(portHead, i, node);
}
