// The EcsSandbox.* calls over the real socket (no SDK knows them): each registered one answers,
// ExportScenario/ImportScenario round-trip the whole state, and Reset switches the clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxOperations } from '../../../src/api/operations/registry.ts';
import { ECS_TARGET, SANDBOX_TARGET, startTestServer, type TestServer } from '../../builders/serve.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function sandbox(op: string, input: unknown = {}, region?: string) {
  const reply = await server.call(`${SANDBOX_TARGET}.${op}`, input, region);
  expect(reply.status, reply.text).toBe(200);
  return reply.json;
}

const START_S = Date.UTC(2018, 4, 22) / 1000;

// Reset and ImportScenario replace the whole document, so each check leaves a state of its own
// making and asserts only on that.
const SANDBOX_CHECKS: Record<string, () => Promise<void>> = {
  async PutTaskBehaviours() {
    const out = await sandbox('PutTaskBehaviours', { taskBehaviours: [{ taskDefinition: 'web:1', startSeconds: 3 }] });
    expect(out.taskBehaviours).toContainEqual({ taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1', startSeconds: 3, exitSeconds: 0 });
  },
  async DeleteTaskBehaviours() {
    await sandbox('PutTaskBehaviours', { taskBehaviours: [{ taskDefinition: 'gone' }] });
    const out = await sandbox('DeleteTaskBehaviours', { taskDefinitions: ['gone'] });
    expect(out.taskBehaviours).not.toContainEqual(expect.objectContaining({ taskDefinition: 'gone' }));
  },
  async DescribeTargetHealth() {
    const targetGroupArn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/health/0123456789abcdef';
    await sandbox('PutTargetGroups', { targetGroups: [{ targetGroupArn, targetType: 'instance', loadBalancerArns: [] }] });
    expect(await sandbox('DescribeTargetHealth', { targetGroupArn })).toEqual({ TargetHealthDescriptions: [] });
  },
  async GetTimeline() {
    await sandbox('Reset', { seed: 13, clock: 'manual' });
    await server.call(`${ECS_TARGET}.RegisterTaskDefinition`, { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] });
    await server.call(`${ECS_TARGET}.CreateService`, { serviceName: 'web', taskDefinition: 'web', desiredCount: 0 });
    expect(await sandbox('GetTimeline', { service: 'web' })).toEqual({ serviceName: 'web', samples: [] });
  },
  async SetClock() {
    await sandbox('Reset', { seed: 15, clock: 'manual' });
    expect(await sandbox('SetClock', { clock: 'manual' })).toEqual({ clock: 'manual', now: Date.UTC(2018, 4, 22) / 1000 });
  },
  async InjectFault() {
    await sandbox('Reset', { seed: 14, clock: 'manual' });
    const reply = await server.call(`${SANDBOX_TARGET}.InjectFault`, { fault: 'failTasks', tasks: ['nope'] });
    expect([reply.status, reply.json.__type, reply.json.message]).toEqual([400, 'InvalidParameterException', 'Task nope was not found in cluster default.']);
  },
  async Reset() {
    await server.call(`${ECS_TARGET}.CreateCluster`, { clusterName: 'before-reset' });
    expect(await sandbox('Reset', { seed: 3, clock: 'manual' })).toEqual({ accountId: '123456789012' });
    const listed = await server.call(`${ECS_TARGET}.ListClusters`);
    expect(listed.json.clusterArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:cluster/default']);
  },
  async AdvanceTime() {
    await sandbox('Reset', { seed: 1, clock: 'manual' });
    // 2.5 s from 2018-05-22T00:00:00Z (D54)
    expect(await sandbox('AdvanceTime', { seconds: 2.5 })).toEqual({ now: START_S + 2.5, steady: true });
  },
  async PutSubnets() {
    const out = await sandbox('PutSubnets', { subnets: [{ subnetId: 'subnet-0a1b2c3d', availabilityZone: 'us-east-1a', cidrBlock: '10.0.1.0/24' }] });
    expect(out.subnets).toContainEqual(expect.objectContaining({ subnetId: 'subnet-0a1b2c3d', availabilityZone: 'us-east-1a' }));
  },
  async PutSecurityGroups() {
    const out = await sandbox('PutSecurityGroups', { securityGroups: [{ groupId: 'sg-0a1b2c3d' }] });
    expect(out.securityGroups).toContainEqual({ groupId: 'sg-0a1b2c3d' });
  },
  async PutTargetGroups() {
    const targetGroupArn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';
    const out = await sandbox('PutTargetGroups', {
      targetGroups: [{
        targetGroupArn, targetType: 'instance',
        loadBalancerArns: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef'],
      }],
    });
    expect(out.targetGroups).toContainEqual(expect.objectContaining({ targetGroupArn, targetType: 'instance' }));
  },
  async PutIamState() {
    expect(await sandbox('PutIamState', { serviceLinkedRoleExists: false })).toEqual({ serviceLinkedRoleExists: false });
    expect(await sandbox('PutIamState', { serviceLinkedRoleExists: true })).toEqual({ serviceLinkedRoleExists: true });
  },
  async ExportScenario() {
    await sandbox('Reset', { seed: 9, clock: 'manual' });
    const out = await sandbox('ExportScenario');
    expect(out.scenario).toMatchObject({ seed: 9, accountId: '123456789012', clock: { mode: 'manual' } });
  },
  async ImportScenario() {
    await sandbox('Reset', { seed: 11, clock: 'manual' });
    await server.call(`${ECS_TARGET}.CreateCluster`, { clusterName: 'kept' });
    const { scenario } = await sandbox('ExportScenario');
    await sandbox('Reset', { seed: 12, clock: 'manual' });
    const out = await sandbox('ImportScenario', { scenario });
    expect(out).toMatchObject({ accountId: '123456789012' });
    // The whole state round-trips: the export after the import is the export before it.
    expect((await sandbox('ExportScenario')).scenario).toEqual(scenario);
  },
  async DescribePlacement() {
    await sandbox('Reset', { seed: 5, clock: 'manual' });
    await server.call(`${ECS_TARGET}.RegisterTaskDefinition`, { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] });
    // no container instance: nothing to place on, and nothing changes
    expect(await sandbox('DescribePlacement', { taskDefinition: 'web' })).toEqual({ placements: [], instances: [] });
  },
};

describe('EcsSandbox.* over the wire', () => {
  it('has a check for every registered sandbox operation', () => {
    expect(Object.keys(sandboxOperations).filter((op) => !Object.hasOwn(SANDBOX_CHECKS, op))).toEqual([]);
  });

  it.each(Object.keys(sandboxOperations))('%s', async (op) => {
    await SANDBOX_CHECKS[op]();
  });

  it('sandbox errors are AWS JSON 1.1 errors too', async () => {
    const reply = await server.call(`${SANDBOX_TARGET}.AdvanceTime`, { seconds: 'soon' });
    expect(reply.status).toBe(400);
    expect(reply.json.__type).toBe('SerializationException');
    expect(reply.json.message).toMatch(/seconds/);
  });

  it('a JSON array as a sandbox body is refused like any other', async () => {
    const reply = await server.post(`${SANDBOX_TARGET}.AdvanceTime`, '[]');
    expect([reply.status, reply.json.__type]).toEqual([400, 'SerializationException']);
  });
});
