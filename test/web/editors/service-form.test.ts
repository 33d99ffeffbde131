import { describe, expect, it } from 'vitest';
import {
  createServiceRequest, emptyServiceForm, serviceFormFromCreateRequest, serviceFormFromService, serviceFormFromUpdateRequest,
  serviceFormProblems, updateServiceRequest, type ServiceForm,
} from '../../../web/editors/service-form.ts';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/demo-web/5ea1000000000001';

const fullForm = (): ServiceForm => ({
  ...emptyServiceForm('demo'),
  serviceName: 'web', taskDefinition: 'web:2', desiredCount: '4', launchType: 'EC2', role: 'ecsServiceRole', clientToken: 'tok-1',
  maximumPercent: '200', minimumHealthyPercent: '50',
  placementConstraints: [{ type: 'distinctInstance', expression: '' }, { type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t2.*' }],
  placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
  loadBalancers: [{ targetGroupArn: TG, loadBalancerName: '', containerName: 'web', containerPort: '80' }],
  serviceRegistries: [{ registryArn: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1', containerName: 'web', containerPort: '80', port: '' }],
  healthCheckGracePeriodSeconds: '30',
});

describe('service form → CreateService request', () => {
  it('a new form sends only the required members (and the cluster)', () => {
    const form = { ...emptyServiceForm('demo'), serviceName: 'web', taskDefinition: 'web' };
    expect(createServiceRequest(form)).toEqual({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    expect(JSON.stringify(createServiceRequest(form))).toBe('{"cluster":"demo","serviceName":"web","taskDefinition":"web","desiredCount":1}');
  });

  it('every field, in model member order, with empty members absent', () => {
    expect(JSON.stringify(createServiceRequest(fullForm()), null, 1)).toBe(JSON.stringify({
      cluster: 'demo', serviceName: 'web', taskDefinition: 'web:2',
      loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 80 }],
      serviceRegistries: [{ registryArn: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1', containerName: 'web', containerPort: 80 }],
      desiredCount: 4, clientToken: 'tok-1', launchType: 'EC2', role: 'ecsServiceRole',
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 50 },
      placementConstraints: [{ type: 'distinctInstance' }, { type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t2.*' }],
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
      healthCheckGracePeriodSeconds: 30,
    }, null, 1));
  });

  it('awsvpc network configuration: lists split on commas and spaces; unset members absent', () => {
    const form = { ...emptyServiceForm(''), serviceName: 'api', taskDefinition: 'api', desiredCount: '2', awsvpc: true, subnets: 'subnet-5ea1a000, subnet-5ea1b000 subnet-5ea1c000' };
    expect(createServiceRequest(form)).toEqual({
      serviceName: 'api', taskDefinition: 'api', desiredCount: 2,
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-5ea1a000', 'subnet-5ea1b000', 'subnet-5ea1c000'] } },
    });
    const withAll = { ...form, securityGroups: 'sg-5ea15ec0', assignPublicIp: 'DISABLED' };
    expect(createServiceRequest(withAll).networkConfiguration).toEqual({
      awsvpcConfiguration: { subnets: ['subnet-5ea1a000', 'subnet-5ea1b000', 'subnet-5ea1c000'], securityGroups: ['sg-5ea15ec0'], assignPublicIp: 'DISABLED' },
    });
    // awsvpc ticked with no subnets: sent as [] so the API answers `subnets can not be empty.` (15.1 #14)
    expect(createServiceRequest({ ...form, subnets: '' }).networkConfiguration).toEqual({ awsvpcConfiguration: { subnets: [] } });
  });

  it('a value that is not a whole number is sent as typed (the API answers) and flagged by the form', () => {
    const form = { ...emptyServiceForm(), serviceName: 'web', taskDefinition: 'web', desiredCount: '2.5' };
    expect(createServiceRequest(form).desiredCount).toBe('2.5');
    expect(serviceFormProblems(form)).toEqual({ desiredCount: 'Enter a whole number.' });
    expect(serviceFormProblems(fullForm())).toEqual({});
  });

  it('members the form does not edit are kept and sent (D1)', () => {
    const json = { serviceName: 'web', taskDefinition: 'web', desiredCount: 1, tags: [{ key: 'a' }] };
    expect(createServiceRequest(serviceFormFromCreateRequest(json))).toEqual(json);
  });
});

describe('CreateService request → form → request round trips', () => {
  it.each([
    ['the full form', createServiceRequest(fullForm())],
    ['required members only', { serviceName: 's', taskDefinition: 'td:1', desiredCount: 0 }],
    ['FARGATE with awsvpc', {
      cluster: 'c', serviceName: 's', taskDefinition: 'td', desiredCount: 3, launchType: 'FARGATE', platformVersion: 'LATEST',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1', 'sg-2'], assignPublicIp: 'ENABLED' } },
    }],
    ['a Classic load balancer and a registry by port', {
      serviceName: 's', taskDefinition: 'td', desiredCount: 1,
      loadBalancers: [{ loadBalancerName: 'classic', containerName: 'web', containerPort: 80 }],
      serviceRegistries: [{ registryArn: 'arn:r', port: 8080 }],
      deploymentConfiguration: { minimumHealthyPercent: 0 },
    }],
  ])('%s', (_name, request) => {
    expect(createServiceRequest(serviceFormFromCreateRequest(request as unknown as Record<string, unknown>))).toEqual(request);
  });

  it('form → request → form gives the same form', () => {
    expect(serviceFormFromCreateRequest(createServiceRequest(fullForm()) as unknown as Record<string, unknown>)).toEqual(fullForm());
  });
});

describe('existing service → UpdateService request', () => {
  const described = {
    serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/web', serviceName: 'web', clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo',
    loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 80 }], serviceRegistries: [], status: 'ACTIVE',
    desiredCount: 4, runningCount: 4, pendingCount: 0, launchType: 'EC2',
    taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2',
    deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 }, deployments: [], events: [],
    roleArn: 'arn:aws:iam::123456789012:role/ecsServiceRole', placementConstraints: [], placementStrategy: [{ type: 'binpack', field: 'memory' }],
    healthCheckGracePeriodSeconds: 0,
  };
  const original = serviceFormFromService(described);

  it('reads DescribeServices output: cluster and task definition by short name', () => {
    expect(original).toMatchObject({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web:2', desiredCount: '4', role: described.roleArn,
      maximumPercent: '200', minimumHealthyPercent: '100', placementStrategy: [{ type: 'binpack', field: 'memory' }], extra: {} });
  });

  it('unchanged: only cluster and service', () => {
    expect(updateServiceRequest(original, original)).toEqual({ cluster: 'demo', service: 'web' });
  });

  it('sends only the changed updatable members, a partial deploymentConfiguration merged by the API (9.6)', () => {
    const edited = { ...original, desiredCount: '6', minimumHealthyPercent: '50', taskDefinition: 'web:3', forceNewDeployment: true };
    expect(JSON.stringify(updateServiceRequest(edited, original))).toBe(JSON.stringify({
      cluster: 'demo', service: 'web', desiredCount: 6, taskDefinition: 'web:3', deploymentConfiguration: { minimumHealthyPercent: 50 }, forceNewDeployment: true,
    }));
  });

  it('read-only members (placement, load balancers, role) never reach UpdateService', () => {
    const edited = { ...original, placementStrategy: [], role: 'other', loadBalancers: [] };
    expect(updateServiceRequest(edited, original)).toEqual({ cluster: 'demo', service: 'web' });
  });

  it('UpdateService JSON → form keeps what it does not name, and round trips', () => {
    const json = { cluster: 'demo', service: 'web', desiredCount: 2, deploymentConfiguration: { maximumPercent: 150 }, healthCheckGracePeriodSeconds: 60 };
    const form = serviceFormFromUpdateRequest(json, original);
    expect(form).toMatchObject({ desiredCount: '2', maximumPercent: '150', minimumHealthyPercent: '100', taskDefinition: 'web:2', healthCheckGracePeriodSeconds: '60' });
    expect(updateServiceRequest(form, original)).toEqual(json);
  });
});
