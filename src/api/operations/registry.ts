// Every operation the endpoint answers, by X-Amz-Target prefix. `mutates` marks the calls that
// change state: they validate before they mutate, and the handler takes an undo point
// (src/api/undo-point.ts) before them as a safety net, so that a failed call changes nothing.
import type { OperationContext } from '../operation-context.ts';
import type { SandboxApi } from '../handler.ts';
import { createCluster } from './clusters/create-cluster.ts';
import { deleteCluster } from './clusters/delete-cluster.ts';
import { describeClusters } from './clusters/describe-clusters.ts';
import { listClusters } from './clusters/list-clusters.ts';
import { registerTaskDefinition } from './task-definitions/register-task-definition.ts';
import { describeTaskDefinition } from './task-definitions/describe-task-definition.ts';
import { deregisterTaskDefinition } from './task-definitions/deregister-task-definition.ts';
import { listTaskDefinitions } from './task-definitions/list-task-definitions.ts';
import { listTaskDefinitionFamilies } from './task-definitions/list-task-definition-families.ts';
import { listTasks } from './tasks/list-tasks.ts';
import { describeTasks } from './tasks/describe-tasks.ts';
import { stopTask } from './tasks/stop-task.ts';
import { runTask } from './tasks/run-task.ts';
import { startTask } from './tasks/start-task.ts';
import { registerContainerInstance } from './container-instances/register-container-instance.ts';
import { deregisterContainerInstance } from './container-instances/deregister-container-instance.ts';
import { describeContainerInstances } from './container-instances/describe-container-instances.ts';
import { listContainerInstances } from './container-instances/list-container-instances.ts';
import { updateContainerInstancesState } from './container-instances/update-container-instances-state.ts';
import { putAttributes } from './container-instances/put-attributes.ts';
import { deleteAttributes } from './container-instances/delete-attributes.ts';
import { listAttributes } from './container-instances/list-attributes.ts';
import { createService } from './services/create-service.ts';
import { updateService } from './services/update-service.ts';
import { deleteService } from './services/delete-service.ts';
import { describeServices } from './services/describe-services.ts';
import { listServices } from './services/list-services.ts';
// Route 53 Auto Naming (aliased: ECS has operations of the same names)
import { createPrivateDnsNamespace } from './discovery/create-private-dns-namespace.ts';
import { getNamespace } from './discovery/get-namespace.ts';
import { listNamespaces } from './discovery/list-namespaces.ts';
import { deleteNamespace } from './discovery/delete-namespace.ts';
import { getOperation } from './discovery/get-operation.ts';
import { listOperations } from './discovery/list-operations.ts';
import { createService as createRegistryService } from './discovery/create-service.ts';
import { getService as getRegistryService } from './discovery/get-service.ts';
import { listServices as listRegistryServices } from './discovery/list-services.ts';
import { deleteService as deleteRegistryService } from './discovery/delete-service.ts';
import { registerInstance } from './discovery/register-instance.ts';
import { deregisterInstance } from './discovery/deregister-instance.ts';
import { getInstance } from './discovery/get-instance.ts';
import { listInstances } from './discovery/list-instances.ts';
import { discoverInstances } from './discovery/discover-instances.ts';
// sandbox (EcsSandbox.*)
import { reset } from './sandbox/reset.ts';
import { putSubnets } from './sandbox/put-subnets.ts';
import { putSecurityGroups } from './sandbox/put-security-groups.ts';
import { putTargetGroups } from './sandbox/put-target-groups.ts';
import { putIamState } from './sandbox/put-iam-state.ts';
import { setClock } from './sandbox/set-clock.ts';
import { advanceTime } from './sandbox/advance-time.ts';
import { exportScenario } from './sandbox/export-scenario.ts';
import { importScenario } from './sandbox/import-scenario.ts';
import { describePlacement } from './sandbox/describe-placement.ts';
import { putTaskBehaviours } from './sandbox/put-task-behaviours.ts';
import { deleteTaskBehaviours } from './sandbox/delete-task-behaviours.ts';
import { describeTargetHealth } from './sandbox/describe-target-health.ts';
import { getTimeline } from './sandbox/get-timeline.ts';
import { injectFault } from './sandbox/inject-fault.ts';

export interface OperationDefinition {
  // Inputs are validated against the model before `run` sees them, so the cast is safe.
  run(ctx: OperationContext, input: any, api: SandboxApi): unknown;
  mutates: boolean;
  /** Required members this operation checks itself, with ECS's own message for their absence. */
  ownRequired?: readonly string[];
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
  RegisterTaskDefinition: { run: registerTaskDefinition, mutates: true },
  DescribeTaskDefinition: { run: describeTaskDefinition, mutates: false },
  DeregisterTaskDefinition: { run: deregisterTaskDefinition, mutates: true },
  ListTaskDefinitions: { run: listTaskDefinitions, mutates: false },
  ListTaskDefinitionFamilies: { run: listTaskDefinitionFamilies, mutates: false },
  // container instances and attributes
  RegisterContainerInstance: { run: registerContainerInstance, mutates: true },
  DeregisterContainerInstance: { run: deregisterContainerInstance, mutates: true },
  DescribeContainerInstances: { run: describeContainerInstances, mutates: false },
  ListContainerInstances: { run: listContainerInstances, mutates: false },
  UpdateContainerInstancesState: { run: updateContainerInstancesState, mutates: true },
  PutAttributes: { run: putAttributes, mutates: true },
  DeleteAttributes: { run: deleteAttributes, mutates: true },
  ListAttributes: { run: listAttributes, mutates: false },
  // services
  CreateService: { run: createService, mutates: true },
  UpdateService: { run: updateService, mutates: true },
  DeleteService: { run: deleteService, mutates: true },
  DescribeServices: { run: describeServices, mutates: false, ownRequired: ['services'] },
  ListServices: { run: listServices, mutates: false },
  // tasks
  ListTasks: { run: listTasks, mutates: false },
  DescribeTasks: { run: describeTasks, mutates: false, ownRequired: ['tasks'] },
  StopTask: { run: stopTask, mutates: true },
  RunTask: { run: runTask, mutates: true },
  StartTask: { run: startTask, mutates: true },
};

export const discoveryOperations: Record<string, OperationDefinition> = {
  // Every Auto Naming call first completes the operations already due (discovery-state.ts), so
  // even the reads may settle state; that is deterministic and needs no undo point.
  CreatePrivateDnsNamespace: { run: createPrivateDnsNamespace, mutates: true },
  GetNamespace: { run: getNamespace, mutates: false },
  ListNamespaces: { run: listNamespaces, mutates: false },
  DeleteNamespace: { run: deleteNamespace, mutates: true },
  GetOperation: { run: getOperation, mutates: false },
  ListOperations: { run: listOperations, mutates: false },
  CreateService: { run: createRegistryService, mutates: true },
  GetService: { run: getRegistryService, mutates: false },
  ListServices: { run: listRegistryServices, mutates: false },
  DeleteService: { run: deleteRegistryService, mutates: true },
  RegisterInstance: { run: registerInstance, mutates: true },
  DeregisterInstance: { run: deregisterInstance, mutates: true },
  GetInstance: { run: getInstance, mutates: false },
  ListInstances: { run: listInstances, mutates: false },
  // the later-era Cloud Map view of a registry (semantics 14.4)
  DiscoverInstances: { run: discoverInstances, mutates: false },
};

export const sandboxOperations: Record<string, OperationDefinition> = {
  // Reset and ImportScenario replace the document through api.replaceDocument as their last step,
  // after everything that can fail.
  Reset: { run: reset, mutates: true },
  PutSubnets: { run: putSubnets, mutates: true },
  PutSecurityGroups: { run: putSecurityGroups, mutates: true },
  PutTargetGroups: { run: putTargetGroups, mutates: true },
  PutIamState: { run: putIamState, mutates: true },
  AdvanceTime: { run: advanceTime, mutates: true },
  SetClock: { run: setClock, mutates: true },
  ExportScenario: { run: exportScenario, mutates: false },
  ImportScenario: { run: importScenario, mutates: true },
  // a dry run of RunTask's placement: changes nothing (the core works on a copy of the stream)
  DescribePlacement: { run: describePlacement, mutates: false },
  // scenario behaviour, load balancer health, timelines and faults (issue 4)
  PutTaskBehaviours: { run: putTaskBehaviours, mutates: true },
  DeleteTaskBehaviours: { run: deleteTaskBehaviours, mutates: true },
  DescribeTargetHealth: { run: describeTargetHealth, mutates: false },
  GetTimeline: { run: getTimeline, mutates: false },
  InjectFault: { run: injectFault, mutates: true },
};
