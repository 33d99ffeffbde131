// The EC2 instance identity document an added instance's agent sends (RegisterContainerInstance), the
// field set and order EC2 wrote in 2018 (as test/builders/container-instances.ts, which quotes one from
// a c5.large launched from the 2018.03.a ECS-optimized AMI).
export interface IdentityFields {
  instanceId: string;
  instanceType: string;
  availabilityZone: string;
  region: string;
  accountId: string;
  privateIp: string;
}

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
    imageId: 'ami-aff65ad2',
    pendingTime: '2018-05-21T09:14:27Z',
    region: fields.region,
  });
}
