// semantics 4.7 (D14): the container-instance attributes a task definition requires, derived at
// RegisterTaskDefinition by the table of 4.7, in the table's row order (containers in order within a
// row) and without duplicates. Names only: none of these requirements carries a value.
import type { Attribute } from '../../../model/ecs-types.ts';
import type { TaskDefinitionRecord } from '../../../domain/records.ts';

/** `<account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repository>…` (API18 ContainerDefinition.image). */
const ECR_IMAGE = /^[0-9]{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

export function deriveRequiresAttributes(definition: TaskDefinitionRecord['definition']): Attribute[] {
  const names: string[] = [];
  const add = (name: string) => {
    if (!names.includes(name)) names.push(name);
  };
  const containers = definition.containerDefinitions;
  if (definition.networkMode === 'awsvpc') add('ecs.capability.task-eni');
  for (const c of containers) {
    if (c.logConfiguration) add(`com.amazonaws.ecs.capability.logging-driver.${c.logConfiguration.logDriver}`);
  }
  if (definition.taskRoleArn) add('com.amazonaws.ecs.capability.task-iam-role');
  if (containers.some((c) => c.privileged === true)) add('com.amazonaws.ecs.capability.privileged-container');
  if (containers.some((c) => c.image !== undefined && ECR_IMAGE.test(c.image))) add('com.amazonaws.ecs.capability.ecr-auth');
  return names.map((name) => ({ name }));
}
