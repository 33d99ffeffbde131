import { describe, expect, it } from 'vitest';
import {
  emptyTaskDefinitionForm, registerTaskDefinitionRequest, taskDefinitionFormFromJson, taskDefinitionFormProblems, type TaskDefinitionForm,
} from '../../../web/editors/task-definition-form.ts';

describe('task definition form → RegisterTaskDefinition request', () => {
  it('a new form: one container, unset members absent', () => {
    const form = { ...emptyTaskDefinitionForm(), family: 'web' };
    expect(JSON.stringify(registerTaskDefinitionRequest(form))).toBe(
      '{"family":"web","containerDefinitions":[{"name":"app","image":"nginx:latest","memory":256,"essential":true}]}');
  });

  it('every field, in model member order', () => {
    const form: TaskDefinitionForm = {
      family: 'api', networkMode: 'awsvpc', cpu: '256', memory: '512', requiresCompatibilities: ['EC2', 'FARGATE'],
      placementConstraints: ['attribute:ecs.instance-type =~ t2.*'],
      containers: [
        { name: 'api', image: 'api:1', cpu: '128', memory: '', memoryReservation: '256', essential: true,
          portMappings: [{ containerPort: '8080', hostPort: '8080', protocol: 'tcp' }], extra: {} },
        { name: 'sidecar', image: 'envoy', cpu: '', memory: '128', memoryReservation: '', essential: false, portMappings: [], extra: { command: ['run'] } },
      ],
      extra: {},
    };
    expect(JSON.stringify(registerTaskDefinitionRequest(form))).toBe(JSON.stringify({
      family: 'api', networkMode: 'awsvpc',
      containerDefinitions: [
        { name: 'api', image: 'api:1', cpu: 128, memoryReservation: 256, portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }], essential: true },
        { name: 'sidecar', image: 'envoy', memory: 128, essential: false, command: ['run'] },
      ],
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t2.*' }],
      requiresCompatibilities: ['EC2', 'FARGATE'], cpu: '256', memory: '512',
    }));
    expect(taskDefinitionFormFromJson(registerTaskDefinitionRequest(form) as unknown as Record<string, unknown>)).toEqual(form);
  });

  it.each([
    ['minimal', { family: 'f', containerDefinitions: [{ name: 'c', image: 'i', memory: 128 }] }],
    ['bridge with a dynamic host port', { family: 'web', networkMode: 'bridge', containerDefinitions: [{ name: 'web', image: 'nginx', memoryReservation: 128, portMappings: [{ containerPort: 80, hostPort: 0 }], essential: true }] }],
    ['members the form does not edit are kept', { family: 'f', taskRoleArn: 'arn:aws:iam::1:role/r', containerDefinitions: [{ name: 'c', image: 'i', memory: 64, environment: [{ name: 'A', value: '1' }] }], volumes: [] }],
  ])('request → form → request: %s', (_name, request) => {
    expect(registerTaskDefinitionRequest(taskDefinitionFormFromJson(request))).toEqual(request);
  });

  it('a described task definition drops what registering does not take (requiresAttributes is not a 2018 request member)', () => {
    const described = {
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3', family: 'web', revision: 3, status: 'ACTIVE',
      containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }], requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }],
      compatibilities: ['EC2'], volumes: [], placementConstraints: [],
    };
    expect(registerTaskDefinitionRequest(taskDefinitionFormFromJson(described))).toEqual({
      family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }], volumes: [],
    });
  });

  it('flags numbers that are not whole numbers by request path', () => {
    const form = emptyTaskDefinitionForm();
    form.containers[0].memory = '12x';
    form.containers[0].portMappings = [{ containerPort: '80', hostPort: 'abc', protocol: '' }];
    expect(taskDefinitionFormProblems(form)).toEqual({
      'containerDefinitions[0].memory': 'Enter a whole number.',
      'containerDefinitions[0].portMappings[0].hostPort': 'Enter a whole number.',
    });
  });
});
