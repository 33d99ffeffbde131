// RESOURCE:PORTS (semantics 4.5). The task's mappings are walked in order, each seeing the ones
// before it; the host ports chosen land in taskPorts, so placeTask can bind exactly these.
// `useCursor` is false for the brute-force scan, which keeps no lowest-free cursors.
import { PROTOCOL_TCP } from '../../abi';
import { setWord, word } from '../../memory/words';
import { ephemeralLast, P, reservedTcpCount, reservedUdpCount, taskPortMappings, taskPorts } from '../placement-batch';
import { isPortUsed, lowestFreePort } from '../indexes/used-ports';

// semantics 4.5: at most 100 reserved ports per protocol, the static ones of this task included.
const RESERVED_PORT_LIMIT: i32 = 100;

function isTakenByTask(encoded: i32, taken: i32): bool {
  for (let k = 0; k < taken; k++) if (word(taskPorts, k) == encoded) return true;
  return false;
}

export function fitsPorts(i: i32, useCursor: bool = true): bool {
  let staticTcp = 0;
  let staticUdp = 0;
  for (let k = 0; k < P; k++) {
    const mapping = word(taskPortMappings, k);
    const protocol = mapping >>> 16;
    const hostPort = mapping & 0xffff;
    if (hostPort > 0) {
      if (isTakenByTask(mapping, k) || isPortUsed(i, mapping)) return false;
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
      let p = lowestFreePort(i, protocol, last, useCursor);
      while (p <= last && (isTakenByTask((protocol << 16) | p, k) || isPortUsed(i, (protocol << 16) | p))) p++;
      if (p > last) return false;
      setWord(taskPorts, k, (protocol << 16) | p);
    }
  }
  return true;
}
