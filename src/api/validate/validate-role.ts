// 15.1 #32, #33 and D51 (service-linked role): the `role` member and the roles a service needs.
// "only permitted if you are using a load balancer with your service and your task definition does not
// use the awsvpc network mode" (API18). D37 assumes the service-linked role exists unless PutIamState
// says otherwise.
import type { OperationContext } from '../operation-context.ts';
import { invalidParameter } from '../aws-error.ts';
import { SERVICES } from '../../messages.ts';
import { networkModeOf, type ServiceDraft } from './service-draft.ts';

export function validateRole(ctx: OperationContext, draft: ServiceDraft): void {
  const awsvpc = networkModeOf(draft.taskDefinition) === 'awsvpc';
  const hasLoadBalancer = draft.loadBalancers.length > 0;
  if (draft.role !== undefined && !hasLoadBalancer) throw invalidParameter(SERVICES.roleWithoutLoadBalancer); // #32
  if (draft.role !== undefined && awsvpc) throw invalidParameter(SERVICES.roleWithAwsvpc); // #33
  // D51: awsvpc services, and load balancers without `role`, need the service-linked role.
  const needsServiceLinkedRole = awsvpc || (hasLoadBalancer && draft.role === undefined);
  if (needsServiceLinkedRole && !ctx.state.iam.serviceLinkedRoleExists) throw invalidParameter(SERVICES.serviceLinkedRoleMissing);
}
