import type { OperationContext } from '../../operation-context.ts';
import type { SubnetRecord } from '../../../domain/records.ts';
import {
  SUBNET_ID, formatIpv4, isAvailabilityZoneOf, networkOf, parseSubnetCidr,
} from '../../../domain/resource-ids.ts';
import { invalidParameter } from '../../aws-error.ts';
import { SANDBOX } from '../../../messages.ts';
import { list, string, structure, validateSandboxInput } from '../../validate/validate-sandbox-input.ts';
import { mergeById, requireUniqueIds } from './merge-by-id.ts';

const PUT_SUBNETS = structure({
  subnets: list(structure({ subnetId: string(), availabilityZone: string(), cidrBlock: string() }, ['subnetId', 'availabilityZone'])),
}, ['subnets']);

/**
 * Declares the region's subnets: what awsvpcConfiguration.subnets may name (15.1 #15a), where
 * container instances' private IPs and task ENIs live (14.3). Merged by subnetId.
 */
export function putSubnets(ctx: OperationContext, input: unknown): { subnets: SubnetRecord[] } {
  const { subnets } = validateSandboxInput<{ subnets: SubnetRecord[] }>(PUT_SUBNETS, input);
  for (const subnet of subnets) {
    if (!SUBNET_ID.test(subnet.subnetId)) throw invalidParameter(SANDBOX.badSubnetId(subnet.subnetId));
    if (!isAvailabilityZoneOf(subnet.availabilityZone, ctx.region)) {
      throw invalidParameter(SANDBOX.badAvailabilityZone(subnet.availabilityZone, ctx.region));
    }
    if (subnet.cidrBlock !== undefined) {
      const cidr = parseSubnetCidr(subnet.cidrBlock);
      if (!cidr) throw invalidParameter(SANDBOX.badCidr(subnet.cidrBlock));
      // AWS stores the network itself; a CIDR with host bits is almost always a typo.
      const network = networkOf(cidr);
      if (network !== cidr.address) {
        throw invalidParameter(SANDBOX.cidrHostBits(subnet.cidrBlock, `${formatIpv4(network)}/${cidr.prefixLength}`));
      }
    }
  }
  requireUniqueIds(subnets, (s) => s.subnetId, 'Subnet');
  mergeById(ctx.state.subnets, subnets.map((s) => ({ ...s })), (s) => s.subnetId);
  return { subnets: ctx.state.subnets.map((s) => ({ ...s })) };
}
