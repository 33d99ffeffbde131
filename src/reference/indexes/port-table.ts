// Host ports per instance for the indexed core (semantics 4.5; placement contract 1, "ports"): the
// problem's sorted CSR of used ports, plus the ports this batch has bound so far (a Set, created only
// for instances that received a task). Same rule as src/reference/place-ports.ts, without building a
// Set for every instance.
import { PROTOCOL_TCP } from '../../placement/placement-codes.ts';
import type { PlacementProblem } from '../../placement/placement-problem.ts';
import { MAX_RESERVED_PORTS_PER_PROTOCOL } from '../place-ports.ts';

export class PortTable {
  private readonly added: (Set<number> | undefined)[];
  private readonly reservedTcp: Int32Array;
  private readonly reservedUdp: Int32Array;

  constructor(private readonly p: PlacementProblem) {
    this.added = new Array(p.instanceCount);
    this.reservedTcp = Int32Array.from(p.reservedTcpCount);
    this.reservedUdp = Int32Array.from(p.reservedUdpCount);
  }

  private isUsed(i: number, encoded: number, bound: number[]): boolean {
    if (bound.includes(encoded)) return true;
    if (this.added[i]?.has(encoded)) return true;
    const used = this.p.usedPorts;
    let lo = this.p.usedPortsStart[i];
    let hi = this.p.usedPortsStart[i + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (used[mid] < encoded) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.p.usedPortsStart[i + 1] && used[lo] === encoded;
  }

  /** Fills `bound` with the encoded port of each mapping, in order; false when one cannot be bound. */
  bind(i: number, bound: number[]): boolean {
    bound.length = 0;
    const mappings = this.p.taskPortMappings;
    let staticTcp = 0;
    let staticUdp = 0;
    for (let m = 0; m < mappings.length; m++) {
      const protocol = mappings[m] >>> 16;
      const hostPort = mappings[m] & 0xffff;
      if (hostPort > 0) {
        if (this.isUsed(i, mappings[m], bound)) return false;
        const reserved = protocol === PROTOCOL_TCP ? this.reservedTcp[i] + staticTcp : this.reservedUdp[i] + staticUdp;
        if (reserved + 1 > MAX_RESERVED_PORTS_PER_PROTOCOL) return false;
        if (protocol === PROTOCOL_TCP) staticTcp++;
        else staticUdp++;
        bound.push(mappings[m]);
      } else {
        let chosen = -1;
        for (let port = this.p.ephemeralFirst[i]; port <= this.p.ephemeralLast[i]; port++) {
          const encoded = (protocol << 16) | port;
          if (!this.isUsed(i, encoded, bound)) {
            chosen = encoded;
            break;
          }
        }
        if (chosen < 0) return false;
        bound.push(chosen);
      }
    }
    return true;
  }

  /** Records the ports a placed task bound on i. */
  commit(i: number, bound: readonly number[]): void {
    const mappings = this.p.taskPortMappings;
    if (mappings.length === 0) return;
    let set = this.added[i];
    if (set === undefined) {
      set = new Set();
      this.added[i] = set;
    }
    for (let m = 0; m < bound.length; m++) {
      set.add(bound[m]);
      if ((mappings[m] & 0xffff) > 0) {
        if (bound[m] >>> 16 === PROTOCOL_TCP) this.reservedTcp[i]++;
        else this.reservedUdp[i]++;
      }
    }
  }
}
