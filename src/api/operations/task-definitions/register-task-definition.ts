import type { RegisterTaskDefinitionRequest, RegisterTaskDefinitionResponse } from '../../../model/ecs-types.ts';
import type { Compatibility, TaskDefinitionRecord } from '../../../domain/records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { clientException, invalidParameter } from '../../aws-error.ts';
import { taskDefinitionArn } from '../../../domain/arns.ts';
import { TASK_DEFINITIONS } from '../../../messages.ts';
import { assertValidExpression } from '../../validate/validate-expression.ts';
import { normaliseContainerDefinitions } from './normalise-container-definitions.ts';
import { deriveRequiresAttributes } from './requires-attributes.ts';
import { isFargateSize, normaliseTaskCpu, normaliseTaskMemory } from './task-size.ts';
import { taskDefinitionView } from './task-definition-view.ts';

// The generated request type lists compatibilities as `"EC2" | "FARGATE"[]`; the model means a list.
type RegisterInput = Omit<RegisterTaskDefinitionRequest, 'requiresCompatibilities'> & { requiresCompatibilities?: Compatibility[] };

const FAMILY = /^[A-Za-z0-9_-]+$/;

/**
 * Validates in this order (first failure wins): family, task-level cpu and memory, container definitions
 * (4.4, 4.5), the FARGATE rules of section 7, placement constraints (4.9). Then stores the next revision
 * of the family (1, 2, …, counting deregistered revisions, API18 TaskDefinition.revision), ACTIVE.
 */
export function registerTaskDefinition(ctx: OperationContext, input: RegisterInput): RegisterTaskDefinitionResponse {
  const era = ctx.era;
  const family = input.family;
  if (family === '') throw clientException(TASK_DEFINITIONS.familyBlank);
  if (!FAMILY.test(family)) throw clientException(TASK_DEFINITIONS.familyInvalid);
  if (family.length > era.taskDefinitionFamilyMaxLength) {
    throw clientException(TASK_DEFINITIONS.familyTooLong(era.taskDefinitionFamilyMaxLength));
  }
  const cpu = input.cpu === undefined ? undefined : normaliseTaskCpu(era, input.cpu);
  const memory = input.memory === undefined ? undefined : normaliseTaskMemory(input.memory);
  // API18: "The default Docker network mode is bridge."
  const networkMode = input.networkMode ?? 'bridge';
  const containerDefinitions = normaliseContainerDefinitions(era, input.containerDefinitions, networkMode, memory);

  const requiresCompatibilities = [...(input.requiresCompatibilities ?? [])];
  const placementConstraints = structuredClone(input.placementConstraints ?? []);
  if (requiresCompatibilities.includes('FARGATE')) {
    // semantics 7
    if (networkMode !== 'awsvpc') throw clientException(TASK_DEFINITIONS.fargateNetworkMode);
    if (cpu === undefined) throw clientException(TASK_DEFINITIONS.fargateCpuRequired);
    if (memory === undefined) throw clientException(TASK_DEFINITIONS.fargateMemoryRequired);
    if (!isFargateSize(era, cpu, memory)) throw clientException(TASK_DEFINITIONS.fargateNoConfiguration);
    if (placementConstraints.length > 0) throw clientException(TASK_DEFINITIONS.fargateConstraints);
  }
  // 4.9: at most 10, and `memberOf` only (the enum check already refused anything else); each
  // expression must parse (5.8), an absent one being the empty expression.
  if (placementConstraints.length > era.maxConstraintsPerTask) {
    throw invalidParameter(TASK_DEFINITIONS.tooManyConstraints(era.maxConstraintsPerTask));
  }
  for (const constraint of placementConstraints) assertValidExpression(constraint.expression ?? '');

  const revision = 1 + Math.max(0, ...ctx.state.taskDefinitions
    .filter((r) => r.definition.family === family)
    .map((r) => r.definition.revision ?? 0));
  const definition: TaskDefinitionRecord['definition'] = {
    taskDefinitionArn: taskDefinitionArn(ctx.scope, family, revision),
    containerDefinitions,
    family,
    // EX18 registers with `"taskRoleArn": ""` and shows none: an empty role is no role.
    ...(input.taskRoleArn ? { taskRoleArn: input.taskRoleArn } : {}),
    ...(input.executionRoleArn ? { executionRoleArn: input.executionRoleArn } : {}),
    networkMode,
    revision,
    volumes: structuredClone(input.volumes ?? []),
    status: 'ACTIVE',
    requiresAttributes: [],
    placementConstraints,
    compatibilities: ['EC2'],
    requiresCompatibilities,
    ...(cpu !== undefined ? { cpu } : {}),
    ...(memory !== undefined ? { memory } : {}),
  };
  definition.requiresAttributes = deriveRequiresAttributes(definition);
  // semantics 7: FARGATE joins when the definition meets its rules, whether or not it asked for it.
  if (networkMode === 'awsvpc' && isFargateSize(era, cpu, memory) && placementConstraints.length === 0) {
    definition.compatibilities = ['EC2', 'FARGATE'];
  }
  const record: TaskDefinitionRecord = { definition, registeredAt: ctx.now };
  if (input.networkMode === undefined) record.networkModeDefaulted = true;
  ctx.state.taskDefinitions.push(record);
  return { taskDefinition: taskDefinitionView(record) };
}
