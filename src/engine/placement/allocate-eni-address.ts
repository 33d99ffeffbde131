// 14.3: a task ENI takes the lowest free address of its subnet after the first four, which AWS
// reserves along with the last. Taken: the ENIs of live tasks and the instances' own private IPs.
import type { RegionState } from '../../domain/sandbox-document.ts';
import { formatIpv4, networkOf, parseIpv4, parseSubnetCidr } from '../../domain/resource-ids.ts';

/** The address, or undefined when the subnet has no CIDR block or is full. */
export function allocateEniAddress(state: RegionState, subnetId: string): string | undefined {
  const cidr = parseSubnetCidr(state.subnets.find((s) => s.subnetId === subnetId)?.cidrBlock ?? '');
  if (!cidr) return undefined;
  const taken = new Set<number>();
  for (const t of state.tasks) {
    if (t.lastStatus !== 'STOPPED' && t.eni?.subnetId === subnetId) taken.add(parseIpv4(t.eni.privateIpv4Address) ?? -1);
  }
  for (const i of state.containerInstances) {
    if (i.status !== 'INACTIVE' && i.privateIp !== undefined) taken.add(parseIpv4(i.privateIp) ?? -1);
  }
  const first = networkOf(cidr);
  const size = 2 ** (32 - cidr.prefixLength);
  for (let ip = first + 4; ip < first + size - 1; ip++) if (!taken.has(ip)) return formatIpv4(ip);
  return undefined;
}
