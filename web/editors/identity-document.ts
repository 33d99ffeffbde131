// The EC2 instance identity document the ECS agent sends with RegisterContainerInstance. Same field set
// and order as test/builders/container-instances.ts identityDocument: what
// `curl http://169.254.169.254/latest/dynamic/instance-identity/document` printed on an instance launched
// from the 2018.03.a ECS-optimized AMI.

export interface IdentityFields {
  instanceId: string;
  instanceType: string;
  availabilityZone: string;
  privateIp: string;
  accountId: string;
  /** `2018-05-21T09:14:27Z`: when the instance was launched. */
  pendingTime: string;
}

export const ECS_OPTIMIZED_AMI_2018_03_A = 'ami-aff65ad2';
/** The agent sends a signature; the sandbox does not verify it. */
export const UNVERIFIED_SIGNATURE = 'c2lnbmF0dXJlIG5vdCB2ZXJpZmllZA==';
export const DEFAULT_ACCOUNT_ID = '123456789012';

/** `us-east-1a` → `us-east-1`. */
export const regionOfZone = (availabilityZone: string): string => availabilityZone.replace(/[a-z]$/, '');

export function identityDocument(fields: IdentityFields): string {
  return JSON.stringify({
    devpayProductCodes: null,
    marketplaceProductCodes: null,
    privateIp: fields.privateIp,
    availabilityZone: fields.availabilityZone,
    version: '2017-09-30',
    instanceId: fields.instanceId,
    billingProducts: null,
    instanceType: fields.instanceType,
    accountId: fields.accountId,
    architecture: 'x86_64',
    kernelId: null,
    ramdiskId: null,
    imageId: ECS_OPTIMIZED_AMI_2018_03_A,
    pendingTime: fields.pendingTime,
    region: regionOfZone(fields.availabilityZone),
  }, null, 2);
}

/** The fields back from a document (the JSON tab): anything missing or not a string reads as ''. */
export function identityFieldsOf(document: string): IdentityFields | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const d = parsed as Record<string, unknown>;
  const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
  return {
    instanceId: s('instanceId'), instanceType: s('instanceType'), availabilityZone: s('availabilityZone'), privateIp: s('privateIp'),
    accountId: s('accountId'), pendingTime: s('pendingTime'),
  };
}

/** Simulated epoch ms → the document's `pendingTime` (whole seconds, UTC). */
export const pendingTimeOf = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** An EC2 instance id (`i-` and 17 hex digits) that none of `taken` uses: i-0e5a0000000000001, …2, … */
export function nextInstanceId(taken: readonly string[]): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const id = `i-0e5a${n.toString(16).padStart(13, '0')}`;
    if (!used.has(id)) return id;
  }
}

/** The account of an ECS ARN (`arn:aws:ecs:<region>:<account>:…`), or the sandbox's default. */
export const accountIdOfArn = (arn: string | undefined): string => arn?.split(':')[4] || DEFAULT_ACCOUNT_ID;
