// The formats of the EC2 and ELB resources a scenario declares (semantics 2.1), shared by the
// EcsSandbox.Put* operations and by restore-document. Pure predicates and parsers, no messages.

/** `subnet-` + 8 hex digits (the 2018 default) or 17 (the long ids EC2 was rolling out). */
export const SUBNET_ID = /^subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
export const SECURITY_GROUP_ID = /^sg-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
export const VPC_ID = /^vpc-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
/** `us-east-1`, `eu-west-2`, `us-gov-west-1`, `ap-southeast-1`. */
export const REGION_NAME = /^[a-z]{2}(?:-gov)?-[a-z]+-[0-9]$/;
export const ACCOUNT_ID = /^[0-9]{12}$/;

/** An availability zone of `region`: the region name and one letter. */
export const isAvailabilityZoneOf = (az: string, region: string): boolean =>
  az.length === region.length + 1 && az.startsWith(region) && /[a-z]$/.test(az);

/** Target group names: 1–32 letters, digits and hyphens, not starting or ending with a hyphen. */
const ELB_NAME = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?';
const TARGET_GROUP_ARN = new RegExp(
  `^arn:aws:elasticloadbalancing:([a-z0-9-]+):([0-9]{12}):targetgroup/(${ELB_NAME})/([0-9a-f]{16})$`);
const LOAD_BALANCER_ARN = new RegExp(
  `^arn:aws:elasticloadbalancing:([a-z0-9-]+):([0-9]{12}):loadbalancer/(app|net)/(${ELB_NAME})/([0-9a-f]{16})$`);

export interface ElbArn {
  region: string;
  accountId: string;
  name: string;
}

/** `arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<16 hex>` (semantics 2.1). */
export function parseTargetGroupArn(arn: string): ElbArn | undefined {
  const m = TARGET_GROUP_ARN.exec(arn);
  return m && REGION_NAME.test(m[1]) ? { region: m[1], accountId: m[2], name: m[3] } : undefined;
}

/** `arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app|net/<name>/<16 hex>`. */
export function parseLoadBalancerArn(arn: string): ElbArn | undefined {
  const m = LOAD_BALANCER_ARN.exec(arn);
  return m && REGION_NAME.test(m[1]) ? { region: m[1], accountId: m[2], name: m[4] } : undefined;
}

export interface Ipv4Cidr {
  /** The address as an unsigned 32-bit number. */
  address: number;
  prefixLength: number;
}

/** Dotted-quad IPv4 → unsigned 32-bit number; undefined when malformed (no leading zeros). */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const part of parts) {
    if (!/^(?:0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255) return undefined;
    n = n * 256 + Number(part);
  }
  return n;
}

export const formatIpv4 = (n: number): string => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');

/** `a.b.c.d/n` with n from 16 to 28, the sizes a VPC subnet may have. */
export function parseSubnetCidr(text: string): Ipv4Cidr | undefined {
  const m = /^([0-9.]+)\/([0-9]{1,2})$/.exec(text);
  if (!m) return undefined;
  const address = parseIpv4(m[1]);
  const prefixLength = Number(m[2]);
  if (address === undefined || prefixLength < 16 || prefixLength > 28) return undefined;
  return { address, prefixLength };
}

/** The network address of a CIDR: the address with its host bits cleared. */
export function networkOf(cidr: Ipv4Cidr): number {
  const hostBits = 32 - cidr.prefixLength;
  return Math.floor(cidr.address / 2 ** hostBits) * 2 ** hostBits;
}

export const isIpv4InCidr = (ip: number, cidr: Ipv4Cidr): boolean =>
  networkOf({ address: ip, prefixLength: cidr.prefixLength }) === networkOf(cidr);
