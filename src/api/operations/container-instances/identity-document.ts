// The EC2 instance identity document the agent sends (curl
// http://169.254.169.254/latest/dynamic/instance-identity/document), for example
//   {"privateIp": "10.0.1.25", "availabilityZone": "us-east-1a", "instanceId": "i-0a1b2c3d4e5f60718",
//    "instanceType": "c5.large", "imageId": "ami-aff65ad2", "region": "us-east-1", "accountId": …,
//    "architecture": "x86_64", "pendingTime": …, "version": "2017-09-30", …}.
// The signature is not verified (as SigV4 is not, 1.1).
//
// Decisions:
// - An absent or empty document (the agent sends "" when it cannot read the document) is no document.
// - Fields other than the six below are ignored, and so is any field that is null.
// - A document that is not a JSON object, or whose field below is neither a string nor null, is
//   InvalidParameterException `Invalid instance identity document.` (synthesised): the real agent
//   could not have sent it, and a sandbox user is better told than silently given defaults.
import { invalidParameter } from '../../aws-error.ts';
import { CONTAINER_INSTANCES } from '../../../messages.ts';

export interface IdentityDocument {
  instanceId?: string;
  instanceType?: string;
  availabilityZone?: string;
  region?: string;
  privateIp?: string;
  imageId?: string;
}

const FIELDS = ['instanceId', 'instanceType', 'availabilityZone', 'region', 'privateIp', 'imageId'] as const;

export function parseIdentityDocument(text: string | undefined): IdentityDocument {
  if (text === undefined || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidParameter(CONTAINER_INSTANCES.badIdentityDocument);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidParameter(CONTAINER_INSTANCES.badIdentityDocument);
  }
  const source = value as Record<string, unknown>;
  const document: IdentityDocument = {};
  for (const field of FIELDS) {
    const v = source[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw invalidParameter(CONTAINER_INSTANCES.badIdentityDocument);
    document[field] = v;
  }
  return document;
}
