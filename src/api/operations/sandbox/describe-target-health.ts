// EcsSandbox.DescribeTargetHealth: what the load balancer would say about a service's targets
// (semantics 13), in the shape of the real API of its kind: ELBv2 DescribeTargetHealth for a target
// group, Classic ELB DescribeInstanceHealth for a Classic load balancer. Targets in registration order.
import type { OperationContext } from '../../operation-context.ts';
import type { TargetRecord } from '../../../domain/records.ts';
import { invalidParameter } from '../../aws-error.ts';
import { SANDBOX } from '../../../messages.ts';
import { string, structure, validateSandboxInput } from '../../validate/validate-sandbox-input.ts';

const DESCRIBE_TARGET_HEALTH = structure({ targetGroupArn: string(), loadBalancerName: string() });

interface TargetHealthDescription {
  Target: { Id: string; Port: number };
  HealthCheckPort: string;
  TargetHealth: { State: TargetRecord['state']; Reason?: string; Description?: string };
}

interface InstanceState {
  InstanceId: string;
  State: 'InService' | 'OutOfService' | 'Unknown';
  ReasonCode: 'ELB' | 'Instance' | 'N/A';
  Description: string;
}

export type TargetHealthOutput = { TargetHealthDescriptions: TargetHealthDescription[] } | { InstanceStates: InstanceState[] };

const H = SANDBOX.targetHealth;

/** ELBv2 TargetHealth: healthy has no reason; the others carry ELBv2's reason codes. */
function targetHealthOf(target: TargetRecord): TargetHealthDescription['TargetHealth'] {
  switch (target.state) {
    case 'healthy': return { State: 'healthy' };
    case 'initial': return { State: 'initial', ...H.registrationInProgress };
    case 'draining': return { State: 'draining', ...H.deregistrationInProgress };
    case 'unhealthy': return { State: 'unhealthy', Reason: H.responseCodeMismatch, ...(target.reason !== undefined ? { Description: target.reason } : {}) };
  }
}

/**
 * Classic InstanceState. Decision: a draining instance is still InService while its connections drain,
 * described as deregistering; a new one is OutOfService until it passes its health checks.
 */
function instanceStateOf(target: TargetRecord): InstanceState {
  const of = (State: InstanceState['State'], ReasonCode: InstanceState['ReasonCode'], Description: string) =>
    ({ InstanceId: target.targetId, State, ReasonCode, Description });
  switch (target.state) {
    case 'healthy': return of('InService', 'N/A', H.notApplicable);
    case 'initial': return of('OutOfService', 'ELB', H.classicRegistering);
    case 'unhealthy': return of('OutOfService', 'Instance', H.classicUnhealthy);
    case 'draining': return of('InService', 'N/A', H.classicDeregistering);
  }
}

/**
 * `{targetGroupArn}`: a target group PutTargetGroups declared; `{loadBalancerName}`: a Classic load
 * balancer some service of the region names (Classic load balancers are not declared). HealthCheckPort
 * is the target's own port (ELBv2's default `traffic-port`).
 */
export function describeTargetHealth(ctx: OperationContext, input: unknown): TargetHealthOutput {
  const { targetGroupArn, loadBalancerName } = validateSandboxInput<{ targetGroupArn?: string; loadBalancerName?: string }>(DESCRIBE_TARGET_HEALTH, input);
  if (targetGroupArn !== undefined && loadBalancerName !== undefined) throw invalidParameter(SANDBOX.targetHealthEither);
  if (targetGroupArn !== undefined) {
    if (!ctx.state.targetGroups.some((g) => g.targetGroupArn === targetGroupArn)) {
      throw invalidParameter(SANDBOX.unknownTargetGroup(targetGroupArn, ctx.region));
    }
    return {
      TargetHealthDescriptions: ctx.state.targets.filter((t) => t.targetGroupArn === targetGroupArn).map((t) => ({
        Target: { Id: t.targetId, Port: t.port },
        HealthCheckPort: String(t.port),
        TargetHealth: targetHealthOf(t),
      })),
    };
  }
  if (loadBalancerName === undefined) throw invalidParameter(SANDBOX.targetHealthNeither);
  const known = ctx.state.services.some((s) => s.loadBalancers.some((lb) => lb.loadBalancerName === loadBalancerName));
  if (!known) throw invalidParameter(SANDBOX.unknownClassicLoadBalancer(loadBalancerName, ctx.region));
  return { InstanceStates: ctx.state.targets.filter((t) => t.loadBalancerName === loadBalancerName).map(instanceStateOf) };
}
