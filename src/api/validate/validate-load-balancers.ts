// 15.1 #27–#31 and D51 (target groups): load balancers (section 13). One entry per service; Classic
// (loadBalancerName) or ALB/NLB (targetGroupArn); the container pair must exist in the task definition;
// awsvpc needs `ip` target groups.
import type { OperationContext } from '../operation-context.ts';
import type { Era } from '../../engine/era.ts';
import { invalidParameter } from '../aws-error.ts';
import { SERVICES } from '../../messages.ts';
import { networkModeOf, shown, type ServiceDraft } from './service-draft.ts';

/** #27, #28: the shape of the list, independent of the task definition. */
export function validateLoadBalancerShape(era: Era, draft: ServiceDraft): void {
  if (draft.loadBalancers.length > era.maxLoadBalancersPerService) {
    throw invalidParameter(SERVICES.tooManyLoadBalancers(era.maxLoadBalancersPerService));
  }
  for (const lb of draft.loadBalancers) {
    if (lb.loadBalancerName !== undefined && lb.targetGroupArn !== undefined) throw invalidParameter(SERVICES.loadBalancerBoth);
    if (lb.loadBalancerName === undefined && lb.targetGroupArn === undefined) throw invalidParameter(SERVICES.loadBalancerNeither);
  }
}

/** #29–#31: against the task definition and the scenario's target groups. UpdateService reruns these for a new task definition. */
export function validateLoadBalancerTargets(ctx: OperationContext, draft: ServiceDraft): void {
  const containers = draft.taskDefinition.containerDefinitions;
  for (const lb of draft.loadBalancers) {
    // #29
    const container = containers.find((c) => c.name === lb.containerName);
    if (!container) throw invalidParameter(SERVICES.containerNotInTaskDefinition(shown(lb.containerName)));
    // #30: "This port must correspond to a containerPort in the service's task definition" (API18)
    if (!(container.portMappings ?? []).some((p) => p.containerPort === lb.containerPort)) {
      throw invalidParameter(SERVICES.containerPortNotDefined(shown(lb.containerName), shown(lb.containerPort)));
    }
  }
  const mode = networkModeOf(draft.taskDefinition);
  for (const lb of draft.loadBalancers) {
    // #31: awsvpc "only support[s] Application Load Balancers and Network Load Balancers" with target type ip
    if (mode === 'awsvpc' && lb.loadBalancerName !== undefined) throw invalidParameter(SERVICES.awsvpcNeedsIpTargetGroup);
    if (lb.targetGroupArn === undefined) continue;
    const targetGroup = ctx.state.targetGroups.find((t) => t.targetGroupArn === lb.targetGroupArn);
    // D51 (later and more specific than #31's synthesised "does not exist"): an undeclared target group
    if (!targetGroup) throw invalidParameter(SERVICES.targetGroupUnvalidated);
    if (mode === 'awsvpc' && targetGroup.targetType !== 'ip') throw invalidParameter(SERVICES.awsvpcNeedsIpTargetGroup);
    // Not in 15.1: bridge/host register `instance` targets (section 13); AWS refuses an `ip` group.
    if (mode !== 'awsvpc' && targetGroup.targetType === 'ip') {
      throw invalidParameter(SERVICES.ipTargetGroupWithNetworkMode(lb.targetGroupArn, mode));
    }
    if (targetGroup.loadBalancerArns.length === 0) throw invalidParameter(SERVICES.targetGroupWithoutLoadBalancer(lb.targetGroupArn));
  }
}
