// A rolling deployment and service discovery seen through @aws-sdk/client-ecs and
// @aws-sdk/client-servicediscovery, unmodified, against a real `serve` socket with the manual clock
// (semantics 3.1): the scheduler moves only when EcsSandbox.AdvanceTime says so (a raw JSON POST,
// as a script would send it). W18's ServicesStable waiter, DescribeServices' deployments and events
// (9.7, 16), and the Route 53 instances of a bridge-mode service (14.2, 14.3).
import {
  CreateClusterCommand, CreateServiceCommand, DescribeContainerInstancesCommand, DescribeServicesCommand, DescribeTasksCommand,
  ECSClient, ListTasksCommand, RegisterContainerInstanceCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand,
  waitUntilServicesStable, type Task,
} from '@aws-sdk/client-ecs';
import {
  CreatePrivateDnsNamespaceCommand, CreateServiceCommand as CreateRegistryCommand, GetOperationCommand, ListInstancesCommand,
  ServiceDiscoveryClient,
} from '@aws-sdk/client-servicediscovery';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityDocument } from '../../builders/container-instances.ts';
import { DUMMY_CREDENTIALS, SANDBOX_TARGET, startTestServer, type TestServer } from '../../builders/serve.ts';

let server: TestServer;
let ecs: ECSClient;
let sd: ServiceDiscoveryClient;

beforeAll(async () => {
  server = await startTestServer();
  ecs = new ECSClient({ endpoint: server.url, region: 'us-east-1', credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
  // DiscoverInstances carries a `data-` host prefix; a local endpoint must not get it.
  sd = new ServiceDiscoveryClient({ endpoint: server.url, region: 'us-east-1', credentials: DUMMY_CREDENTIALS, maxAttempts: 1, disableHostPrefix: true });
});
afterAll(async () => {
  ecs.destroy();
  sd.destroy();
  await server.close();
});

/** EcsSandbox.AdvanceTime as a raw JSON 1.1 POST. */
async function advanceTime(input: { seconds: number } | { untilSteady: true; maxSeconds: number }): Promise<{ now: number; steady: boolean }> {
  const reply = await server.call(`${SANDBOX_TARGET}.AdvanceTime`, input);
  expect(reply.status, reply.text).toBe(200);
  return reply.json;
}

const PRIVATE_IPS: Record<string, string> = { 'i-0000000000000000a': '10.0.1.25', 'i-0000000000000000b': '10.0.2.47' };

/** A cluster of two c5.large instances (us-east-1a, us-east-1b) with the private IPs above. */
async function aCluster(clusterName: string): Promise<void> {
  await ecs.send(new CreateClusterCommand({ clusterName }));
  const azs = ['us-east-1a', 'us-east-1b'];
  for (const [n, [instanceId, privateIp]] of Object.entries(PRIVATE_IPS).entries()) {
    await ecs.send(new RegisterContainerInstanceCommand({
      cluster: clusterName,
      instanceIdentityDocument: identityDocument({ instanceId, privateIp, availabilityZone: azs[n] }),
      instanceIdentityDocumentSignature: 'c2lnbmF0dXJlIG5vdCB2ZXJpZmllZA==',
    }));
  }
}

/** A bridge task definition with one container `web` whose port 80 maps to a dynamic host port. */
async function aTaskDefinition(family: string, image: string): Promise<string> {
  const out = await ecs.send(new RegisterTaskDefinitionCommand({
    family,
    containerDefinitions: [{ name: 'web', image, memory: 128, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
  }));
  return out.taskDefinition!.taskDefinitionArn!;
}

async function describeTasks(cluster: string, serviceName: string): Promise<Task[]> {
  const { taskArns } = await ecs.send(new ListTasksCommand({ cluster, serviceName }));
  if (!taskArns?.length) return [];
  return (await ecs.send(new DescribeTasksCommand({ cluster, tasks: taskArns }))).tasks!;
}

const taskId = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
/** The `(task <id>)` ids of an event message, sorted. */
const idsIn = (message: string) => [...message.matchAll(/\(task ([0-9a-f-]{36})\)/g)].map((m) => m[1]).sort();

describe('a rolling deployment through @aws-sdk/client-ecs with the manual clock', () => {
  it('CreateService desired 3, waitUntilServicesStable, UpdateService to revision 2, and back to one PRIMARY deployment', async () => {
    const cluster = 'rolling';
    await aCluster(cluster);
    const rev1 = await aTaskDefinition('web', 'nginx:1.13');
    const rev2 = await aTaskDefinition('web', 'nginx:1.14');
    const created = await ecs.send(new CreateServiceCommand({ cluster, serviceName: 'web', taskDefinition: rev1, desiredCount: 3 }));
    // API calls only change desired state (3.1): nothing runs before a step
    expect(created.service).toMatchObject({ desiredCount: 3, runningCount: 0, pendingCount: 0, events: [] });

    expect(await advanceTime({ untilSteady: true, maxSeconds: 600 })).toMatchObject({ steady: true });
    // W18 ServicesStable: one deployment and runningCount == desiredCount; succeeds at its first poll
    const waited = await waitUntilServicesStable({ client: ecs, maxWaitTime: 5, minDelay: 1, maxDelay: 1 }, { cluster, services: ['web'] });
    expect(waited.state).toBe('SUCCESS');
    const firstTasks = (await describeTasks(cluster, 'web')).map((t) => taskId(t.taskArn!)).sort();
    expect(firstTasks).toHaveLength(3);

    const updated = await ecs.send(new UpdateServiceCommand({ cluster, service: 'web', taskDefinition: rev2 }));
    // 9.7: a new PRIMARY; the previous one is ACTIVE with desiredCount 0
    expect(updated.service!.deployments!.map((d) => [d.status, d.taskDefinition, d.desiredCount])).toEqual([
      ['PRIMARY', rev2, 3], ['ACTIVE', rev1, 0],
    ]);

    // The waiter polls DescribeServices; every poll first moves the manual clock 10 s (what a
    // realtime clock would have done meanwhile), so the deployment progresses between polls.
    const polling = new ECSClient({ endpoint: server.url, region: 'us-east-1', credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
    let polls = 0;
    polling.middlewareStack.add((next, context) => async (args) => {
      if (context.commandName === 'DescribeServicesCommand') {
        polls++;
        await advanceTime({ seconds: 10 });
      }
      return next(args);
    }, { step: 'initialize', name: 'advanceManualClock' });
    try {
      const rolled = await waitUntilServicesStable({ client: polling, maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { cluster, services: ['web'] });
      expect(rolled.state).toBe('SUCCESS');
      expect(polls).toBeGreaterThan(1); // the first poll saw the deployment still going
    } finally {
      polling.destroy();
    }
    expect(await advanceTime({ untilSteady: true, maxSeconds: 600 })).toMatchObject({ steady: true });

    const { services } = await ecs.send(new DescribeServicesCommand({ cluster, services: ['web'] }));
    const service = services![0];
    expect(service.deployments!.map((d) => [d.status, d.taskDefinition, d.desiredCount, d.runningCount, d.pendingCount])).toEqual([
      ['PRIMARY', rev2, 3, 3, 0],
    ]);
    expect(service).toMatchObject({ taskDefinition: rev2, desiredCount: 3, runningCount: 3, pendingCount: 0 });

    const nowTasks = await describeTasks(cluster, 'web');
    const secondTasks = nowTasks.map((t) => taskId(t.taskArn!)).sort();
    expect(nowTasks.map((t) => [t.lastStatus, t.taskDefinitionArn])).toEqual(Array(3).fill(['RUNNING', rev2]));
    // 16.2: newest first. 3.1/10/9.9: started → steady; then started (rev 2) → stopped (rev 1) → steady
    const messages = service.events!.map((e) => e.message!);
    expect(messages.map((m) => m.replace(/ \(task [0-9a-f-]{36}\)/g, ' (task …)'))).toEqual([
      '(service web) has reached a steady state.',
      '(service web) has stopped 3 running tasks: (task …) (task …) (task …).',
      '(service web) has started 3 tasks: (task …) (task …) (task …).',
      '(service web) has reached a steady state.',
      '(service web) has started 3 tasks: (task …) (task …) (task …).',
    ]);
    expect(idsIn(messages[4])).toEqual(firstTasks);
    expect(idsIn(messages[2])).toEqual(secondTasks);
    expect(idsIn(messages[1])).toEqual(firstTasks);
    // newest first also by time; every event a UUID id and a Date
    const times = service.events!.map((e) => e.createdAt!.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const e of service.events!) expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    // the old tasks: STOPPED, with the stoppedReason of 10 step 5 naming the deployment that launched them (D47)
    const old = (await ecs.send(new DescribeTasksCommand({ cluster, tasks: firstTasks }))).tasks!;
    expect(old.map((t) => t.lastStatus)).toEqual(['STOPPED', 'STOPPED', 'STOPPED']);
    for (const t of old) expect(t.stoppedReason).toBe(`Scaling activity initiated by (deployment ${t.startedBy})`);
  });
});

describe('a bridge-mode service with a service-discovery registry, through both SDKs', () => {
  it('ListInstances shows each RUNNING task: the container instance\'s private IP and the task\'s dynamic host port', async () => {
    const cluster = 'discovery';
    await aCluster(cluster);
    const taskDefinition = await aTaskDefinition('api', 'nginx:1.13');

    const { OperationId } = await sd.send(new CreatePrivateDnsNamespaceCommand({ Name: 'sandbox.local', Vpc: 'vpc-0a1b2c3d' }));
    await advanceTime({ seconds: 1 }); // Auto Naming operations complete at the next step
    const { Operation } = await sd.send(new GetOperationCommand({ OperationId }));
    expect(Operation!.Status).toBe('SUCCESS');
    // 14.2: bridge mode supports SRV records only
    const { Service: registry } = await sd.send(new CreateRegistryCommand({
      Name: 'api', DnsConfig: { NamespaceId: Operation!.Targets!.NAMESPACE!, DnsRecords: [{ Type: 'SRV', TTL: 60 }] },
    }));

    await ecs.send(new CreateServiceCommand({
      cluster, serviceName: 'api', taskDefinition, desiredCount: 3,
      serviceRegistries: [{ registryArn: registry!.Arn!, containerName: 'web', containerPort: 80 }],
    }));
    // nothing is registered before a task reaches RUNNING (14.3)
    expect((await sd.send(new ListInstancesCommand({ ServiceId: registry!.Id! }))).Instances).toEqual([]);
    expect(await advanceTime({ untilSteady: true, maxSeconds: 600 })).toMatchObject({ steady: true });

    const tasks = await describeTasks(cluster, 'api');
    expect(tasks).toHaveLength(3);
    const { containerInstances } = await ecs.send(new DescribeContainerInstancesCommand({
      cluster, containerInstances: [...new Set(tasks.map((t) => t.containerInstanceArn!))],
    }));
    const ipOf = new Map(containerInstances!.map((ci) => [ci.containerInstanceArn!, PRIVATE_IPS[ci.ec2InstanceId!]]));
    const expected = tasks.map((t) => {
      const [binding] = t.containers![0].networkBindings!;
      expect(binding).toMatchObject({ containerPort: 80, protocol: 'tcp' });
      // dynamic host port: from the ephemeral range, not the container port
      expect(binding.hostPort).not.toBe(80);
      return {
        Id: taskId(t.taskArn!),
        Attributes: { AWS_INSTANCE_IPV4: ipOf.get(t.containerInstanceArn!)!, AWS_INSTANCE_PORT: String(binding.hostPort) },
      };
    });
    const { Instances } = await sd.send(new ListInstancesCommand({ ServiceId: registry!.Id! }));
    const byId = (a: { Id?: string }, b: { Id?: string }) => (a.Id! < b.Id! ? -1 : 1);
    expect([...Instances!].sort(byId)).toEqual(expected.sort(byId));
    // both instances hold tasks, so both private IPs appear
    expect(new Set(Instances!.map((i) => i.Attributes!.AWS_INSTANCE_IPV4)).size).toBe(2);

    // scaling in deregisters at the start of the stop sequence (14.3, 10 step 2)
    await ecs.send(new UpdateServiceCommand({ cluster, service: 'api', desiredCount: 1 }));
    await advanceTime({ seconds: 1 });
    const remaining = (await describeTasks(cluster, 'api')).filter((t) => t.desiredStatus === 'RUNNING').map((t) => taskId(t.taskArn!));
    expect(remaining).toHaveLength(1);
    const after = (await sd.send(new ListInstancesCommand({ ServiceId: registry!.Id! }))).Instances!;
    expect(after.map((i) => i.Id)).toEqual(remaining);
  });
});
