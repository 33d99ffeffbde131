import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keepUnknownMembers, restoreDocument } from '../../../src/persistence/restore-document.ts';
import { newDocument, newRegion } from '../../../src/domain/new-document.ts';
import { seedStreams } from '../../../src/shared/xoshiro128.ts';

/** A v1 document as ecs-sandbox wrote it: the demo scenario, a registered instance, a pending namespace, two regions. */
const v1 = (): any => JSON.parse(readFileSync(new URL('./fixtures/v1-demo.json', import.meta.url), 'utf8'));
const R = 'scenario.regions.us-east-1';
const T0 = Date.UTC(2018, 4, 22);

function refused(raw: unknown): { path: string; problem: string } {
  const result = restoreDocument(raw);
  if (result.ok) throw new Error('restoreDocument accepted a document it should refuse');
  return { path: result.path, problem: result.problem };
}

function restored(raw: unknown): any {
  const result = restoreDocument(raw);
  if (!result.ok) throw new Error(`refused: ${result.path} ${result.problem}`);
  return result.document;
}

describe('restoreDocument', () => {
  it('gives a v1 document back exactly as it was, byte for byte', () => {
    expect(JSON.stringify(restored(v1()))).toBe(JSON.stringify(v1()));
    expect(restoreDocument(v1())).toMatchObject({ ok: true, migrations: [] });
  });

  it('is idempotent and never aliases its input', () => {
    const raw = v1();
    const once = restored(raw);
    expect(restored(once)).toEqual(once);
    once.regions['us-east-1'].clusters.push({ clusterName: 'new', status: 'ACTIVE', createdAt: 0 });
    expect(raw.regions['us-east-1'].clusters).toHaveLength(2);
  });

  it.each([
    [null, 'scenario', 'must be a JSON object'],
    [42, 'scenario', 'must be a JSON object'],
    ['{"schemaVersion":1}', 'scenario', 'must be a JSON object'],
    [[{ schemaVersion: 1 }], 'scenario', 'must be a JSON object'],
    [{}, 'scenario.schemaVersion', 'is missing'],
    [{ schemaVersion: '1' }, 'scenario.schemaVersion', 'must be a positive integer'],
    [{ schemaVersion: 0 }, 'scenario.schemaVersion', 'must be a positive integer'],
    [{ schemaVersion: 1.5 }, 'scenario.schemaVersion', 'must be a positive integer'],
    [{ schemaVersion: 2 }, 'scenario.schemaVersion', 'is 2, but this ecs-sandbox reads schema versions up to 1; update ecs-sandbox to open it'],
    [{ schemaVersion: 1, seed: -1 }, 'scenario.seed', 'must be an integer from 0 to 4294967295'],
    [{ schemaVersion: 1, seed: 2 ** 32 }, 'scenario.seed', 'must be an integer from 0 to 4294967295'],
    [{ schemaVersion: 1, accountId: '12345' }, 'scenario.accountId', 'must be 12 digits'],
    [{ schemaVersion: 1, startedAt: 'yesterday' }, 'scenario.startedAt', 'must be an integer of at least 0'],
    [{ schemaVersion: 1, clock: 'manual' }, 'scenario.clock', 'must be a JSON object'],
    [{ schemaVersion: 1, clock: { mode: 'fast' } }, 'scenario.clock.mode', 'must be one of [manual, realtime]'],
    [{ schemaVersion: 1, clock: { speed: 0 } }, 'scenario.clock.speed', 'must be a number greater than 0'],
    [{ schemaVersion: 1, clock: { speed: -1 } }, 'scenario.clock.speed', 'must be a number of at least 0'],
    [{ schemaVersion: 1, clock: { nowMs: T0 - 1 } }, 'scenario.clock.nowMs', `must be an integer of at least ${T0}`],
    [{ schemaVersion: 1, random: { placement: [1, 2, 3, 4], ids: [0, 0, 0, 0] } }, 'scenario.random.ids',
      'must be four unsigned 32-bit integers, not all zero'],
    [{ schemaVersion: 1, random: { placement: [1, 2, 3] } }, 'scenario.random.placement',
      'must be four unsigned 32-bit integers, not all zero'],
    [{ schemaVersion: 1, regions: [] }, 'scenario.regions', 'must be a JSON object'],
    [{ schemaVersion: 1, regions: { mars: {} } }, 'scenario.regions.mars', 'is not a region name such as us-east-1'],
    [{ schemaVersion: 1, regions: { 'us-east-1': 'full' } }, 'scenario.regions.us-east-1', 'must be a JSON object'],
    [{ schemaVersion: 1, regions: { 'us-east-1': { clusters: {} } } }, `${R}.clusters`, 'must be a list'],
    [{ schemaVersion: 1, regions: { 'us-east-1': { clusters: [{ clusterName: 'a b' }] } } }, `${R}.clusters[0].clusterName`, 'must be a cluster name'],
    [{ schemaVersion: 1, regions: { 'us-east-1': { clusters: [{ clusterName: 'a' }, { clusterName: 'a' }] } } },
      `${R}.clusters[1].clusterName`, 'repeats cluster a'],
    [{ schemaVersion: 1, regions: { 'us-east-1': { subnets: [{ subnetId: 'subnet-0000000a', availabilityZone: 'eu-west-1a' }] } } },
      `${R}.subnets[0].availabilityZone`, 'must be an availability zone of us-east-1'],
    [{ schemaVersion: 1, regions: { 'us-east-1': { subnets: [{ subnetId: 'subnet-0000000a', availabilityZone: 'us-east-1a', cidrBlock: '10.0.0.1/24' }] } } },
      `${R}.subnets[0].cidrBlock`, 'must be an IPv4 network from /16 to /28'],
    [{ schemaVersion: 1, regions: { 'us-east-1': { iam: { serviceLinkedRoleExists: 'no' } } } },
      `${R}.iam.serviceLinkedRoleExists`, 'must be true or false'],
  ])('refuses %j: %s %s', (raw, path, problem) => {
    expect(refused(raw)).toEqual({ path, problem });
  });

  it('fills what a partial document leaves out with the values of a new one', () => {
    expect(restored({ schemaVersion: 1 })).toEqual(newDocument());
    // a seed without saved streams starts them from the seed (semantics 3.3)
    expect(restored({ schemaVersion: 1, seed: 7 }).random).toEqual(seedStreams(7));
    // an empty region is a new region: its default cluster (D4), created at the document's start
    expect(restored({ schemaVersion: 1, regions: { 'eu-west-1': {} } }).regions['eu-west-1']).toEqual(newRegion(T0));
    // null means absent
    expect(restored({ schemaVersion: 1, seed: null, regions: { 'eu-west-1': null } })).toEqual(newDocument());
  });

  it('drops junk: unknown members of the document and its regions, list entries that are not objects', () => {
    const doc = restored({
      schemaVersion: 1, colour: 'blue',
      regions: { 'us-east-1': { clusters: [7, null, { clusterName: 'a' }, 'b'], favouriteCluster: 'a' } },
    });
    expect(Object.keys(doc)).toEqual(Object.keys(newDocument()));
    expect(doc.regions['us-east-1']).toEqual({ ...newRegion(T0), clusters: [{ clusterName: 'a', status: 'ACTIVE', createdAt: T0 }] });
  });

  it('keeps members a newer shape added to new documents, when the stored value has the default\'s JSON kind', () => {
    const defaults: Record<string, unknown> = { known: 0, list: [], count: 1, name: 'x' };
    keepUnknownMembers(defaults, { known: 5, list: [1], count: 'two', extra: true }, ['known']);
    // known: handled elsewhere; list: same kind, kept; count: wrong kind, default stays; extra: not in the shape
    expect(defaults).toEqual({ known: 0, list: [1], count: 1, name: 'x' });
  });

  it('raises nextRegistrationIndex above every registration index it finds', () => {
    const raw = v1();
    raw.regions['us-east-1'].nextRegistrationIndex = 0;
    // six instances registered as 0…5 → the next is 6
    expect(restored(raw).regions['us-east-1'].nextRegistrationIndex).toBe(6);
  });

  const mutate = (change: (region: any) => void) => {
    const raw = v1();
    change(raw.regions['us-east-1']);
    return raw;
  };

  it.each([
    ['a service in an unknown cluster', (r: any) => { r.services[0].clusterName = 'ghost'; },
      `${R}.services[0].clusterName`, 'names cluster ghost, which the scenario does not contain'],
    ['a service of an unknown task definition', (r: any) => { r.services[1].taskDefinition = 'arn:aws:ecs:us-east-1:123456789012:task-definition/api:9'; },
      `${R}.services[1].taskDefinition`, 'names task definition arn:aws:ecs:us-east-1:123456789012:task-definition/api:9, which the scenario does not contain'],
    ['a deployment of an unknown task definition', (r: any) => { r.services[0].deployments[0].taskDefinition = 'x'; },
      `${R}.services[0].deployments[0].taskDefinition`, 'names task definition x, which the scenario does not contain'],
    ['an undeclared target group', (r: any) => { r.targetGroups = []; },
      `${R}.services[0].loadBalancers[0].targetGroupArn`,
      'names target group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/demo-web/5ea1000000000001, which the scenario does not contain'],
    ['an unknown service registry', (r: any) => { r.services[1].serviceRegistries[0].registryArn = 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0000000000000000'; },
      `${R}.services[1].serviceRegistries[0].registryArn`,
      'names service registry arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0000000000000000, which the scenario does not contain'],
    ['two services of one name in one cluster', (r: any) => { r.services[1].serviceName = 'web'; },
      `${R}.services[1].serviceName`, 'repeats service demo/web'],
    ['an instance in an unknown cluster', (r: any) => { r.containerInstances[2].clusterName = 'ghost'; },
      `${R}.containerInstances[2].clusterName`, 'names cluster ghost, which the scenario does not contain'],
    ['an instance in an undeclared subnet', (r: any) => { r.subnets.pop(); },
      `${R}.containerInstances[2].subnetId`, 'names subnet subnet-5ea1c000, which the scenario does not contain'],
    ['two instances with one registration index', (r: any) => { r.containerInstances[3].registrationIndex = 0; },
      `${R}.containerInstances[3].registrationIndex`, 'repeats registration index 0'],
    ['two task definitions with one family:revision', (r: any) => { r.taskDefinitions[1].definition.family = 'web'; },
      `${R}.taskDefinitions[1].definition`, 'repeats task definition arn:aws:ecs:us-east-1:123456789012:task-definition/web:1'],
    ['a registry in an unknown namespace', (r: any) => { r.discovery.namespaces = []; },
      `${R}.discovery.services[0].namespaceId`, expect.stringMatching(/^names namespace ns-[a-z0-9]{16}, which the scenario does not contain$/)],
    ['an instance of an unknown registry', (r: any) => { r.discovery.instances[0].serviceId = 'srv-0000000000000000'; },
      `${R}.discovery.instances[0].serviceId`, 'names registry service srv-0000000000000000, which the scenario does not contain'],
    ['an operation of an unknown type', (r: any) => { r.discovery.operations[0].type = 'CREATE_HTTP_NAMESPACE'; },
      `${R}.discovery.operations[0].type`, 'must be one of [CREATE_NAMESPACE, DELETE_NAMESPACE, REGISTER_INSTANCE, DEREGISTER_INSTANCE]'],
    ['a task on an unknown container instance', (r: any) => {
      r.tasks.push({ id: 't1', clusterName: 'demo', taskDefinitionArn: r.taskDefinitions[0].definition.taskDefinitionArn,
        containerInstanceId: 'nope', lastStatus: 'RUNNING', desiredStatus: 'RUNNING' });
    }, `${R}.tasks[0].containerInstanceId`, 'names container instance nope, which the scenario does not contain'],
    ['a task without a lastStatus', (r: any) => {
      r.tasks.push({ id: 't1', clusterName: 'demo', taskDefinitionArn: r.taskDefinitions[0].definition.taskDefinitionArn, desiredStatus: 'RUNNING' });
    }, `${R}.tasks[0].lastStatus`, 'is missing'],
    ['a task ENI in an undeclared subnet', (r: any) => {
      r.tasks.push({ id: 't1', clusterName: 'demo', taskDefinitionArn: r.taskDefinitions[1].definition.taskDefinitionArn,
        lastStatus: 'PENDING', desiredStatus: 'RUNNING', eni: { subnetId: 'subnet-0000000f', privateIpv4Address: '10.0.9.4', attachmentId: 'a' } });
    }, `${R}.tasks[0].eni.subnetId`, 'names subnet subnet-0000000f, which the scenario does not contain'],
  ])('refuses %s', (_what, change, path, problem) => {
    expect(refused(mutate(change))).toEqual({ path, problem });
  });

  it('accepts a consistent task and keeps the members it does not check', () => {
    const raw = mutate((r) => {
      r.tasks.push({
        id: 't1', clusterName: 'demo', taskDefinitionArn: r.taskDefinitions[0].definition.taskDefinitionArn,
        containerInstanceId: r.containerInstances[0].id, group: 'service:web', startedBy: r.services[0].deployments[0].id,
        lastStatus: 'RUNNING', desiredStatus: 'RUNNING', launchType: 'EC2', createdAt: T0, version: 2,
        hostPorts: [{ containerName: 'web', containerPort: 80, hostPort: 49153, protocol: 'tcp' }], containerIds: ['c1'],
      });
    });
    expect(restored(raw)).toEqual(raw);
  });

  it('never throws: any JSON value gives a document or a path and a problem', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const result = restoreDocument(value);
      expect(result.ok || (typeof result.path === 'string' && typeof result.problem === 'string')).toBe(true);
    }), { seed: 1, numRuns: 300 });
  });

  it('never throws on a v1 document with one member anywhere replaced by any JSON value; what it accepts restores to itself', () => {
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(v1(), []);
    fc.assert(fc.property(fc.integer({ min: 1, max: paths.length - 1 }), fc.jsonValue({ maxDepth: 2 }), (index, value) => {
      const raw = v1();
      const path = paths[index];
      let parent = raw;
      for (const key of path.slice(0, -1)) parent = parent[key];
      parent[path[path.length - 1]] = value;
      const result = restoreDocument(raw);
      if (result.ok) expect(restored(result.document)).toEqual(result.document);
      else expect(result.path).toMatch(/^scenario(\.|$)/);
    }), { seed: 2, numRuns: 500 });
  });
});
