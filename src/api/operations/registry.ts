// Every operation the endpoint answers, by X-Amz-Target prefix. `mutates` marks the calls that
// change state: the handler snapshots the document before them so that a failed call changes nothing.
import type { OperationContext } from '../operation-context.ts';
import type { SandboxApi } from '../handler.ts';
import { createCluster } from './clusters/create-cluster.ts';
import { deleteCluster } from './clusters/delete-cluster.ts';
import { describeClusters } from './clusters/describe-clusters.ts';
import { listClusters } from './clusters/list-clusters.ts';

export interface OperationDefinition {
  // Inputs are validated against the model before `run` sees them, so the cast is safe.
  run(ctx: OperationContext, input: any, api: SandboxApi): unknown;
  mutates: boolean;
}

export const ECS_TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113';
export const DISCOVERY_TARGET_PREFIX = 'Route53AutoNaming_v20170314';
export const SANDBOX_TARGET_PREFIX = 'EcsSandbox';

// Operations of the container agent: the sandbox plays the agent itself.
export const AGENT_ONLY_OPERATIONS = ['DiscoverPollEndpoint', 'SubmitContainerStateChange', 'SubmitTaskStateChange', 'UpdateContainerAgent'];

export const ecsOperations: Record<string, OperationDefinition> = {
  // clusters
  CreateCluster: { run: createCluster, mutates: true },
  DescribeClusters: { run: describeClusters, mutates: false },
  ListClusters: { run: listClusters, mutates: false },
  DeleteCluster: { run: deleteCluster, mutates: true },
  // task definitions
  // container instances and attributes
  // services
  // tasks
};

export const discoveryOperations: Record<string, OperationDefinition> = {
};

export const sandboxOperations: Record<string, OperationDefinition> = {
};
