import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keepUnknownMembers, restoreDocument } from '../../../src/persistence/restore-document.ts';
import { newDocument, newRegion } from '../../../src/domain/new-document.ts';
import { seedStreams } from '../../../src/shared/xoshiro128.ts';

/** A v1 document as ecs-sandbox wrote it: the demo scenario, a registered instance, a pending namespace, two regions. */
const v1 = (): any => JSON.parse(readFileSync(new URL('./fixtures/v1-demo.json', import.meta.url), 'utf8'));
/**
 * A v2 document as ecs-sandbox writes it: EcsSandbox.ExportScenario (seed 1) after PutTargetGroups
 * (small-web, instance), CreateCluster small, RegisterContainerInstance, RegisterTaskDefinition web
 * (bridge, dynamic port), CreateService web (desiredCount 1, behind small-web) and AdvanceTime 30 s.
 */
const v2Text = readFileSync(new URL('./fixtures/v2-small-web.json', import.meta.url), 'utf8');
const v2 = (): any => JSON.parse(v2Text);
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
  it('gives a v2 document back exactly as it was, byte for byte', () => {
    expect(JSON.stringify(restored(v2()), null, 1) + '\n').toBe(v2Text);
    expect(restoreDocument(v2())).toMatchObject({ ok: true, migrations: [] });
  });

  it('migrates a v1 document to v2: exactly the scheduler\'s additions, nothing else changed', () => {
    const raw = v1();
    // what migration 2 adds, written out: per region no targets and no behaviours; per service the
    // stored events (newest first) as the log (oldest first), no start failures, nothing suppressed,
    // no timeline; the version
    const expected = v1();
    expected.schemaVersion = 2;
    for (const region of Object.values<any>(expected.regions)) {
      region.targets = [];
      region.taskBehaviours = [];
      for (const service of region.services) {
        Object.assign(service, { eventLog: [...service.events].reverse(), startFailures: 0, suppressed: {}, timeline: [] });
      }
    }
    const result = restoreDocument(raw);
    expect(result).toEqual({ ok: true, document: expected, migrations: ['v2 scheduler-state'] });
    // the regions' members in the order of a new region
    expect(Object.keys((result as any).document.regions['us-east-1'])).toEqual(Object.keys(newRegion(T0)));
    // and the migrated document is a current one: it restores to itself
    expect(restoreDocument((result as any).document)).toEqual({ ...result, migrations: [] });
  });

  it('keeps every scheduler member of a v2 document, byte for byte', () => {
    const raw = withSchedulerState(v2());
    expect(JSON.stringify(restored(raw))).toBe(JSON.stringify(raw));
  });

  it('fills the scheduler members a v2 document leaves out, and drops their junk', () => {
    const raw = v2();
    const r = raw.regions['us-east-1'];
    const service = r.services[0];
    const e1 = { id: 'e1', createdAt: T0 + 1000, message: 'one' };
    const e2 = { id: 'e2', createdAt: T0 + 2000, message: 'two' };
    service.events = [e2, e1];
    for (const key of ['eventLog', 'startFailures', 'suppressed', 'timeline']) delete service[key];
    Object.assign(service, { stuck: null, backoffUntil: null, timeline: [5, 'x', { at: T0 }] });
    r.taskBehaviours = [{ taskDefinition: 'web' }, 7];
    delete r.targets;
    const doc = restored(raw).regions['us-east-1'];
    // an absent log is the stored events, oldest first; null means absent
    expect(doc.services[0]).toMatchObject({ eventLog: [e1, e2], startFailures: 0, suppressed: {}, timeline: [{ at: T0 }] });
    expect(doc.services[0]).not.toHaveProperty('stuck');
    expect(doc.services[0]).not.toHaveProperty('backoffUntil');
    // 3.2: a task starts 10 s after PENDING unless told; 10: containers exit at SIGTERM
    expect(doc.taskBehaviours).toEqual([{ taskDefinition: 'web', startSeconds: 10, exitSeconds: 0 }]);
    expect(doc.targets).toEqual([]);
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
    [{ schemaVersion: 3 }, 'scenario.schemaVersion', 'is 3, but this ecs-sandbox reads schema versions up to 2; update ecs-sandbox to open it'],
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
    const raw = v2();
    ((r: any) => {
      r.tasks.push({
        id: 't1', clusterName: 'small', taskDefinitionArn: r.taskDefinitions[0].definition.taskDefinitionArn,
        containerInstanceId: r.containerInstances[0].id, group: 'service:web', startedBy: r.services[0].deployments[0].id,
        lastStatus: 'RUNNING', desiredStatus: 'RUNNING', launchType: 'EC2', createdAt: T0, version: 2,
        hostPorts: [{ containerName: 'web', containerPort: 80, hostPort: 49153, protocol: 'tcp' }], containerIds: ['c1'],
      });
    })(raw.regions['us-east-1']);
    expect(restored(raw)).toEqual(raw);
  });

  it('never throws: any JSON value gives a document or a path and a problem', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const result = restoreDocument(value);
      expect(result.ok || (typeof result.path === 'string' && typeof result.problem === 'string')).toBe(true);
    }), { seed: 1, numRuns: 300 });
  });

  it.each([
    ['a target of an unknown task', (r: any) => { target(r).taskId = 'ghost'; },
      `${R}.targets[0].taskId`, 'names task ghost, which the scenario does not contain'],
    ['a target of an unknown service', (r: any) => { target(r).serviceName = 'ghost'; },
      `${R}.targets[0].serviceName`, 'names service small/ghost, which the scenario does not contain'],
    ['a target in an unknown cluster', (r: any) => { target(r).clusterName = 'ghost'; },
      `${R}.targets[0].clusterName`, 'names cluster ghost, which the scenario does not contain'],
    ['a target in an undeclared target group', (r: any) => { target(r).targetGroupArn = TG.replace('small-web', 'other'); },
      `${R}.targets[0].targetGroupArn`, `names target group ${TG.replace('small-web', 'other')}, which the scenario does not contain`],
    ['a target of neither a target group nor a load balancer', (r: any) => { delete target(r).targetGroupArn; },
      `${R}.targets[0].loadBalancerName`, 'is missing'],
    ['a target of both a target group and a load balancer', (r: any) => { target(r).loadBalancerName = 'classic'; },
      `${R}.targets[0].loadBalancerName`, 'must be absent when targetGroupArn is set'],
    ['a target in a state ELBv2 has not', (r: any) => { target(r).state = 'unused'; },
      `${R}.targets[0].state`, 'must be one of [initial, healthy, unhealthy, draining]'],
    ['a target without a state', (r: any) => { delete target(r).state; }, `${R}.targets[0].state`, 'is missing'],
    ['a target on port 0', (r: any) => { target(r).port = 0; }, `${R}.targets[0].port`, 'must be an integer from 1 to 65535'],
    ['a target without a targetId', (r: any) => { delete target(r).targetId; }, `${R}.targets[0].targetId`, 'is missing'],
    ['a target whose next change is no time', (r: any) => { target(r).nextAt = 'soon'; },
      `${R}.targets[0].nextAt`, 'must be an integer of at least 0'],
    ['a target with a reason that is not text', (r: any) => { target(r).reason = 502; }, `${R}.targets[0].reason`, 'must be a string'],
    ['a behaviour starting before PENDING', (r: any) => { r.taskBehaviours = [{ taskDefinition: 'web', startSeconds: -1 }]; },
      `${R}.taskBehaviours[0].startSeconds`, 'must be a number of at least 0'],
    // 10: SIGKILL follows SIGTERM after 30 s, so no container takes longer to exit
    ['a behaviour exiting after SIGKILL', (r: any) => { r.taskBehaviours = [{ taskDefinition: 'web', exitSeconds: 30.5 }]; },
      `${R}.taskBehaviours[0].exitSeconds`, 'must be a number from 0 to 30'],
    ['a behaviour exiting before SIGTERM', (r: any) => { r.taskBehaviours = [{ taskDefinition: 'web', exitSeconds: -1 }]; },
      `${R}.taskBehaviours[0].exitSeconds`, 'must be a number from 0 to 30'],
    ['a container unhealthy before RUNNING', (r: any) => { r.taskBehaviours = [{ taskDefinition: 'web', containerUnhealthyAfterSeconds: -5 }]; },
      `${R}.taskBehaviours[0].containerUnhealthyAfterSeconds`, 'must be a number of at least 0'],
    ['a behaviour without a task definition', (r: any) => { r.taskBehaviours = [{ startSeconds: 1 }]; },
      `${R}.taskBehaviours[0].taskDefinition`, 'is missing'],
    ['a behaviour of another region\'s task definition', (r: any) => {
      r.taskBehaviours = [{ taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1' }];
    }, `${R}.taskBehaviours[0].taskDefinition`, 'must be a task definition family or a task definition ARN of us-east-1 and account 123456789012'],
    ['a behaviour of no family', (r: any) => { r.taskBehaviours = [{ taskDefinition: 'web:1' }]; },
      `${R}.taskBehaviours[0].taskDefinition`, 'must be a task definition family or a task definition ARN of us-east-1 and account 123456789012'],
    ['two behaviours of one family', (r: any) => { r.taskBehaviours = [{ taskDefinition: 'web' }, { taskDefinition: 'web' }]; },
      `${R}.taskBehaviours[1].taskDefinition`, 'repeats task behaviour web'],
    ['a behaviour whose failure reason is not text', (r: any) => { r.taskBehaviours = [{ taskDefinition: 'web', startFailureReason: true }]; },
      `${R}.taskBehaviours[0].startFailureReason`, 'must be a string'],
    ['a service stuck for no reason ECS gives', (r: any) => { r.services[0].stuck = 'STARVED'; },
      `${R}.services[0].stuck`, 'must be one of [CAPACITY, DEPLOYMENT_CONFIGURATION]'],
    ['a suppressed message with no time', (r: any) => { r.services[0].suppressed = { 'service web was unable to place a task.': 'yesterday' }; },
      `${R}.services[0].suppressed["service web was unable to place a task."]`, 'must be an integer of at least 0'],
    ['suppressed messages that are a list', (r: any) => { r.services[0].suppressed = []; },
      `${R}.services[0].suppressed`, 'must be a JSON object'],
    ['a negative start-failure count', (r: any) => { r.services[0].startFailures = -1; },
      `${R}.services[0].startFailures`, 'must be an integer of at least 0'],
    ['a back-off that ends at no time', (r: any) => { r.services[0].backoffUntil = 1.5; },
      `${R}.services[0].backoffUntil`, 'must be an integer of at least 0'],
    ['a steady-state event at no time', (r: any) => { r.services[0].steadyEventAt = -1; },
      `${R}.services[0].steadyEventAt`, 'must be an integer of at least 0'],
    ['unhealthy targets until no time', (r: any) => { r.services[0].targetsUnhealthyUntil = '1h'; },
      `${R}.services[0].targetsUnhealthyUntil`, 'must be an integer of at least 0'],
    ['a logged event without a message', (r: any) => { r.services[0].eventLog = [{ id: 'e1', createdAt: T0 }]; },
      `${R}.services[0].eventLog[0].message`, 'is missing'],
    ['a timeline that is not a list', (r: any) => { r.services[0].timeline = { at: T0 }; },
      `${R}.services[0].timeline`, 'must be a list'],
    ['a task in a stop phase ECS has not', (r: any) => { task(r).stopPhase = 'killing'; },
      `${R}.tasks[0].stopPhase`, 'must be one of [deregistering, exiting]'],
    ['a task whose next transition is no time', (r: any) => { task(r).nextAt = -1; },
      `${R}.tasks[0].nextAt`, 'must be an integer of at least 0'],
    ['an agent reconnecting at no time', (r: any) => { r.containerInstances[0].agentReconnectAt = 'later'; },
      `${R}.containerInstances[0].agentReconnectAt`, 'must be an integer of at least 0'],
    // ELBv2's limits: interval 5–300 s, thresholds 2–10, deregistration delay 0–3600 s
    ['a health-check interval under 5 s', (r: any) => { r.targetGroups[0].healthCheckIntervalSeconds = 4; },
      `${R}.targetGroups[0].healthCheckIntervalSeconds`, 'must be an integer from 5 to 300'],
    ['a health-check interval over 300 s', (r: any) => { r.targetGroups[0].healthCheckIntervalSeconds = 301; },
      `${R}.targetGroups[0].healthCheckIntervalSeconds`, 'must be an integer from 5 to 300'],
    ['a healthy threshold of 1', (r: any) => { r.targetGroups[0].healthyThresholdCount = 1; },
      `${R}.targetGroups[0].healthyThresholdCount`, 'must be an integer from 2 to 10'],
    ['an unhealthy threshold of 11', (r: any) => { r.targetGroups[0].unhealthyThresholdCount = 11; },
      `${R}.targetGroups[0].unhealthyThresholdCount`, 'must be an integer from 2 to 10'],
    ['a deregistration delay over an hour', (r: any) => { r.targetGroups[0].deregistrationDelaySeconds = 3601; },
      `${R}.targetGroups[0].deregistrationDelaySeconds`, 'must be an integer from 0 to 3600'],
    ['a fractional deregistration delay', (r: any) => { r.targetGroups[0].deregistrationDelaySeconds = 1.5; },
      `${R}.targetGroups[0].deregistrationDelaySeconds`, 'must be an integer from 0 to 3600'],
  ])('refuses %s (v2)', (_what, change, path, problem) => {
    const raw = withSchedulerState(v2());
    change(raw.regions['us-east-1']);
    expect(refused(raw)).toEqual({ path, problem });
  });

  it.each([
    ['v1', v1], ['v2', () => withSchedulerState(v2())],
  ])('never throws on a %s document with one member anywhere replaced by any JSON value; what it accepts restores to itself', (_version, fixture) => {
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(fixture(), []);
    fc.assert(fc.property(fc.integer({ min: 1, max: paths.length - 1 }), fc.jsonValue({ maxDepth: 2 }), (index, value) => {
      const raw = fixture();
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

// ── The scheduler's state in the v2 fixture ─────────────────────────────────────────────────────

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/small-web/5ea1000000000009';
const WEB1 = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1';
const task = (r: any) => r.tasks[0];
const target = (r: any) => r.targets[0];

/**
 * The v2 fixture with every scheduler member set, each in the order restoreDocument writes it (so
 * the document restores byte for byte): a task being stopped behind small-web, its draining target
 * and a Classic target, two behaviours, a service backing off, and health-check settings.
 */
function withSchedulerState(raw: any): any {
  const r = raw.regions['us-east-1'];
  const instance = r.containerInstances[0];
  Object.assign(instance, { agentConnected: false, agentReconnectAt: T0 + 60_000 });
  Object.assign(r.targetGroups[0], { healthCheckIntervalSeconds: 10, healthyThresholdCount: 2, unhealthyThresholdCount: 3, deregistrationDelaySeconds: 20 });
  const service = r.services[0];
  const e1 = { id: 'e1', createdAt: T0 + 11_000, message: '(service web) has started 1 tasks: (task t1).' };
  const e2 = { id: 'e2', createdAt: T0 + 21_000, message: '(service web) has reached a steady state.' };
  Object.assign(service, {
    events: [e2, e1], eventLog: [e1, e2], startFailures: 2, suppressed: { '(service web) was unable to place a task.': T0 + 5000 },
    timeline: [{ at: T0 + 1000, desiredCount: 1, min: 1, max: 2, healthy: 0,
      deployments: [{ id: service.deployments[0].id, status: 'PRIMARY', running: 0, pending: 1 }] }],
  });
  Object.assign(service, { backoffUntil: T0 + 40_000, steadyEventAt: T0 + 21_000, stuck: 'CAPACITY', targetsUnhealthyUntil: T0 + 50_000 });
  r.tasks = [{
    id: 't1', clusterName: 'small', taskDefinitionArn: WEB1, containerInstanceId: instance.id, group: 'service:web',
    startedBy: service.deployments[0].id, lastStatus: 'RUNNING', desiredStatus: 'STOPPED', launchType: 'EC2', createdAt: T0 + 1000,
    version: 3, hostPorts: [{ containerName: 'web', containerPort: 80, hostPort: 32768, protocol: 'tcp' }], containerIds: ['c1'],
    nextAt: T0 + 45_000, stopPhase: 'deregistering',
  }];
  r.targets = [
    { taskId: 't1', clusterName: 'small', serviceName: 'web', targetGroupArn: TG, targetId: instance.ec2InstanceId, port: 32768,
      state: 'draining', registeredAt: T0 + 11_000, nextAt: T0 + 45_000 },
    { taskId: 't1', clusterName: 'small', serviceName: 'web', loadBalancerName: 'classic', targetId: instance.ec2InstanceId, port: 32768,
      state: 'unhealthy', reason: 'Health checks failed with these codes: [502]', registeredAt: T0 + 11_000 },
  ];
  r.taskBehaviours = [
    { taskDefinition: 'web', startSeconds: 20, exitSeconds: 30, containerUnhealthyAfterSeconds: 60 },
    { taskDefinition: WEB1, startSeconds: 0, startFailureReason: 'CannotPullContainerError: API error (404): repository not found',
      exitSeconds: 0, targetUnhealthyReason: 'Health checks failed with these codes: [502]' },
  ];
  return raw;
}
