import type { OperationContext } from '../../operation-context.ts';
import { boolean, structure, validateSandboxInput } from '../../validate/validate-sandbox-input.ts';

const PUT_IAM_STATE = structure({ serviceLinkedRoleExists: boolean }, ['serviceLinkedRoleExists']);

/** Whether the ECS service-linked role exists in the account; D51 checks it. Stored per region. */
export function putIamState(ctx: OperationContext, input: unknown): { serviceLinkedRoleExists: boolean } {
  const { serviceLinkedRoleExists } = validateSandboxInput<{ serviceLinkedRoleExists: boolean }>(PUT_IAM_STATE, input);
  ctx.state.iam = { serviceLinkedRoleExists };
  return { serviceLinkedRoleExists };
}
