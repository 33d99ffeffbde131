// The host-port stage for one task on one instance (semantics 4.5; placement contract 1, "ports").
// Mappings are walked in order and each sees the ones before it: a task's own earlier mappings count
// as used, and its own earlier static ports count toward the reserved cap.
import { PROTOCOL_TCP } from '../placement/placement-codes.ts';

/**
 * Reserved ports per protocol an instance may hold (semantics 4.5, counted per protocol).
 * The value of ERA_2018.maxReservedHostPortsPerInstance; not imported because src/reference sits below
 * src/engine in the layering (architecture.md §2).
 */
export const MAX_RESERVED_PORTS_PER_PROTOCOL = 100;

const protocolOf = (encoded: number): number => encoded >>> 16;
const portOf = (encoded: number): number => encoded & 0xffff;
const encode = (protocol: number, port: number): number => (protocol << 16) | port;

/** The ports side of one instance, as the stage reads it. */
export interface InstancePorts {
  /** Encoded ports ((protocol << 16) | port) in use on the instance. */
  used: ReadonlySet<number>;
  reservedTcpCount: number;
  reservedUdpCount: number;
  ephemeralFirst: number;
  ephemeralLast: number;
}

/**
 * The encoded host port each mapping binds, in mapping order, or null when some mapping cannot be
 * bound (REJECT_PORTS). Static (hostPort > 0): the port must be unused and the protocol's reserved
 * count + 1 must stay ≤ 100. Dynamic (hostPort 0): the lowest unused port of the ephemeral range.
 */
export function placePorts(mappings: ArrayLike<number>, instance: InstancePorts): number[] | null {
  const taken = new Set<number>();
  const isUsed = (encoded: number) => instance.used.has(encoded) || taken.has(encoded);
  const staticAdded = [0, 0]; // per protocol: this task's static ports so far
  const bound: number[] = [];
  for (let m = 0; m < mappings.length; m++) {
    const protocol = protocolOf(mappings[m]);
    const hostPort = portOf(mappings[m]);
    let chosen: number;
    if (hostPort > 0) {
      chosen = mappings[m];
      const reserved = protocol === PROTOCOL_TCP ? instance.reservedTcpCount : instance.reservedUdpCount;
      if (isUsed(chosen)) return null;
      if (reserved + staticAdded[protocol] + 1 > MAX_RESERVED_PORTS_PER_PROTOCOL) return null;
      staticAdded[protocol]++;
    } else {
      chosen = lowestFreeEphemeralPort(protocol, instance, isUsed);
      if (chosen < 0) return null;
    }
    taken.add(chosen);
    bound.push(chosen);
  }
  return bound;
}

/** The lowest p in [ephemeralFirst, ephemeralLast] with (protocol << 16 | p) unused, encoded; -1 when exhausted. */
function lowestFreeEphemeralPort(protocol: number, instance: InstancePorts, isUsed: (encoded: number) => boolean): number {
  for (let p = instance.ephemeralFirst; p <= instance.ephemeralLast; p++) {
    if (!isUsed(encode(protocol, p))) return encode(protocol, p);
  }
  return -1;
}
