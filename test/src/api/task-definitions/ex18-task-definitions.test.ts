// The task-definition examples of EX18 (shared/spec/ecs-examples-1.2018-05-22.json), replayed with the
// document's account (123456789012 for `<aws_account_id>`). EX18's outputs date from 2016 and predate
// `status`, `compatibilities`, `placementConstraints`, `requiresAttributes` and `requiresCompatibilities`
// and the port-mapping `protocol`; the sandbox returns those too, so each replay asserts the example's
// output as a subset and then names every extra member.
import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';

const ACCOUNT = '123456789012';
const td = (family: string, revision: number) => `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/${family}:${revision}`;
const EXTRAS_EC2 = { status: 'ACTIVE', compatibilities: ['EC2'], placementConstraints: [], requiresAttributes: [], requiresCompatibilities: [] };

describe('EX18 task-definition examples', () => {
  it('to-register-a-task-definition-1470764550877', () => {
    const s = aSandbox();
    const output = s.ecs('RegisterTaskDefinition', {
      containerDefinitions: [{ name: 'sleep', command: ['sleep', '360'], cpu: 10, essential: true, image: 'busybox', memory: 10 }],
      family: 'sleep360',
      taskRoleArn: '',
      volumes: [],
    });
    const expected = {
      taskDefinition: {
        containerDefinitions: [{
          name: 'sleep', command: ['sleep', '360'], cpu: 10, environment: [], essential: true, image: 'busybox',
          memory: 10, mountPoints: [], portMappings: [], volumesFrom: [],
        }],
        family: 'sleep360',
        revision: 1,
        // EX18 prints `sleep360:19` beside `revision: 1`; the first revision's ARN ends in :1.
        taskDefinitionArn: td('sleep360', 1),
        volumes: [],
      },
    };
    expect(output).toEqual({ taskDefinition: { ...expected.taskDefinition, ...EXTRAS_EC2 } });
    // no taskRoleArn (registered as "") and no networkMode (none given), as in EX18
    expect(output.taskDefinition).not.toHaveProperty('taskRoleArn');
    expect(output.taskDefinition).not.toHaveProperty('networkMode');
  });

  it('4c21eeb1-f1da-4a08-8c44-297fc8d0ea88 (DescribeTaskDefinition hello_world:8)', () => {
    const s = aSandbox();
    const containerDefinitions = [
      { name: 'wordpress', cpu: 10, essential: true, image: 'wordpress', links: ['mysql'], memory: 500,
        portMappings: [{ containerPort: 80, hostPort: 80 }] },
      { name: 'mysql', cpu: 10, environment: [{ name: 'MYSQL_ROOT_PASSWORD', value: 'password' }], essential: true,
        image: 'mysql', memory: 500 },
    ];
    for (let i = 0; i < 8; i++) s.ecs('RegisterTaskDefinition', { family: 'hello_world', containerDefinitions });
    const output = s.ecs('DescribeTaskDefinition', { taskDefinition: 'hello_world:8' });
    const expected = {
      taskDefinition: {
        containerDefinitions: [
          { name: 'wordpress', cpu: 10, environment: [], essential: true, image: 'wordpress', links: ['mysql'], memory: 500,
            mountPoints: [], portMappings: [{ containerPort: 80, hostPort: 80 }], volumesFrom: [] },
          { name: 'mysql', cpu: 10, environment: [{ name: 'MYSQL_ROOT_PASSWORD', value: 'password' }], essential: true,
            image: 'mysql', memory: 500, mountPoints: [], portMappings: [], volumesFrom: [] },
        ],
        family: 'hello_world',
        revision: 8,
        taskDefinitionArn: td('hello_world', 8),
        volumes: [],
      },
    };
    expect(output).toMatchObject(expected);
    // the extras: 2018 members and the port mapping's protocol (tcp by default)
    expect(output.taskDefinition).toEqual({ ...expected.taskDefinition, ...EXTRAS_EC2, containerDefinitions: [
      { ...expected.taskDefinition.containerDefinitions[0], portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }] },
      expected.taskDefinition.containerDefinitions[1],
    ] });
  });

  describe('ListTaskDefinitions', () => {
    // A history that leaves exactly EX18's ACTIVE revisions: sleep300:1–2 (1 deregistered), sleep360:1,
    // wordpress:1–6 (1 and 2 deregistered).
    const history = () => {
      const s = aSandbox();
      const register = (family: string, times: number) => {
        for (let i = 0; i < times; i++) {
          s.ecs('RegisterTaskDefinition', { family, containerDefinitions: [{ name: 'c', image: 'busybox', memory: 10 }] });
        }
      };
      register('wordpress', 6);
      register('sleep360', 1);
      register('sleep300', 2);
      for (const ref of ['sleep300:1', 'wordpress:1', 'wordpress:2']) s.ecs('DeregisterTaskDefinition', { taskDefinition: ref });
      return s;
    };

    it('b381ebaf-7eba-4d60-b99b-7f6ae49d3d60 (all)', () => {
      expect(history().ecs('ListTaskDefinitions', {})).toEqual({
        taskDefinitionArns: [td('sleep300', 2), td('sleep360', 1), td('wordpress', 3), td('wordpress', 4), td('wordpress', 5), td('wordpress', 6)],
      });
    });

    it('734e7afd-753a-4bc2-85d0-badddce10910 (familyPrefix wordpress)', () => {
      expect(history().ecs('ListTaskDefinitions', { familyPrefix: 'wordpress' })).toEqual({
        taskDefinitionArns: [td('wordpress', 3), td('wordpress', 4), td('wordpress', 5), td('wordpress', 6)],
      });
    });
  });

  describe('ListTaskDefinitionFamilies', () => {
    const history = () => {
      const s = aSandbox();
      for (const family of ['node-js-app', 'web-timer', 'hpcc', 'hpcc-c4-8xlarge']) {
        s.ecs('RegisterTaskDefinition', { family, containerDefinitions: [{ name: 'c', image: 'busybox', memory: 10 }] });
      }
      return s;
    };

    it('b5c89769-1d94-4ca2-a79e-8069103c7f75 (all)', () => {
      expect(history().ecs('ListTaskDefinitionFamilies', {})).toEqual({ families: ['node-js-app', 'web-timer', 'hpcc', 'hpcc-c4-8xlarge'] });
    });

    it('8a4cf9a6-42c1-4fe3-852d-99ac8968e11b (familyPrefix hpcc)', () => {
      expect(history().ecs('ListTaskDefinitionFamilies', { familyPrefix: 'hpcc' })).toEqual({ families: ['hpcc', 'hpcc-c4-8xlarge'] });
    });
  });
});
