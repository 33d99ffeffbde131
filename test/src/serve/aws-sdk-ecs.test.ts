// @aws-sdk/client-ecs and @aws-sdk/client-servicediscovery, unmodified, against a real `serve`
// socket: every registered operation, every error code as the SDK's own exception class with the
// catalogue's message, regions from the signing scope, timestamps, and the W18 waiters.
import {
  ClientException, ClusterContainsContainerInstancesException, ClusterContainsServicesException, ClusterContainsTasksException, ClusterNotFoundException, CreateClusterCommand, CreateServiceCommand,
  DeleteAttributesCommand, DeleteClusterCommand, DeleteServiceCommand, DeregisterContainerInstanceCommand,
  DeregisterTaskDefinitionCommand, DescribeClustersCommand, DescribeContainerInstancesCommand, DescribeServicesCommand,
  DescribeTaskDefinitionCommand, DescribeTasksCommand, ECSClient, ECSServiceException, InvalidParameterException,
  ListAttributesCommand, ListClustersCommand, ListContainerInstancesCommand, ListServicesCommand,
  ListTaskDefinitionFamiliesCommand, ListTaskDefinitionsCommand, ListTasksCommand, PlatformUnknownException,
  PutAttributesCommand, RegisterContainerInstanceCommand, RegisterTaskDefinitionCommand, RunTaskCommand,
  ServiceNotActiveException, ServiceNotFoundException, StartTaskCommand, StopTaskCommand, SubmitTaskStateChangeCommand, TargetNotFoundException,
  AttributeLimitExceededException, UnsupportedFeatureException, UpdateContainerInstancesStateCommand, UpdateServiceCommand,
  waitUntilServicesInactive, waitUntilServicesStable,
} from '@aws-sdk/client-ecs';
import {
  CreatePrivateDnsNamespaceCommand, CreateServiceCommand as CreateRegistryServiceCommand, DeleteNamespaceCommand, DiscoverInstancesCommand,
  DeleteServiceCommand as DeleteRegistryServiceCommand, DeregisterInstanceCommand, GetInstanceCommand, GetNamespaceCommand,
  GetOperationCommand, GetServiceCommand as GetRegistryServiceCommand, ListInstancesCommand, ListNamespacesCommand,
  ListOperationsCommand, ListServicesCommand as ListRegistryServicesCommand, NamespaceNotFound, OperationNotFound,
  RegisterInstanceCommand, ServiceDiscoveryClient, ServiceNotFound as RegistryServiceNotFound,
} from '@aws-sdk/client-servicediscovery';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLUSTERS, CONTAINER_INSTANCES, DISCOVERY, SERVICES, TASK_DEFINITIONS, TASKS, WIRE,
} from '../../../src/messages.ts';
import { AGENT_ONLY_OPERATIONS, discoveryOperations, ecsOperations } from '../../../src/api/operations/registry.ts';
import { DUMMY_CREDENTIALS, SANDBOX_TARGET, plantTask, startTestServer, type TestServer } from '../../builders/serve.ts';

const ACCOUNT = '123456789012';
const arn = (resource: string, region = 'us-east-1') => `arn:aws:ecs:${region}:${ACCOUNT}:${resource}`;
const START = Date.UTC(2018, 4, 22); // the manual clock starts at 2018-05-22T00:00:00Z

let server: TestServer;
let ecs: ECSClient;
const ecsIn = (region: string) =>
  new ECSClient({ endpoint: server.url, region, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });

beforeAll(async () => {
  server = await startTestServer();
  ecs = ecsIn('us-east-1');
});
afterAll(async () => {
  ecs.destroy();
  await server.close();
});

/** EcsSandbox.AdvanceTime: runs the scheduler steps due (D54). */
async function advance(seconds: number, region?: string) {
  const reply = await server.call(`${SANDBOX_TARGET}.AdvanceTime`, { seconds }, region);
  expect(reply.status, reply.text).toBe(200);
  return reply.json;
}

const WEB = { name: 'web', image: 'nginx:1.13', memory: 128, portMappings: [{ containerPort: 80 }] };

/** A cluster with one instance, a task definition and a service of `desiredCount` (names prefixed). */
async function aWorld(prefix: string, desiredCount = 0) {
  const cluster = `${prefix}-cluster`;
  await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  const instance = await ecs.send(new RegisterContainerInstanceCommand({ cluster }));
  const td = await ecs.send(new RegisterTaskDefinitionCommand({ family: `${prefix}-web`, containerDefinitions: [WEB] }));
  const service = await ecs.send(new CreateServiceCommand({
    cluster, serviceName: `${prefix}-svc`, taskDefinition: td.taskDefinition!.taskDefinitionArn, desiredCount,
  }));
  return {
    cluster,
    instanceArn: instance.containerInstance!.containerInstanceArn!,
    taskDefinitionArn: td.taskDefinition!.taskDefinitionArn!,
    family: `${prefix}-web`,
    serviceName: service.service!.serviceName!,
  };
}

/**
 * A RUNNING task of a world's service, owned by its PRIMARY deployment (semantics 3.2), planted
 * through Export/ImportScenario so that no scheduler step is needed.
 */
async function aServiceTask(w: Awaited<ReturnType<typeof aWorld>>): Promise<string> {
  const { services } = await ecs.send(new DescribeServicesCommand({ cluster: w.cluster, services: [w.serviceName] }));
  const id = await plantTask(server, {
    clusterName: w.cluster, taskDefinitionArn: w.taskDefinitionArn, containerInstanceId: w.instanceArn.split('/').pop()!,
    group: `service:${w.serviceName}`, startedBy: services![0].deployments![0].id,
  });
  return arn(`task/${id}`);
}

// One check per operation. The completeness test below makes every operation someone registers
// show up here.
const ECS_CHECKS: Record<string, () => Promise<void>> = {
  async CreateCluster() {
    const out = await ecs.send(new CreateClusterCommand({ clusterName: 'sdk-create' }));
    expect(out.cluster).toEqual({
      clusterArn: arn('cluster/sdk-create'), clusterName: 'sdk-create', status: 'ACTIVE',
      registeredContainerInstancesCount: 0, runningTasksCount: 0, pendingTasksCount: 0, activeServicesCount: 0,
    });
  },
  async DescribeClusters() {
    await ecs.send(new CreateClusterCommand({ clusterName: 'sdk-describe' }));
    const out = await ecs.send(new DescribeClustersCommand({ clusters: ['sdk-describe', 'sdk-nope'] }));
    expect(out.clusters!.map((c) => c.clusterName)).toEqual(['sdk-describe']);
    expect(out.failures).toEqual([{ arn: arn('cluster/sdk-nope'), reason: 'MISSING' }]);
  },
  async ListClusters() {
    const out = await ecs.send(new ListClustersCommand({}));
    expect(out.clusterArns).toContain(arn('cluster/default'));
  },
  async DeleteCluster() {
    await ecs.send(new CreateClusterCommand({ clusterName: 'sdk-delete' }));
    const out = await ecs.send(new DeleteClusterCommand({ cluster: 'sdk-delete' }));
    expect(out.cluster).toMatchObject({ clusterName: 'sdk-delete', status: 'INACTIVE' });
  },
  async RegisterTaskDefinition() {
    const out = await ecs.send(new RegisterTaskDefinitionCommand({ family: 'sdk-register', containerDefinitions: [WEB] }));
    expect(out.taskDefinition).toMatchObject({
      taskDefinitionArn: arn('task-definition/sdk-register:1'), family: 'sdk-register', revision: 1, status: 'ACTIVE',
    });
    expect(out.taskDefinition!.containerDefinitions![0]).toMatchObject({ name: 'web', image: 'nginx:1.13', memory: 128 });
  },
  async DescribeTaskDefinition() {
    await ecs.send(new RegisterTaskDefinitionCommand({ family: 'sdk-describe-td', containerDefinitions: [WEB] }));
    const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'sdk-describe-td' }));
    expect(out.taskDefinition!.taskDefinitionArn).toBe(arn('task-definition/sdk-describe-td:1'));
  },
  async DeregisterTaskDefinition() {
    await ecs.send(new RegisterTaskDefinitionCommand({ family: 'sdk-dereg', containerDefinitions: [WEB] }));
    const out = await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'sdk-dereg:1' }));
    expect(out.taskDefinition).toMatchObject({ family: 'sdk-dereg', revision: 1, status: 'INACTIVE' });
  },
  async ListTaskDefinitions() {
    await ecs.send(new RegisterTaskDefinitionCommand({ family: 'sdk-list-td', containerDefinitions: [WEB] }));
    await ecs.send(new RegisterTaskDefinitionCommand({ family: 'sdk-list-td', containerDefinitions: [WEB] }));
    const out = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'sdk-list-td' }));
    expect(out.taskDefinitionArns).toEqual([arn('task-definition/sdk-list-td:1'), arn('task-definition/sdk-list-td:2')]);
  },
  async ListTaskDefinitionFamilies() {
    await ecs.send(new RegisterTaskDefinitionCommand({ family: 'sdk-families', containerDefinitions: [WEB] }));
    const out = await ecs.send(new ListTaskDefinitionFamiliesCommand({ familyPrefix: 'sdk-families' }));
    expect(out.families).toEqual(['sdk-families']);
  },
  async RegisterContainerInstance() {
    await ecs.send(new CreateClusterCommand({ clusterName: 'sdk-ci' }));
    const out = await ecs.send(new RegisterContainerInstanceCommand({
      cluster: 'sdk-ci',
      instanceIdentityDocument: JSON.stringify({ instanceId: 'i-0a1b2c3d4e5f60718', availabilityZone: 'us-east-1b', instanceType: 'c5.large' }),
    }));
    expect(out.containerInstance).toMatchObject({ ec2InstanceId: 'i-0a1b2c3d4e5f60718', status: 'ACTIVE', agentConnected: true });
    expect(out.containerInstance!.containerInstanceArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:container-instance\/[0-9a-f-]{36}$/);
    expect(out.containerInstance!.attributes).toContainEqual({ name: 'ecs.availability-zone', value: 'us-east-1b' });
  },
  async DeregisterContainerInstance() {
    await ecs.send(new CreateClusterCommand({ clusterName: 'sdk-ci-dereg' }));
    const ci = await ecs.send(new RegisterContainerInstanceCommand({ cluster: 'sdk-ci-dereg' }));
    const out = await ecs.send(new DeregisterContainerInstanceCommand({
      cluster: 'sdk-ci-dereg', containerInstance: ci.containerInstance!.containerInstanceArn,
    }));
    expect(out.containerInstance!.status).toBe('INACTIVE');
  },
  async DescribeContainerInstances() {
    const w = await aWorld('sdk-dci');
    const out = await ecs.send(new DescribeContainerInstancesCommand({ cluster: w.cluster, containerInstances: [w.instanceArn] }));
    expect(out.containerInstances!.map((c) => c.containerInstanceArn)).toEqual([w.instanceArn]);
    expect(out.failures).toEqual([]);
  },
  async ListContainerInstances() {
    const w = await aWorld('sdk-lci');
    const all = await ecs.send(new ListContainerInstancesCommand({ cluster: w.cluster }));
    expect(all.containerInstanceArns).toEqual([w.instanceArn]);
    // the cluster query language (semantics 5)
    const none = await ecs.send(new ListContainerInstancesCommand({ cluster: w.cluster, filter: 'attribute:ecs.instance-type == x1.32xlarge' }));
    expect(none.containerInstanceArns).toEqual([]);
  },
  async UpdateContainerInstancesState() {
    const w = await aWorld('sdk-drain');
    const out = await ecs.send(new UpdateContainerInstancesStateCommand({ cluster: w.cluster, containerInstances: [w.instanceArn], status: 'DRAINING' }));
    expect(out.containerInstances!.map((c) => c.status)).toEqual(['DRAINING']);
  },
  async PutAttributes() {
    const w = await aWorld('sdk-put-attr');
    const out = await ecs.send(new PutAttributesCommand({ cluster: w.cluster, attributes: [{ name: 'stack', value: 'prod', targetId: w.instanceArn }] }));
    expect(out.attributes).toEqual([{ name: 'stack', value: 'prod', targetId: w.instanceArn }]);
  },
  async DeleteAttributes() {
    const w = await aWorld('sdk-del-attr');
    await ecs.send(new PutAttributesCommand({ cluster: w.cluster, attributes: [{ name: 'stack', value: 'prod', targetId: w.instanceArn }] }));
    const out = await ecs.send(new DeleteAttributesCommand({ cluster: w.cluster, attributes: [{ name: 'stack', targetId: w.instanceArn }] }));
    expect(out.attributes!.map((a) => a.name)).toEqual(['stack']);
  },
  async ListAttributes() {
    const w = await aWorld('sdk-list-attr');
    await ecs.send(new PutAttributesCommand({ cluster: w.cluster, attributes: [{ name: 'stack', value: 'prod', targetId: w.instanceArn }] }));
    const out = await ecs.send(new ListAttributesCommand({ cluster: w.cluster, targetType: 'container-instance', attributeName: 'stack' }));
    expect(out.attributes).toEqual([{ name: 'stack', value: 'prod', targetId: w.instanceArn }]);
  },
  async CreateService() {
    const w = await aWorld('sdk-create-svc');
    const out = await ecs.send(new DescribeServicesCommand({ cluster: w.cluster, services: [w.serviceName] }));
    expect(out.services![0]).toMatchObject({
      serviceArn: arn(`service/${w.serviceName}`), serviceName: w.serviceName, clusterArn: arn(`cluster/${w.cluster}`),
      status: 'ACTIVE', desiredCount: 0, runningCount: 0, pendingCount: 0, launchType: 'EC2',
      taskDefinition: w.taskDefinitionArn, deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
      loadBalancers: [], serviceRegistries: [], placementConstraints: [], placementStrategy: [],
    });
    expect(out.services![0].createdAt).toEqual(new Date(START));
  },
  async DescribeServices() {
    const w = await aWorld('sdk-describe-svc');
    const out = await ecs.send(new DescribeServicesCommand({ cluster: w.cluster, services: [w.serviceName, 'ghost'] }));
    expect(out.services!.map((s) => s.serviceName)).toEqual([w.serviceName]);
    expect(out.failures).toEqual([{ arn: arn('service/ghost'), reason: 'MISSING' }]);
  },
  async ListServices() {
    const w = await aWorld('sdk-list-svc');
    const out = await ecs.send(new ListServicesCommand({ cluster: w.cluster }));
    expect(out.serviceArns).toEqual([arn(`service/${w.serviceName}`)]);
  },
  async UpdateService() {
    const w = await aWorld('sdk-update-svc');
    const out = await ecs.send(new UpdateServiceCommand({ cluster: w.cluster, service: w.serviceName, desiredCount: 3 }));
    expect(out.service).toMatchObject({ desiredCount: 3, status: 'ACTIVE' });
    // D30: a desiredCount-only update keeps the deployment; a new task definition starts one
    expect(out.service!.deployments!.map((d) => [d.status, d.desiredCount])).toEqual([['PRIMARY', 3]]);
    const td2 = await ecs.send(new RegisterTaskDefinitionCommand({ family: w.family, containerDefinitions: [{ ...WEB, memory: 256 }] }));
    const rolled = await ecs.send(new UpdateServiceCommand({ cluster: w.cluster, service: w.serviceName, taskDefinition: w.family }));
    expect(rolled.service!.taskDefinition).toBe(td2.taskDefinition!.taskDefinitionArn);
    expect(rolled.service!.deployments!.map((d) => [d.status, d.taskDefinition])).toEqual([
      ['PRIMARY', td2.taskDefinition!.taskDefinitionArn], ['ACTIVE', w.taskDefinitionArn],
    ]);
  },
  async DeleteService() {
    const w = await aWorld('sdk-delete-svc');
    const out = await ecs.send(new DeleteServiceCommand({ cluster: w.cluster, service: w.serviceName }));
    expect(out.service).toMatchObject({ serviceName: w.serviceName, status: 'DRAINING' });
  },
  async ListTasks() {
    const w = await aWorld('sdk-list-tasks', 1);
    expect((await ecs.send(new ListTasksCommand({ cluster: w.cluster }))).taskArns).toEqual([]);
    const taskArn = await aServiceTask(w);
    expect((await ecs.send(new ListTasksCommand({ cluster: w.cluster }))).taskArns).toEqual([taskArn]);
    const byService = await ecs.send(new ListTasksCommand({ cluster: w.cluster, serviceName: w.serviceName }));
    expect(byService.taskArns).toEqual([taskArn]);
  },
  async DescribeTasks() {
    const w = await aWorld('sdk-describe-tasks', 1);
    const taskArn = await aServiceTask(w);
    const out = await ecs.send(new DescribeTasksCommand({ cluster: w.cluster, tasks: [taskArn] }));
    expect(out.tasks![0]).toMatchObject({
      taskArn, clusterArn: arn(`cluster/${w.cluster}`), taskDefinitionArn: w.taskDefinitionArn,
      containerInstanceArn: w.instanceArn, group: `service:${w.serviceName}`, desiredStatus: 'RUNNING',
    });
    expect(out.tasks![0].createdAt).toBeInstanceOf(Date);
  },
  async StopTask() {
    const w = await aWorld('sdk-stop-task', 1);
    const taskArn = await aServiceTask(w);
    const out = await ecs.send(new StopTaskCommand({ cluster: w.cluster, task: taskArn, reason: 'testing' }));
    expect(out.task).toMatchObject({ taskArn, desiredStatus: 'STOPPED', stoppedReason: 'testing' });
  },
  async RunTask() {
    const w = await aWorld('sdk-run-task');
    const out = await ecs.send(new RunTaskCommand({ cluster: w.cluster, taskDefinition: w.family, count: 1 }));
    expect(out.failures).toEqual([]);
    expect(out.tasks!.map((t) => t.containerInstanceArn)).toEqual([w.instanceArn]);
  },
  async StartTask() {
    const w = await aWorld('sdk-start-task');
    const out = await ecs.send(new StartTaskCommand({ cluster: w.cluster, taskDefinition: w.family, containerInstances: [w.instanceArn] }));
    expect(out.failures).toEqual([]);
    expect(out.tasks).toHaveLength(1);
  },
};

describe('@aws-sdk/client-ecs against serve', () => {
  it('has a check for every registered ECS operation', () => {
    expect(Object.keys(ecsOperations).filter((op) => !Object.hasOwn(ECS_CHECKS, op))).toEqual([]);
  });

  it.each(Object.keys(ecsOperations))('%s', async (op) => {
    await ECS_CHECKS[op]();
  });

  it('signs for its region, and the sandbox keeps regions apart', async () => {
    const eu = ecsIn('eu-west-1');
    try {
      await eu.send(new CreateClusterCommand({ clusterName: 'only-in-eu' }));
      expect((await eu.send(new ListClustersCommand({}))).clusterArns).toContain(arn('cluster/only-in-eu', 'eu-west-1'));
      const us = await ecs.send(new DescribeClustersCommand({ clusters: ['only-in-eu'] }));
      expect(us.failures).toEqual([{ arn: arn('cluster/only-in-eu'), reason: 'MISSING' }]);
    } finally {
      eu.destroy();
    }
  });

  it('parses every timestamp: epoch seconds with at most three decimals on the wire (D53)', async () => {
    const w = await aWorld('sdk-time', 1);
    const created = (await ecs.send(new DescribeServicesCommand({ cluster: w.cluster, services: [w.serviceName] }))).services![0].createdAt!;
    // The clock keeps whole milliseconds: 1.2345 s → 1,235 ms after createdAt, at most 3 decimals on the wire.
    const { now } = await advance(1.2345);
    expect(now * 1000 - created.getTime()).toBe(1235);
    await ecs.send(new UpdateServiceCommand({ cluster: w.cluster, service: w.serviceName, taskDefinition: w.family, forceNewDeployment: true }));
    const raw = await server.call('AmazonEC2ContainerServiceV20141113.DescribeServices', { cluster: w.cluster, services: [w.serviceName] });
    const stamps = [...raw.text.matchAll(/"(\w*(?:At|Date))":([^,}\]]+)/g)].map((m) => [m[1], m[2]]);
    expect(stamps.length).toBeGreaterThan(1);
    for (const [key, value] of stamps) expect([key, value]).toEqual([key, expect.stringMatching(/^\d{10}(\.\d{1,3})?$/)]);
    expect(raw.text).toContain(`"updatedAt":${now}`);
    const out = await ecs.send(new DescribeServicesCommand({ cluster: w.cluster, services: [w.serviceName] }));
    expect(out.services![0].deployments![0].updatedAt).toEqual(new Date(Math.round(now * 1000)));
  });
});

describe('errors reach the SDK as its own exception classes, with the catalogue text', () => {
  // A world every row can refer to: cluster `errs-cluster` with an instance that carries the 10 custom
  // attributes allowed, task definitions `errs-web` (EC2) and `errs-fargate`, services `errs-svc`
  // (desiredCount 1) and `gone` (deleted, then a step: INACTIVE); cluster `errs-empty` holds a
  // service and no instance.
  let w: Awaited<ReturnType<typeof aWorld>>;
  beforeAll(async () => {
    w = await aWorld('errs', 1);
    await ecs.send(new CreateServiceCommand({ cluster: w.cluster, serviceName: 'gone', taskDefinition: w.taskDefinitionArn, desiredCount: 0 }));
    await ecs.send(new DeleteServiceCommand({ cluster: w.cluster, service: 'gone' }));
    await advance(1);
    await ecs.send(new PutAttributesCommand({
      cluster: w.cluster, attributes: Array.from({ length: 10 }, (_, i) => ({ name: `k${i}`, value: 'v', targetId: w.instanceArn })),
    }));
    await ecs.send(new RegisterTaskDefinitionCommand({
      family: 'errs-fargate', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512',
      containerDefinitions: [{ name: 'app', image: 'busybox', essential: true }],
    }));
    await ecs.send(new CreateClusterCommand({ clusterName: 'errs-empty' }));
    await ecs.send(new CreateServiceCommand({ cluster: 'errs-empty', serviceName: 'idle', taskDefinition: 'errs-web', desiredCount: 0 }));
    await ecs.send(new CreateClusterCommand({ clusterName: 'errs-tasks' }));
    await plantTask(server, { clusterName: 'errs-tasks', taskDefinitionArn: w.taskDefinitionArn, group: 'family:errs-web' });
  });

  type Row = [string, string, () => any, new (...args: any[]) => ECSServiceException, string];
  const rows: Row[] = [
    ['DescribeServices in an unknown cluster', 'DescribeServices',
      () => new DescribeServicesCommand({ cluster: 'nowhere', services: ['busy'] }), ClusterNotFoundException, CLUSTERS.notFound],
    ['UpdateService of an unknown service', 'UpdateService',
      () => new UpdateServiceCommand({ cluster: 'errs-cluster', service: 'ghost', desiredCount: 1 }), ServiceNotFoundException, SERVICES.notFound],
    ['UpdateService of an INACTIVE service (section 12)', 'UpdateService',
      () => new UpdateServiceCommand({ cluster: 'errs-cluster', service: 'gone', desiredCount: 1 }), ServiceNotActiveException, SERVICES.notActive],
    ['DeleteService while scaled above 0 (D35)', 'DeleteService',
      () => new DeleteServiceCommand({ cluster: 'errs-cluster', service: 'errs-svc' }), InvalidParameterException, SERVICES.scaledAboveZero],
    ['DeleteService of an INACTIVE service (D36)', 'DeleteService',
      () => new DeleteServiceCommand({ cluster: 'errs-cluster', service: 'gone' }), ServiceNotFoundException, SERVICES.notFound],
    ['CreateService with a negative desiredCount', 'CreateService',
      () => new CreateServiceCommand({ cluster: 'errs-cluster', serviceName: 'neg', taskDefinition: 'errs-web', desiredCount: -1 }),
      InvalidParameterException, SERVICES.negativeDesiredCount],
    ['CreateService with a bad name', 'CreateService',
      () => new CreateServiceCommand({ cluster: 'errs-cluster', serviceName: 'no spaces', taskDefinition: 'errs-web', desiredCount: 0 }),
      InvalidParameterException, SERVICES.badName],
    ['CreateService with an unknown task definition', 'CreateService',
      () => new CreateServiceCommand({ cluster: 'errs-cluster', serviceName: 'x', taskDefinition: 'nope:9', desiredCount: 0 }),
      ClientException, TASK_DEFINITIONS.notFound],
    ['CreateService with an unknown Fargate platform version', 'CreateService',
      () => new CreateServiceCommand({
        cluster: 'errs-cluster', serviceName: 'fg', taskDefinition: 'errs-fargate', desiredCount: 0, launchType: 'FARGATE', platformVersion: '9.9.9',
      }), PlatformUnknownException, SERVICES.platformUnknown],
    ['CreateService of an EC2 task definition on FARGATE', 'CreateService',
      () => new CreateServiceCommand({ cluster: 'errs-cluster', serviceName: 'fg', taskDefinition: 'errs-web', desiredCount: 0, launchType: 'FARGATE' }),
      InvalidParameterException, SERVICES.launchTypeNotSupported('FARGATE')],
    ['DeleteCluster that still has instances', 'DeleteCluster',
      () => new DeleteClusterCommand({ cluster: 'errs-cluster' }), ClusterContainsContainerInstancesException, CLUSTERS.containsInstances],
    ['DeleteCluster that still has services', 'DeleteCluster',
      () => new DeleteClusterCommand({ cluster: 'errs-empty' }), ClusterContainsServicesException, CLUSTERS.containsServices],
    ['DeleteCluster that still has tasks', 'DeleteCluster',
      () => new DeleteClusterCommand({ cluster: 'errs-tasks' }), ClusterContainsTasksException, CLUSTERS.containsTasks],
    ['SubmitTaskStateChange, which only the agent calls', 'SubmitTaskStateChange',
      () => new SubmitTaskStateChangeCommand({ cluster: 'errs-cluster', status: 'RUNNING' }),
      UnsupportedFeatureException, WIRE.agentOnly('SubmitTaskStateChange')],
    ['CreateCluster with a bad name', 'CreateCluster',
      () => new CreateClusterCommand({ clusterName: 'a/b' }), InvalidParameterException, CLUSTERS.badName],
    ['DescribeTaskDefinition of an unknown family', 'DescribeTaskDefinition',
      () => new DescribeTaskDefinitionCommand({ taskDefinition: 'nope' }), ClientException, TASK_DEFINITIONS.describeNotFound],
    ['RegisterTaskDefinition without memory', 'RegisterTaskDefinition',
      () => new RegisterTaskDefinitionCommand({ family: 'errs-nomem', containerDefinitions: [{ name: 'c', image: 'busybox' }] }),
      ClientException, TASK_DEFINITIONS.containerMemoryMissing('c')],
    ['StopTask of an unknown task', 'StopTask',
      () => new StopTaskCommand({ cluster: 'errs-cluster', task: '00000000-0000-0000-0000-000000000000' }), InvalidParameterException, TASKS.notFound],
    ['DescribeTasks of no tasks', 'DescribeTasks',
      () => new DescribeTasksCommand({ cluster: 'errs-cluster', tasks: [] }), InvalidParameterException, TASKS.tasksEmpty],
    ['PutAttributes on an unknown target', 'PutAttributes',
      () => new PutAttributesCommand({ cluster: 'errs-cluster', attributes: [{ name: 'a', value: 'b', targetId: arn('container-instance/00000000-0000-0000-0000-000000000000') }] }),
      TargetNotFoundException, CONTAINER_INSTANCES.targetNotFound(arn('container-instance/00000000-0000-0000-0000-000000000000'))],
    // 10 custom attributes are there already; an 11th passes the limit
    ['PutAttributes past the custom-attribute limit', 'PutAttributes',
      () => new PutAttributesCommand({ cluster: 'errs-cluster', attributes: [{ name: 'k10', value: 'v', targetId: w.instanceArn }] }),
      AttributeLimitExceededException, CONTAINER_INSTANCES.attributeLimit(10)],
    ['DeregisterContainerInstance of an unknown instance', 'DeregisterContainerInstance',
      () => new DeregisterContainerInstanceCommand({ cluster: 'errs-cluster', containerInstance: '00000000-0000-0000-0000-000000000000' }),
      InvalidParameterException, CONTAINER_INSTANCES.notFound],
  ];

  it.each(rows.filter((r) => Object.hasOwn(ecsOperations, r[1]) || AGENT_ONLY_OPERATIONS.includes(r[1])))('%s', async (_, __, command, ErrorClass, message) => {
    const before = await server.state();
    const error = await ecs.send(command()).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ name: ErrorClass.name, message, $fault: 'client', $metadata: { httpStatusCode: 400 } });
    expect((error as ECSServiceException).$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await server.state(), 'a failed call changes no state').toBe(before);
  });

  it('a code the SDK has no class for still arrives with its name and message', async () => {
    // RequestEntityTooLargeException is no ECS error shape: the SDK falls back to ECSServiceException.
    const huge = 'x'.repeat(1024 * 1024);
    const error = await ecs.send(new CreateClusterCommand({ clusterName: huge })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ECSServiceException);
    expect(error).toMatchObject({ name: 'RequestEntityTooLargeException', message: WIRE.bodyTooLarge(1024 * 1024), $metadata: { httpStatusCode: 413 } });
  });
});

describe('the W18 waiters, with the manual clock', () => {
  const waiterOptions = () => ({ client: ecs, maxWaitTime: 3, minDelay: 1, maxDelay: 1 });

  it('waitUntilServicesStable succeeds at once for a desiredCount-0 service', async () => {
    const w = await aWorld('wait-stable');
    const result = await waitUntilServicesStable(waiterOptions(), { cluster: w.cluster, services: [w.serviceName] });
    expect(result.state).toBe('SUCCESS');
  });

  it('waitUntilServicesStable succeeds once its one task is RUNNING', async () => {
    const w = await aWorld('wait-stable-1', 1);
    await aServiceTask(w);
    const result = await waitUntilServicesStable(waiterOptions(), { cluster: w.cluster, services: [w.serviceName] });
    expect(result.state).toBe('SUCCESS');
  });

  it('waitUntilServicesInactive succeeds after DeleteService once AdvanceTime has run a step', async () => {
    const w = await aWorld('wait-inactive');
    await ecs.send(new DeleteServiceCommand({ cluster: w.cluster, service: w.serviceName }));
    await advance(1);
    const result = await waitUntilServicesInactive(waiterOptions(), { cluster: w.cluster, services: [w.serviceName] });
    expect(result.state).toBe('SUCCESS');
  });

  it('waitUntilServicesStable fails (not times out) on a DRAINING service, as W18 says', async () => {
    const w = await aWorld('wait-draining', 1);
    await advance(1);
    await ecs.send(new UpdateServiceCommand({ cluster: w.cluster, service: w.serviceName, desiredCount: 0 }));
    await ecs.send(new DeleteServiceCommand({ cluster: w.cluster, service: w.serviceName }));
    const error = await waitUntilServicesStable(waiterOptions(), { cluster: w.cluster, services: [w.serviceName] }).catch((e) => e);
    expect(JSON.parse(error.message).state).toBe('FAILURE');
  });
});

describe('@aws-sdk/client-servicediscovery against serve', () => {
  let sd: ServiceDiscoveryClient;
  beforeAll(() => {
    // DiscoverInstances carries a `data-` host prefix; a local endpoint must not get it.
    sd = new ServiceDiscoveryClient({
      endpoint: server.url, region: 'us-east-1', credentials: DUMMY_CREDENTIALS, maxAttempts: 1, disableHostPrefix: true,
    });
  });
  afterAll(() => sd.destroy());

  /** Auto Naming work is asynchronous: the operation completes at the next scheduler step. */
  async function completed(OperationId: string | undefined) {
    await advance(1);
    const { Operation } = await sd.send(new GetOperationCommand({ OperationId }));
    expect(Operation!.Status).toBe('SUCCESS');
    return Operation!;
  }
  async function aNamespace(name: string) {
    const { OperationId } = await sd.send(new CreatePrivateDnsNamespaceCommand({ Name: name, Vpc: 'vpc-0a1b2c3d' }));
    return (await completed(OperationId)).Targets!.NAMESPACE!;
  }
  async function aRegistry(prefix: string) {
    const namespaceId = await aNamespace(`${prefix}.local`);
    const { Service } = await sd.send(new CreateRegistryServiceCommand({
      Name: prefix, NamespaceId: namespaceId, DnsConfig: { DnsRecords: [{ Type: 'A', TTL: 60 }] },
    }));
    return { namespaceId, serviceId: Service!.Id! };
  }
  async function anInstance(prefix: string) {
    const registry = await aRegistry(prefix);
    const { OperationId } = await sd.send(new RegisterInstanceCommand({
      ServiceId: registry.serviceId, InstanceId: 'i-1', Attributes: { AWS_INSTANCE_IPV4: '10.0.0.7' },
    }));
    await completed(OperationId);
    return registry;
  }

  const SD_CHECKS: Record<string, () => Promise<void>> = {
    async CreatePrivateDnsNamespace() {
      const { OperationId } = await sd.send(new CreatePrivateDnsNamespaceCommand({ Name: 'sd-create.local', Vpc: 'vpc-0a1b2c3d' }));
      expect(OperationId).toMatch(/\S/);
      const op = await completed(OperationId);
      expect(op).toMatchObject({ Id: OperationId, Type: 'CREATE_NAMESPACE', Status: 'SUCCESS' });
      expect(op.CreateDate).toBeInstanceOf(Date);
    },
    async GetNamespace() {
      const id = await aNamespace('sd-get.local');
      const { Namespace } = await sd.send(new GetNamespaceCommand({ Id: id }));
      expect(Namespace).toMatchObject({ Id: id, Name: 'sd-get.local', Type: 'DNS_PRIVATE' });
      expect(Namespace!.CreateDate).toBeInstanceOf(Date);
    },
    async ListNamespaces() {
      await aNamespace('sd-list.local');
      const { Namespaces } = await sd.send(new ListNamespacesCommand({}));
      expect(Namespaces!.map((n) => n.Name)).toContain('sd-list.local');
    },
    async DeleteNamespace() {
      const id = await aNamespace('sd-delete.local');
      const { OperationId } = await sd.send(new DeleteNamespaceCommand({ Id: id }));
      expect((await completed(OperationId)).Type).toBe('DELETE_NAMESPACE');
      expect(await sd.send(new GetNamespaceCommand({ Id: id })).catch((e) => e)).toBeInstanceOf(NamespaceNotFound);
    },
    async GetOperation() {
      const { OperationId } = await sd.send(new CreatePrivateDnsNamespaceCommand({ Name: 'sd-op.local', Vpc: 'vpc-0a1b2c3d' }));
      const { Operation } = await sd.send(new GetOperationCommand({ OperationId }));
      expect(Operation).toMatchObject({ Id: OperationId, Type: 'CREATE_NAMESPACE' });
    },
    async ListOperations() {
      const { OperationId } = await sd.send(new CreatePrivateDnsNamespaceCommand({ Name: 'sd-ops.local', Vpc: 'vpc-0a1b2c3d' }));
      const { Operations } = await sd.send(new ListOperationsCommand({}));
      expect(Operations!.map((o) => o.Id)).toContain(OperationId);
    },
    async CreateService() {
      const { namespaceId, serviceId } = await aRegistry('sd-create-svc');
      const { Service } = await sd.send(new GetRegistryServiceCommand({ Id: serviceId }));
      expect(Service).toMatchObject({ Id: serviceId, Name: 'sd-create-svc' });
      // the 2017-03-14 model of 2018 names the namespace inside DnsConfig
      expect(Service!.DnsConfig!.NamespaceId).toBe(namespaceId);
      expect(Service!.Arn).toMatch(/^arn:aws:servicediscovery:us-east-1:123456789012:service\//);
    },
    async GetService() {
      const { serviceId } = await aRegistry('sd-get-svc');
      const { Service } = await sd.send(new GetRegistryServiceCommand({ Id: serviceId }));
      expect(Service!.DnsConfig!.DnsRecords).toEqual([{ Type: 'A', TTL: 60 }]);
    },
    async ListServices() {
      const { serviceId } = await aRegistry('sd-list-svc');
      const { Services } = await sd.send(new ListRegistryServicesCommand({}));
      expect(Services!.map((x) => x.Id)).toContain(serviceId);
    },
    async DeleteService() {
      const { serviceId } = await aRegistry('sd-delete-svc');
      await sd.send(new DeleteRegistryServiceCommand({ Id: serviceId }));
      expect(await sd.send(new GetRegistryServiceCommand({ Id: serviceId })).catch((e) => e)).toBeInstanceOf(RegistryServiceNotFound);
    },
    async RegisterInstance() {
      const { serviceId } = await anInstance('sd-register');
      const { Instance } = await sd.send(new GetInstanceCommand({ ServiceId: serviceId, InstanceId: 'i-1' }));
      expect(Instance).toMatchObject({ Id: 'i-1', Attributes: { AWS_INSTANCE_IPV4: '10.0.0.7' } });
    },
    async DeregisterInstance() {
      const { serviceId } = await anInstance('sd-deregister');
      const { OperationId } = await sd.send(new DeregisterInstanceCommand({ ServiceId: serviceId, InstanceId: 'i-1' }));
      expect((await completed(OperationId)).Type).toBe('DEREGISTER_INSTANCE');
      const { Instances } = await sd.send(new ListInstancesCommand({ ServiceId: serviceId }));
      expect(Instances).toEqual([]);
    },
    async GetInstance() {
      const { serviceId } = await anInstance('sd-get-instance');
      const { Instance } = await sd.send(new GetInstanceCommand({ ServiceId: serviceId, InstanceId: 'i-1' }));
      expect(Instance!.Id).toBe('i-1');
    },
    async ListInstances() {
      const { serviceId } = await anInstance('sd-list-instances');
      const { Instances } = await sd.send(new ListInstancesCommand({ ServiceId: serviceId }));
      expect(Instances).toEqual([{ Id: 'i-1', Attributes: { AWS_INSTANCE_IPV4: '10.0.0.7' } }]);
    },
    async DiscoverInstances() {
      await anInstance('sd-discover');
      // the later-era data-plane call (14.4); the client's `data-` host prefix is off for loopback
      const { Instances } = await sd.send(new DiscoverInstancesCommand({ NamespaceName: 'sd-discover.local', ServiceName: 'sd-discover' }));
      expect(Instances).toEqual([{
        InstanceId: 'i-1', NamespaceName: 'sd-discover.local', ServiceName: 'sd-discover', HealthStatus: 'UNKNOWN',
        Attributes: { AWS_INSTANCE_IPV4: '10.0.0.7' },
      }]);
    },
  };

  it('has a check for every registered Route 53 Auto Naming operation', () => {
    expect(Object.keys(discoveryOperations).filter((op) => !Object.hasOwn(SD_CHECKS, op))).toEqual([]);
  });

  it.each(Object.keys(discoveryOperations))('%s', async (op) => {
    await SD_CHECKS[op]();
  });

  it.each([
    ['GetNamespace of an unknown id', () => new GetNamespaceCommand({ Id: 'ns-aaaaaaaaaaaaaaaa' }), NamespaceNotFound, DISCOVERY.namespaceNotFound],
    ['GetService of an unknown id', () => new GetRegistryServiceCommand({ Id: 'srv-aaaaaaaaaaaaaaaa' }), RegistryServiceNotFound, DISCOVERY.serviceNotFound],
    ['GetOperation of an unknown id', () => new GetOperationCommand({ OperationId: 'nope' }), OperationNotFound, DISCOVERY.operationNotFound],
  ] as const)('%s arrives as its class, with `Message` read', async (_, command, ErrorClass, message) => {
    const before = await server.state();
    const error = await sd.send(command() as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ message, $metadata: { httpStatusCode: 400 } });
    expect(await server.state()).toBe(before);
  });

  it('puts `Message` (the model\'s member name) on the wire for its errors', async () => {
    const raw = await server.post('Route53AutoNaming_v20170314.GetNamespace', '{"Id":"ns-aaaaaaaaaaaaaaaa"}');
    expect(raw.json).toEqual({ __type: 'NamespaceNotFound', Message: DISCOVERY.namespaceNotFound });
  });
});
