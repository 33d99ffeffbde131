import type { OperationContext } from '../../operation-context.ts';
import { SECURITY_GROUP_ID } from '../../../domain/resource-ids.ts';
import { invalidParameter } from '../../aws-error.ts';
import { SANDBOX } from '../../../messages.ts';
import { list, string, structure, validateSandboxInput } from '../../validate/validate-sandbox-input.ts';
import { mergeById, requireUniqueIds } from './merge-by-id.ts';

interface SecurityGroup {
  groupId: string;
}

const PUT_SECURITY_GROUPS = structure({
  securityGroups: list(structure({ groupId: string() }, ['groupId'])),
}, ['securityGroups']);

/** Declares the security groups awsvpcConfiguration.securityGroups may name (15.1 #15a). Merged by groupId. */
export function putSecurityGroups(ctx: OperationContext, input: unknown): { securityGroups: SecurityGroup[] } {
  const { securityGroups } = validateSandboxInput<{ securityGroups: SecurityGroup[] }>(PUT_SECURITY_GROUPS, input);
  for (const group of securityGroups) {
    if (!SECURITY_GROUP_ID.test(group.groupId)) throw invalidParameter(SANDBOX.badSecurityGroupId(group.groupId));
  }
  requireUniqueIds(securityGroups, (g) => g.groupId, 'Security group');
  mergeById(ctx.state.securityGroups, securityGroups.map((g) => ({ groupId: g.groupId })), (g) => g.groupId);
  return { securityGroups: ctx.state.securityGroups.map((g) => ({ ...g })) };
}
