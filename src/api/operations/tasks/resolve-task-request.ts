// What RunTask, StartTask and EcsSandbox.DescribePlacement share: the request's cluster, task
// definition, launch type, network configuration and placement settings, checked in the order of the
// service rules they reuse (15.1 #2–#24), before anything is drawn or changed.
import type {
  NetworkConfiguration, PlacementConstraint, PlacementStrategy, TaskOverride,
} from '../../../model/ecs-types.ts';
import type { ClusterRecord, TaskDefinitionRecord } from '../../../domain/records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { invalidParameter } from '../../aws-error.ts';
import { TASKS } from '../../../messages.ts';
import { requireActiveCluster } from '../../resolve.ts';
import type { ServiceDraft } from '../../validate/service-draft.ts';
import { resolvePlatformVersion, validateLaunchType } from '../../validate/validate-launch-type.ts';
import { validateNetworkConfiguration } from '../../validate/validate-network-configuration.ts';
import { canonicalStrategy, validatePlacement } from '../../validate/validate-placement.ts';
import { mergeDeploymentConfiguration } from '../../validate/validate-deployment-configuration.ts';
import { requireTaskDefinition } from '../services/require-task-definition.ts';

export interface TaskRequestInput {
  cluster?: string;
  taskDefinition: string;
  count?: number;
  group?: string;
  startedBy?: string;
  overrides?: TaskOverride;
  placementConstraints?: PlacementConstraint[];
  placementStrategy?: PlacementStrategy[];
  launchType?: 'EC2' | 'FARGATE';
  platformVersion?: string;
  networkConfiguration?: NetworkConfiguration;
}

export interface ResolvedTaskRequest {
  cluster: ClusterRecord;
  taskDefinition: TaskDefinitionRecord;
  count: number;
  /** The request's `group`, else `family:<family>` (4.12). */
  group: string;
  launchType: 'EC2' | 'FARGATE';
  /** FARGATE only: the resolved version (D43). */
  platformVersion?: string;
  constraints: PlacementConstraint[];
  /** D25: binpack fields in lower case. */
  strategies: PlacementStrategy[];
  subnets?: string[];
}

// API18 RunTaskRequest.startedBy: "Up to 36 letters (uppercase and lowercase), numbers, hyphens, and underscores"
const STARTED_BY_MAX = 36;
const STARTED_BY = /^[A-Za-z0-9_-]+$/;

export function resolveTaskRequest(ctx: OperationContext, input: TaskRequestInput): ResolvedTaskRequest {
  const cluster = requireActiveCluster(ctx, input.cluster); // 15.1 #2, #3
  const taskDefinition = requireTaskDefinition(ctx, input.taskDefinition); // 15.1 #7
  const count = input.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > ctx.era.runTaskMaxCount) {
    throw invalidParameter(TASKS.countRange(ctx.era.runTaskMaxCount)); // 4.12: 1–10
  }
  if (input.startedBy !== undefined && (input.startedBy.length > STARTED_BY_MAX || !STARTED_BY.test(input.startedBy))) {
    throw invalidParameter(TASKS.badStartedBy(STARTED_BY_MAX));
  }
  const launchType = input.launchType ?? 'EC2'; // 2.3
  const draft: ServiceDraft = {
    launchType,
    taskDefinition: taskDefinition.definition,
    platformVersion: input.platformVersion,
    networkConfiguration: input.networkConfiguration,
    deploymentConfiguration: mergeDeploymentConfiguration(ctx.era.deploymentConfigurationDefaults, undefined),
    loadBalancers: [],
    serviceRegistries: [],
    placementConstraints: input.placementConstraints ?? [],
    placementStrategy: input.placementStrategy ?? [],
  };
  validateLaunchType(ctx.era, draft); // 15.1 #9–#11
  validateNetworkConfiguration(ctx, draft, { checkScenarioIds: true }); // 15.1 #12–#16, #15a
  validatePlacement(ctx.era, draft); // 15.1 #17–#24 (FARGATE refuses both lists, 7)
  const subnets = input.networkConfiguration?.awsvpcConfiguration?.subnets;
  return {
    cluster,
    taskDefinition,
    count,
    group: input.group ?? `family:${taskDefinition.definition.family}`,
    launchType,
    ...(launchType === 'FARGATE' ? { platformVersion: resolvePlatformVersion(ctx.era, input.platformVersion) } : {}),
    constraints: draft.placementConstraints.map((c) => ({ ...c })),
    strategies: draft.placementStrategy.map(canonicalStrategy),
    ...(subnets ? { subnets: [...subnets] } : {}),
  };
}
