// EcsSandbox.DescribePlacement: a dry run of RunTask's placement (4.12) that explains it. It builds the
// same problem, asks the same core, and reports per instance the stage that rejected it (4.2) with its
// arithmetic, plus the closest match (4.10). It changes NO state: nothing is stored and the
// `placement` stream is not advanced (the core works on a copy).
import type { OperationContext } from '../../operation-context.ts';
import type { ContainerInstanceRecord } from '../../../domain/records.ts';
import { containerInstanceArn } from '../../../domain/arns.ts';
import { SANDBOX, TASKS } from '../../../messages.ts';
import { integer, list, string, structure, validateSandboxInput } from '../../validate/validate-sandbox-input.ts';
import type { BuiltPlacement } from '../../../engine/placement/build-placement-problem.ts';
import { placeBatch } from '../../../engine/placement/place-batch.ts';
import { eventReasonOf, failureReasonOf } from '../../../engine/placement/placement-reasons.ts';
import {
  PROTOCOL_UDP, REJECT_AGENT, REJECT_ATTRIBUTE, REJECT_CPU, REJECT_DISTINCT_INSTANCE, REJECT_DRAINING, REJECT_ENI,
  REJECT_MEMBER_OF, REJECT_MEMORY, REJECT_NONE, REJECT_PORTS,
} from '../../../placement/placement-codes.ts';
import type { PlacementResult } from '../../../placement/placement-problem.ts';
import type { RandomState } from '../../../shared/xoshiro128.ts';
import { resolveTaskRequest, type TaskRequestInput } from '../tasks/resolve-task-request.ts';

const DESCRIBE_PLACEMENT = structure({
  cluster: string(),
  taskDefinition: string(),
  count: integer,
  group: string(),
  placementConstraints: list(structure({ type: string(['distinctInstance', 'memberOf']), expression: string() })),
  placementStrategy: list(structure({ type: string(['random', 'spread', 'binpack']), field: string() })),
  networkConfiguration: structure({
    awsvpcConfiguration: structure({
      subnets: list(string()), securityGroups: list(string()), assignPublicIp: string(['ENABLED', 'DISABLED']),
    }, ['subnets']),
  }),
}, ['taskDefinition']);

export interface PlacementExplanation {
  placements: { containerInstanceArn: string; ec2InstanceId: string; hostPorts: { containerName: string; containerPort: number; hostPort: number; protocol: string }[] }[];
  instances: { containerInstanceArn: string; ec2InstanceId: string; result: string; reason?: string; detail?: string }[];
  closestMatch?: { containerInstanceArn: string; ec2InstanceId: string; reason: string };
}

export function describePlacement(ctx: OperationContext, input: unknown): PlacementExplanation {
  const request = resolveTaskRequest(ctx, { ...validateSandboxInput<TaskRequestInput>(DESCRIBE_PLACEMENT, input), launchType: 'EC2' });
  const placed = placeBatch(ctx, {
    clusterName: request.cluster.clusterName,
    taskDefinition: request.taskDefinition.definition,
    group: request.group,
    constraints: request.constraints,
    strategies: request.strategies,
    emptyStrategies: 'random', // as RunTask (4.12)
    ...(request.subnets ? { subnets: request.subnets } : {}),
    count: request.count,
    random: [...ctx.doc.random.placement] as RandomState,
    era: ctx.era,
  });
  const { result } = placed;
  // the explanation reads the instance columns the batch was placed on
  const built: BuiltPlacement = { ...placed, instances: [...placed.instances], problem: placed.problem() };
  const P = built.mappings.length;
  const arnOf = (i: number) => containerInstanceArn(ctx.scope, built.instances[i].id);
  const placements = Array.from(result.assignments.subarray(0, result.placed), (i, t) => ({
    containerInstanceArn: arnOf(i),
    ec2InstanceId: built.instances[i].ec2InstanceId,
    hostPorts: built.mappings.map((m, p) => ({
      containerName: m.containerName, containerPort: m.containerPort, hostPort: result.assignedPorts[t * P + p] & 0xffff, protocol: m.protocol,
    })),
  }));
  // The explanation vector is that of the first task that failed, else of the first task (contract 5).
  const before = result.placed < request.count ? result.placed : 0;
  const instances = built.instances.map((instance, i) => {
    const code = result.rejectCode[i];
    const entry = { containerInstanceArn: arnOf(i), ec2InstanceId: instance.ec2InstanceId };
    if (code === REJECT_NONE) {
      return { ...entry, result: placements.some((p) => p.containerInstanceArn === entry.containerInstanceArn) ? 'PLACED' : 'ELIGIBLE' };
    }
    if (code === REJECT_DRAINING) return { ...entry, result: 'DRAINING', reason: SANDBOX.placement.drainingReason };
    return {
      ...entry,
      result: failureReasonOf(code)!,
      reason: eventReasonOf(code)!,
      detail: detailOf(built, result, before, i, instance, {
        group: request.group, subnets: request.subnets ?? [], maxReservedPorts: ctx.era.maxReservedHostPortsPerInstance,
        requiresAttributes: request.taskDefinition.definition.requiresAttributes,
      }),
    };
  });
  const closest = result.closestMatch;
  return {
    placements,
    instances,
    ...(closest >= 0 ? {
      closestMatch: {
        containerInstanceArn: arnOf(closest), ec2InstanceId: built.instances[closest].ec2InstanceId,
        reason: eventReasonOf(result.rejectCode[closest])!,
      },
    } : {}),
  };
}

interface DetailContext {
  group: string;
  subnets: readonly string[];
  /** 1.3, counted per protocol (4.5). */
  maxReservedPorts: number;
  requiresAttributes?: { name: string; value?: string }[];
}

/** The arithmetic behind instance i's rejection, on the state the explained task saw (after `before` placements). */
function detailOf(
  built: BuiltPlacement, result: PlacementResult, before: number, i: number, instance: ContainerInstanceRecord, context: DetailContext,
): string {
  const p = built.problem;
  const onI = Array.from(result.assignments.subarray(0, before)).filter((a) => a === i).length;
  const s = SANDBOX.placement;
  switch (result.rejectCode[i]) {
    case REJECT_CPU: return s.needsCpu(p.taskCpu, p.cpuFree[i] - onI * p.taskCpu);
    case REJECT_MEMORY: return s.needsMemory(p.taskMemory, p.memoryFree[i] - onI * p.taskMemory);
    case REJECT_PORTS: return portDetail(built, result, before, i, context.maxReservedPorts);
    case REJECT_ENI: return s.needsEni(instance.eniLimit ?? 1);
    case REJECT_ATTRIBUTE: {
      // 4.7 in its order: requiresAttributes, then awsvpc's task-eni and subnet
      const has = (name: string, value?: string) => instance.attributes.some((a) => a.name === name && (value === undefined || a.value === value));
      const missing = (context.requiresAttributes ?? []).find((r) => !has(r.name, r.value));
      if (missing) return s.missingAttribute(missing.name, missing.value);
      if (p.taskNeedsEni && !has('ecs.capability.task-eni')) return s.missingAttribute('ecs.capability.task-eni', undefined);
      return s.notInSubnets(instance.subnetId, context.subnets);
    }
    case REJECT_AGENT: return s.agentDisconnected;
    case REJECT_MEMBER_OF: {
      const c = result.rejectConstraint[i];
      return s.memberOf(c, built.constraints[c]?.expression ?? '');
    }
    case REJECT_DISTINCT_INSTANCE: return s.distinctInstance(result.rejectConstraint[i], p.groupLive[i] + onI, context.group);
    default: return '';
  }
}

/** Walks the mappings as the ports stage does (4.5, D13) to name the one that failed. */
function portDetail(built: BuiltPlacement, result: PlacementResult, before: number, i: number, max: number): string {
  const p = built.problem;
  const P = built.mappings.length;
  const used = new Set(Array.from(p.usedPorts.subarray(p.usedPortsStart[i], p.usedPortsStart[i + 1])));
  const reserved = [p.reservedTcpCount[i], p.reservedUdpCount[i]];
  for (let t = 0; t < before; t++) {
    if (result.assignments[t] !== i) continue;
    for (let k = 0; k < P; k++) {
      const protocol = p.taskPortMappings[k] >>> 16;
      used.add((protocol << 16) | result.assignedPorts[t * P + k]);
      if ((p.taskPortMappings[k] & 0xffff) > 0) reserved[protocol]++;
    }
  }
  for (const encoded of p.taskPortMappings) {
    const protocol = encoded >>> 16;
    const name = protocol === PROTOCOL_UDP ? 'udp' : 'tcp';
    const port = encoded & 0xffff;
    if (port > 0) {
      if (used.has(encoded)) return SANDBOX.placement.portInUse(port, name);
      if (reserved[protocol] + 1 > max) return SANDBOX.placement.tooManyReserved(name, max);
      reserved[protocol]++;
      used.add(encoded);
    } else {
      let found = -1;
      for (let q = p.ephemeralFirst[i]; q <= p.ephemeralLast[i]; q++) if (!used.has((protocol << 16) | q)) { found = q; break; }
      if (found < 0) return SANDBOX.placement.noDynamicPort(p.ephemeralFirst[i], p.ephemeralLast[i], name);
      used.add((protocol << 16) | found);
    }
  }
  return TASKS.eventReason.ports;
}
