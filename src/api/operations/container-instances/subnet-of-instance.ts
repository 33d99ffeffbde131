// Which declared subnet (EcsSandbox.PutSubnets) an instance sits in. The identity document names
// the private address and the AZ but not the subnet, so (Decision):
//   1. the declared subnet whose cidrBlock contains privateIp;
//   2. else the first declared subnet of the instance's availability zone;
//   3. else none: the instance then passes no awsvpc subnet check (semantics 4.7).
import type { SubnetRecord } from '../../../domain/records.ts';

/** A dotted IPv4 address as an unsigned 32-bit number, or undefined. */
function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

/** Whether `a.b.c.d/n` contains the address. */
export function cidrContains(cidr: string, address: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  const network = ipv4(base ?? '');
  const ip = ipv4(address);
  if (network === undefined || ip === undefined || !/^\d{1,2}$/.test(bitsText ?? '') || bits > 32) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(ip / size) === Math.floor(network / size);
}

export function subnetOfInstance(
  subnets: readonly SubnetRecord[], availabilityZone: string, privateIp: string | undefined,
): string | undefined {
  if (privateIp !== undefined) {
    const byCidr = subnets.find((s) => s.cidrBlock !== undefined && cidrContains(s.cidrBlock, privateIp));
    if (byCidr) return byCidr.subnetId;
  }
  return subnets.find((s) => s.availabilityZone === availabilityZone)?.subnetId;
}
