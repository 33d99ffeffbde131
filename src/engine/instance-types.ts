// The EC2 instance types of 2018-05-22 and what an ECS container instance of each type registers
// (semantics 4.3, 4.4, 4.6). Scenarios may override any value through RegisterContainerInstance's
// `totalResources`; this catalogue only fills in what the request leaves out.
//
// Sources:
// - vCPUs and nominal memory: the EC2 instance-type pages as of May 2018 (types launched later,
//   such as m5d, r5, z1d and t3, are left out).
// - ENI limit: aws/amazon-vpc-cni-k8s:pkg/awsutils/vpc_ip_resource_limit.go (`ENILimit`, generated
//   table at commit 027c28e). The limits of these older types did not change after 2018.
// - Registered memory, "observed": the table of CPU/memory an ECS container instance registered on the
//   ECS-optimized AMI, published 2018-05-25 (https://www.sentialabs.io/2018/05/25/ecs-calculator.html),
//   except m4.large, which follows DG18:memory-management: "8373026816 bytes … 7985 MiB" (that table
//   says 7984). Every other type uses `estimateRegisteredMemoryMiB` below.

/** One instance type. `registeredMemoryMiB` is what the agent reports as MEMORY (semantics 4.4). */
export interface InstanceType {
  name: string;
  vcpus: number;
  /** Nominal (advertised) memory, MiB: GiB × 1024, rounded down. */
  memoryMiB: number;
  registeredMemoryMiB: number;
  /** Where registeredMemoryMiB comes from. */
  memorySource: 'observed' | 'estimated';
  /** ENIs the type supports, the primary one included (semantics 4.6). */
  eniLimit: number;
}

/** "A container instance has 1,024 CPU units for every CPU core" (DG18:service-event-messages; 4.3). */
export const CPU_UNITS_PER_VCPU = 1024;

export const registeredCpu = (vcpus: number): number => CPU_UNITS_PER_VCPU * vcpus;

/**
 * The MEMORY an ECS-optimized AMI registers for `memoryMiB` of nominal memory. The agent reports the
 * kernel's MemTotal, which lies below the nominal size by
 *   - the page structures: 64 bytes for every 4 KiB page, that is 1/64 of the memory;
 *   - 15 MiB of fixed kernel reservations;
 *   - 65 MiB more from 4 GiB of memory up (the crash kernel reservation);
 *   - 15 MiB more from 16 vCPUs up (per-CPU areas).
 * This reproduces all 32 values of the 2018 table for the t2, m3, m4, c3, c4 and r4 families, the
 * table's 7984 for m4.large included (e.g. t2.micro: 1024 − 16 − 15 = 993; c4.8xlarge:
 * 61440 − 960 − 15 − 65 − 15 = 60385), but not the r3/i2 values, which run 7–139 MiB higher, nor
 * DG18's 7985 for m4.large.
 */
export function estimateRegisteredMemoryMiB(memoryMiB: number, vcpus: number): number {
  return memoryMiB - Math.floor(memoryMiB / 64) - 15 - (memoryMiB >= 4096 ? 65 : 0) - (vcpus >= 16 ? 15 : 0);
}

// [name, vCPUs, nominal GiB, ENI limit, observed registered MiB (when known)]
type Row = [string, number, number, number, number?];

const ROWS: Row[] = [
  // burstable and previous-generation general purpose
  ['t1.micro', 1, 0.613, 2],
  ['t2.nano', 1, 0.5, 2],
  ['t2.micro', 1, 1, 2, 993],
  ['t2.small', 1, 2, 3, 2001],
  ['t2.medium', 2, 4, 3, 3952],
  ['t2.large', 2, 8, 3, 7984],
  ['t2.xlarge', 4, 16, 3, 16048],
  ['t2.2xlarge', 8, 32, 3, 32176],
  ['m1.small', 1, 1.7, 2],
  ['m1.medium', 1, 3.75, 2],
  ['m1.large', 2, 7.5, 3],
  ['m1.xlarge', 4, 15, 4],
  ['m2.xlarge', 2, 17.1, 4],
  ['m2.2xlarge', 4, 34.2, 4],
  ['m2.4xlarge', 8, 68.4, 8],
  ['m3.medium', 1, 3.75, 2, 3765],
  ['m3.large', 2, 7.5, 3, 7480],
  ['m3.xlarge', 4, 15, 4, 15040],
  ['m3.2xlarge', 8, 30, 4, 30160],
  ['m4.large', 2, 8, 2, 7985],
  ['m4.xlarge', 4, 16, 4, 16048],
  ['m4.2xlarge', 8, 32, 4, 32176],
  ['m4.4xlarge', 16, 64, 8, 64417],
  ['m4.10xlarge', 40, 160, 8, 161185],
  ['m4.16xlarge', 64, 256, 8, 257953],
  ['m5.large', 2, 8, 3],
  ['m5.xlarge', 4, 16, 4],
  ['m5.2xlarge', 8, 32, 4],
  ['m5.4xlarge', 16, 64, 8],
  ['m5.12xlarge', 48, 192, 8],
  ['m5.24xlarge', 96, 384, 15],
  // compute optimized
  ['c1.medium', 2, 1.7, 2],
  ['c1.xlarge', 8, 7, 4],
  ['cc2.8xlarge', 32, 60.5, 8],
  ['c3.large', 2, 3.75, 3, 3765],
  ['c3.xlarge', 4, 7.5, 4, 7480],
  ['c3.2xlarge', 8, 15, 4, 15040],
  ['c3.4xlarge', 16, 30, 8, 30145],
  ['c3.8xlarge', 32, 60, 8, 60385],
  ['c4.large', 2, 3.75, 3, 3765],
  ['c4.xlarge', 4, 7.5, 4, 7480],
  ['c4.2xlarge', 8, 15, 4, 15040],
  ['c4.4xlarge', 16, 30, 8, 30145],
  ['c4.8xlarge', 36, 60, 8, 60385],
  ['c5.large', 2, 4, 3],
  ['c5.xlarge', 4, 8, 4],
  ['c5.2xlarge', 8, 16, 4],
  ['c5.4xlarge', 16, 32, 8],
  ['c5.9xlarge', 36, 72, 8],
  ['c5.18xlarge', 72, 144, 15],
  // memory optimized
  ['r3.large', 2, 15.25, 3, 15299],
  ['r3.xlarge', 4, 30.5, 4, 30680],
  ['r3.2xlarge', 8, 61, 4, 61442],
  ['r3.4xlarge', 16, 122, 8, 122950],
  ['r3.8xlarge', 32, 244, 8, 245996],
  ['r4.large', 2, 15.25, 3, 15292],
  ['r4.xlarge', 4, 30.5, 4, 30664],
  ['r4.2xlarge', 8, 61, 4, 61408],
  ['r4.4xlarge', 16, 122, 8, 122881],
  ['r4.8xlarge', 32, 244, 8, 245857],
  ['r4.16xlarge', 64, 488, 15, 491809],
  ['cr1.8xlarge', 32, 244, 8],
  ['x1.16xlarge', 64, 976, 8],
  ['x1.32xlarge', 128, 1952, 8],
  ['x1e.xlarge', 4, 122, 3],
  ['x1e.2xlarge', 8, 244, 4],
  ['x1e.4xlarge', 16, 488, 4],
  ['x1e.8xlarge', 32, 976, 4],
  ['x1e.16xlarge', 64, 1952, 8],
  ['x1e.32xlarge', 128, 3904, 8],
  // storage optimized
  ['i2.xlarge', 4, 30.5, 4, 30680],
  ['i2.2xlarge', 8, 61, 4, 61442],
  ['i2.4xlarge', 16, 122, 8, 122950],
  ['i2.8xlarge', 32, 244, 8],
  ['i3.large', 2, 15.25, 3],
  ['i3.xlarge', 4, 30.5, 4],
  ['i3.2xlarge', 8, 61, 4],
  ['i3.4xlarge', 16, 122, 8],
  ['i3.8xlarge', 32, 244, 8],
  ['i3.16xlarge', 64, 488, 15],
  ['i3.metal', 72, 512, 15],
  ['hs1.8xlarge', 16, 117, 8],
  ['d2.xlarge', 4, 30.5, 4],
  ['d2.2xlarge', 8, 61, 4],
  ['d2.4xlarge', 16, 122, 8],
  ['d2.8xlarge', 36, 244, 8],
  ['h1.2xlarge', 8, 32, 4],
  ['h1.4xlarge', 16, 64, 8],
  ['h1.8xlarge', 32, 128, 8],
  ['h1.16xlarge', 64, 256, 15],
  // accelerated computing
  ['g2.2xlarge', 8, 15, 4],
  ['g2.8xlarge', 32, 60, 8],
  ['g3.4xlarge', 16, 122, 8],
  ['g3.8xlarge', 32, 244, 8],
  ['g3.16xlarge', 64, 488, 15],
  ['p2.xlarge', 4, 61, 4],
  ['p2.8xlarge', 32, 488, 8],
  ['p2.16xlarge', 64, 732, 8],
  ['p3.2xlarge', 8, 61, 4],
  ['p3.8xlarge', 32, 244, 8],
  ['p3.16xlarge', 64, 488, 8],
  ['f1.2xlarge', 8, 122, 4],
  ['f1.16xlarge', 64, 976, 8],
];

function toInstanceType([name, vcpus, gib, eniLimit, observed]: Row): InstanceType {
  const memoryMiB = Math.floor(gib * 1024);
  return {
    name,
    vcpus,
    memoryMiB,
    registeredMemoryMiB: observed ?? estimateRegisteredMemoryMiB(memoryMiB, vcpus),
    memorySource: observed === undefined ? 'estimated' : 'observed',
    eniLimit,
  };
}

/** Every catalogued type, in family order. */
export const INSTANCE_TYPES: readonly InstanceType[] = ROWS.map(toInstanceType);

const BY_NAME = new Map(INSTANCE_TYPES.map((t) => [t.name, t]));

/** The catalogued type, or undefined for a type the catalogue does not know. */
export function findInstanceType(name: string): InstanceType | undefined {
  return BY_NAME.get(name);
}

/** awsvpc tasks an instance can host: one ENI each, the primary ENI excluded (semantics 4.6). */
export const maxAwsvpcTasks = (eniLimit: number): number => Math.max(0, eniLimit - 1);
