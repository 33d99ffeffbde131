// Semantics 7, Decision (placement) for FARGATE: per task, the AZ among the subnets' AZs with the fewest
// tasks of the group, then that AZ's subnet with the fewest; ties drawn from the `placement` stream,
// first among the tied AZs (ordered by the first position of each AZ's subnets in the request), then
// among the tied subnets of the chosen AZ in request order. Counts as in 6.4, each task in the AZ of
// its ENI's subnet; each placement counts for the next. No capacity limit.
import type { RegionState } from '../../domain/sandbox-document.ts';
import { uniformInt, type RandomState } from '../../shared/xoshiro128.ts';

export interface FargatePlacement {
  /** The subnet of each task, in placement order. */
  subnets: string[];
  /** The `placement` stream after the batch. */
  random: RandomState;
}

/** Draws only among n ≥ 2 (3.3). */
const pick = <T>(random: RandomState, items: readonly T[]): T => items[items.length > 1 ? uniformInt(random, items.length) : 0];

export function placeFargateTasks(
  state: RegionState, clusterName: string, group: string, requestSubnets: readonly string[], count: number, randomIn: RandomState,
): FargatePlacement {
  const random: RandomState = [...randomIn];
  const subnets = [...new Set(requestSubnets)];
  const azOf = (subnetId: string) => state.subnets.find((s) => s.subnetId === subnetId)?.availabilityZone ?? subnetId;
  const perSubnet = new Map<string, number>();
  for (const t of state.tasks) {
    if (t.clusterName !== clusterName || t.group !== group || t.desiredStatus !== 'RUNNING') continue;
    if (t.lastStatus === 'STOPPED' || t.lastStatus === 'DEPROVISIONING' || !t.eni) continue;
    perSubnet.set(t.eni.subnetId, (perSubnet.get(t.eni.subnetId) ?? 0) + 1);
  }
  const perAz = new Map<string, number>();
  for (const [subnetId, n] of perSubnet) perAz.set(azOf(subnetId), (perAz.get(azOf(subnetId)) ?? 0) + n);
  const azs = [...new Set(subnets.map(azOf))]; // by the first position of each AZ's subnets
  const chosen: string[] = [];
  for (let t = 0; t < count; t++) {
    const azCount = (az: string) => perAz.get(az) ?? 0;
    const fewestAz = Math.min(...azs.map(azCount));
    const az = pick(random, azs.filter((a) => azCount(a) === fewestAz));
    const inAz = subnets.filter((s) => azOf(s) === az);
    const subnetCount = (s: string) => perSubnet.get(s) ?? 0;
    const fewest = Math.min(...inAz.map(subnetCount));
    const subnet = pick(random, inAz.filter((s) => subnetCount(s) === fewest));
    chosen.push(subnet);
    perSubnet.set(subnet, subnetCount(subnet) + 1);
    perAz.set(az, azCount(az) + 1);
  }
  return { subnets: chosen, random };
}
