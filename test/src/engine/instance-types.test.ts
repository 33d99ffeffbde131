import { describe, expect, it } from 'vitest';
import {
  INSTANCE_TYPES, estimateRegisteredMemoryMiB, findInstanceType, maxAwsvpcTasks, registeredCpu,
} from '../../../src/engine/instance-types.ts';

describe('instance-type catalogue', () => {
  it.each([
    // name, CPU units, registered MiB, ENI limit, awsvpc tasks
    ['t2.micro', 1024, 993, 2, 1], //     1 vCPU → 1,024; 1 GiB registers 993 (2018 table); 2 ENIs → 1 task
    ['t2.medium', 2048, 3952, 3, 2], //   2 vCPU → 2,048; ENI limit 3 → 2 awsvpc tasks
    ['m4.large', 2048, 7985, 2, 1], //    DG18: 8373026816 bytes = 7985 MiB; ENI limit 2 → 1 task
    ['m4.16xlarge', 65536, 257953, 8, 7], // 64 vCPU → 65,536
    ['c4.large', 2048, 3765, 3, 2], //    semantics 4.6: c4.large 3 (2 tasks)
    ['c4.8xlarge', 36864, 60385, 8, 7], // 36 vCPU → 36,864
    ['c5.large', 2048, 3952, 3, 2], //    2 vCPU → 2,048; 4 GiB estimated 4096 − 64 − 15 − 65 = 3952; ENI 3 → 2
    ['c5.xlarge', 4096, 7984, 4, 3], //   8 GiB: 8192 − 128 − 80 = 7984; ENI limit 4 → 3 tasks
    ['c5.4xlarge', 16384, 32161, 8, 7], // 32 GiB, 16 vCPU: 32768 − 512 − 80 − 15 = 32161; ENI 8 → 7
    ['r4.16xlarge', 65536, 491809, 15, 14], // 488 GiB registers 491809 (2018 table)
    ['m1.small', 1024, 1698, 2, 1], //    1.7 GiB = 1740 MiB: 1740 − 27 − 15 = 1698
  ])('%s: %i CPU, %i MiB, ENI limit %i → %i awsvpc tasks', (name, cpu, memory, eni, tasks) => {
    const type = findInstanceType(name)!;
    expect(registeredCpu(type.vcpus)).toBe(cpu);
    expect(type.registeredMemoryMiB).toBe(memory);
    expect(type.eniLimit).toBe(eni);
    expect(maxAwsvpcTasks(type.eniLimit)).toBe(tasks);
  });

  it('m1.medium and m3.medium (3.75 GiB, 1 vCPU) both come to 3765 MiB', () => {
    // 3.75 GiB = 3840 MiB, below 4 GiB so no crash-kernel share: 3840 − 3840/64 − 15 = 3840 − 60 − 15 = 3765,
    // which is what the 2018 table shows for m3.medium (observed) and what m1.medium is estimated at.
    expect(findInstanceType('m3.medium')).toMatchObject({ registeredMemoryMiB: 3765, memorySource: 'observed' });
    expect(findInstanceType('m1.medium')).toMatchObject({ registeredMemoryMiB: 3765, memorySource: 'estimated' });
  });

  it.each([
    // nominal MiB, vCPUs, registered MiB: N − floor(N/64) − 15 − (N ≥ 4096 ? 65 : 0) − (vCPU ≥ 16 ? 15 : 0)
    [1024, 1, 993], //       t2.micro:    1024 − 16 − 15
    [2048, 1, 2001], //      t2.small:    2048 − 32 − 15
    [4096, 2, 3952], //      t2.medium:   4096 − 64 − 15 − 65
    [8192, 2, 7984], //      t2.large:    8192 − 128 − 80
    [30720, 16, 30145], //   c4.4xlarge: 30720 − 480 − 80 − 15
    [262144, 64, 257953], // m4.16xlarge: 262144 − 4096 − 95
    [499712, 64, 491809], // r4.16xlarge: 499712 − 7808 − 95
  ])('estimate(%i MiB, %i vCPU) = %i', (nominal, vcpus, registered) => {
    expect(estimateRegisteredMemoryMiB(nominal, vcpus)).toBe(registered);
  });

  it('the estimate reproduces every observed value except the r3/i2 ones and DG18 m4.large', () => {
    const misses = INSTANCE_TYPES
      .filter((t) => t.memorySource === 'observed' && estimateRegisteredMemoryMiB(t.memoryMiB, t.vcpus) !== t.registeredMemoryMiB)
      .map((t) => t.name);
    expect(misses).toEqual(['m4.large', 'r3.large', 'r3.xlarge', 'r3.2xlarge', 'r3.4xlarge', 'r3.8xlarge', 'i2.xlarge', 'i2.2xlarge', 'i2.4xlarge']);
  });

  it('every type registers less than its nominal memory and has at least the primary ENI and one more', () => {
    for (const t of INSTANCE_TYPES) {
      expect(t.registeredMemoryMiB, t.name).toBeLessThan(t.memoryMiB);
      expect(t.registeredMemoryMiB, t.name).toBeGreaterThan(0);
      expect(t.eniLimit, t.name).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(INSTANCE_TYPES.map((t) => t.name)).size).toBe(INSTANCE_TYPES.length);
  });

  it('knows the 2018 families and nothing launched after 2018-05-22', () => {
    for (const name of ['m1.small', 'm3.large', 'c3.8xlarge', 'c4.large', 'c5.18xlarge', 'm4.10xlarge', 'm5.24xlarge',
      'r3.large', 'r4.large', 't2.nano', 'i3.metal', 'p2.xlarge', 'p3.16xlarge', 'g3.4xlarge', 'x1.32xlarge', 'x1e.xlarge']) {
      expect(findInstanceType(name), name).toBeDefined();
    }
    for (const name of ['t3.micro', 'r5.large', 'm5d.large', 'z1d.large', 'a1.large', 'c5n.large']) {
      expect(findInstanceType(name), name).toBeUndefined();
    }
  });
});
