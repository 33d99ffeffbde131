import { describe, expect, it } from 'vitest';
import { SandboxApi } from '../../../src/api/handler.ts';
import { newDocument } from '../../../src/domain/new-document.ts';
import { loadScenario } from '../../../src/scenarios/load-scenario.ts';
import { DEMO_INSTANCES, DEMO_SUBNETS, demoScenario } from '../../../src/scenarios/demo-scenario.ts';
import { aSandbox } from '../../builders/sandbox.ts';

const ACCOUNT = '123456789012';
const TG_WEB = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/demo-web/5ea1000000000001`;
const TG_API = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/demo-api/5ea1000000000002`;

/** The demo on a fresh document: manual clock, seed 1. */
function demo() {
  const s = aSandbox({ seed: 1, clock: 'manual' });
  const loaded = loadScenario(s.api, 'demo');
  return { s, loaded };
}

describe('the demo scenario', () => {
  it('every call succeeds', () => {
    const { loaded } = demo();
    expect(loaded.kind).toBe('demo');
    expect(loaded.outputs).toHaveLength(demoScenario({ accountId: ACCOUNT }).length);
  });

  it('builds cluster demo with six instances, an m5.large and a c5.large per zone, each in its zone\'s subnet', () => {
    const { s } = demo();
    const arns = s.ecs('ListContainerInstances', { cluster: 'demo' }).containerInstanceArns;
    const { containerInstances } = s.ecs('DescribeContainerInstances', { cluster: 'demo', containerInstances: arns });
    const attr = (ci: any, name: string) => ci.attributes.find((a: any) => a.name === name)?.value;
    expect(containerInstances.map((ci: any) => [ci.ec2InstanceId, attr(ci, 'ecs.instance-type'), attr(ci, 'ecs.availability-zone')]))
      .toEqual(DEMO_INSTANCES.map((i) => [i.instanceId, i.instanceType, i.availabilityZone]));
    const stored = s.sandbox('ExportScenario').scenario.regions['us-east-1'].containerInstances;
    // 10.0.<zone>.11/12 lie in 10.0.<zone>.0/24, the subnet of their zone
    expect(stored.map((ci: any) => ci.subnetId)).toEqual(DEMO_INSTANCES.map((i) => DEMO_SUBNETS.find((n) => n.availabilityZone === i.availabilityZone)!.subnetId));
  });

  it('registers task definitions in the bridge, awsvpc and host network modes', () => {
    const { s } = demo();
    const modes = ['web', 'api', 'node-exporter'].map((family) => s.ecs('DescribeTaskDefinition', { taskDefinition: family }).taskDefinition.networkMode);
    expect(modes).toEqual(['bridge', 'awsvpc', 'host']);
  });

  it('creates the namespace demo.local with a registry per service: SRV for web, A+SRV for api', () => {
    const { s } = demo();
    const [namespace] = s.sd('ListNamespaces').Namespaces;
    expect(namespace).toMatchObject({ Name: 'demo.local', Type: 'DNS_PRIVATE' });
    const services = s.sd('ListServices').Services.map((svc: any) => s.sd('GetService', { Id: svc.Id }).Service);
    expect(services.map((svc: any) => [svc.Name, svc.DnsConfig.NamespaceId, svc.DnsConfig.DnsRecords.map((r: any) => r.Type)]))
      .toEqual([['web', namespace.Id, ['SRV']], ['api', namespace.Id, ['A', 'SRV']]]);
  });

  it('DescribeServices on demo shows web and api ACTIVE, with their load balancers, registries and placement', () => {
    const { s } = demo();
    const registries = Object.fromEntries(s.sd('ListServices').Services.map((svc: any) => [svc.Name, svc.Arn]));
    const { services, failures } = s.ecs('DescribeServices', { cluster: 'demo', services: ['web', 'api'] });
    expect(failures).toEqual([]);
    const [web, api] = services;
    expect(web).toMatchObject({
      serviceName: 'web', status: 'ACTIVE', desiredCount: 4, launchType: 'EC2',
      taskDefinition: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/web:1`,
      loadBalancers: [{ targetGroupArn: TG_WEB, containerName: 'web', containerPort: 80 }],
      serviceRegistries: [{ registryArn: registries.web, containerName: 'web', containerPort: 80 }],
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
      placementConstraints: [],
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 50 },
      healthCheckGracePeriodSeconds: 60,
      deployments: [expect.objectContaining({ status: 'PRIMARY', desiredCount: 4 })],
    });
    expect(web.networkConfiguration).toBeUndefined();
    expect(api).toMatchObject({
      serviceName: 'api', status: 'ACTIVE', desiredCount: 3,
      taskDefinition: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/api:1`,
      loadBalancers: [{ targetGroupArn: TG_API, containerName: 'api', containerPort: 8080 }],
      serviceRegistries: [{ registryArn: registries.api, port: 8080 }],
      networkConfiguration: {
        awsvpcConfiguration: { subnets: DEMO_SUBNETS.map((n) => n.subnetId), securityGroups: ['sg-5ea15ec0'], assignPublicIp: 'DISABLED' },
      },
      placementConstraints: [{ type: 'distinctInstance' }],
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
    });
  });

  it('is deterministic: two runs give byte-identical documents', () => {
    const [a, b] = [demo().s, demo().s];
    expect(JSON.stringify(a.sandbox('ExportScenario'))).toBe(JSON.stringify(b.sandbox('ExportScenario')));
  });

  it('follows the document\'s account', () => {
    const s = aSandbox({ seed: 1, accountId: '000011112222' });
    loadScenario(s.api, 'demo');
    expect(s.ecs('DescribeServices', { cluster: 'demo', services: ['web'] }).services[0].loadBalancers[0].targetGroupArn)
      .toBe('arn:aws:elasticloadbalancing:us-east-1:000011112222:targetgroup/demo-web/5ea1000000000001');
  });

  it('loads on a realtime document, as the playground does', () => {
    const api = new SandboxApi({ document: newDocument({ clock: 'realtime' }), wallClock: () => 0 });
    expect(loadScenario(api, 'demo').kind).toBe('demo');
    expect(api.document.clock.mode).toBe('realtime');
  });
});
