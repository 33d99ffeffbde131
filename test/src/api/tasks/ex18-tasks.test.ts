// The task examples of EX18 (shared/spec/ecs-examples-1.2018-05-22.json), replayed with the document's
// account and region (123456789012 and us-east-1 for `012345678910`, `<aws_account_id>` and `<region>`).
// Nothing starts tasks yet, so each replay builds the example's tasks as records (test/builders/tasks.ts).
import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';
import { aTask, addTasks, taskDefinitionArnOf } from '../../../builders/tasks.ts';

const ecs = (resource: string) => `arn:aws:ecs:us-east-1:123456789012:${resource}`;

describe('EX18 task examples', () => {
  it('a90b0cde-f965-4946-b55e-cfd8cc54e827 (DescribeTasks by task id)', () => {
    const s = aSandbox();
    s.ecs('RegisterTaskDefinition', {
      family: 'amazon-ecs-sample',
      containerDefinitions: [{ name: 'ecs-demo', image: 'amazon/amazon-ecs-sample', memory: 128, portMappings: [{ containerPort: 80, hostPort: 80 }] }],
    });
    addTasks(s, [aTask('c5cba4eb-5dad-405e-96db-71ef8eefe6a8', taskDefinitionArnOf('amazon-ecs-sample', 1))
      .onInstance('18f9eda5-27d7-4c19-b133-45adc516e8fb')
      .startedBy('ecs-svc/9223370608528463088')
      .inGroup('service:ecs-demo')
      .withContainerIds('7c01765b-c588-45b3-8290-4ba38bd6c5a6')
      .withHostPort('ecs-demo', 80, 80)]);
    const expected = {
      failures: [],
      tasks: [{
        clusterArn: ecs('cluster/default'),
        containerInstanceArn: ecs('container-instance/18f9eda5-27d7-4c19-b133-45adc516e8fb'),
        containers: [{
          name: 'ecs-demo',
          containerArn: ecs('container/7c01765b-c588-45b3-8290-4ba38bd6c5a6'),
          lastStatus: 'RUNNING',
          networkBindings: [{ bindIP: '0.0.0.0', containerPort: 80, hostPort: 80 }],
          taskArn: ecs('task/c5cba4eb-5dad-405e-96db-71ef8eefe6a8'),
        }],
        desiredStatus: 'RUNNING',
        lastStatus: 'RUNNING',
        overrides: { containerOverrides: [{ name: 'ecs-demo' }] },
        startedBy: 'ecs-svc/9223370608528463088',
        taskArn: ecs('task/c5cba4eb-5dad-405e-96db-71ef8eefe6a8'),
        taskDefinitionArn: ecs('task-definition/amazon-ecs-sample:1'),
      }],
    };
    const output = s.ecs('DescribeTasks', { tasks: ['c5cba4eb-5dad-405e-96db-71ef8eefe6a8'] });
    expect(output).toMatchObject(expected);
    // Beyond the 2016 example: the binding's protocol, the container's (empty) ENI list, and the task's
    // sizes, version, group, launch type, attachments and times (normalised: the builder's clock).
    const task = output.tasks[0];
    expect(task.containers[0].networkBindings[0].protocol).toBe('tcp');
    expect(task.containers[0].networkInterfaces).toEqual([]);
    expect(Object.keys(task).sort()).toEqual([...Object.keys(expected.tasks[0]),
      'attachments', 'cpu', 'createdAt', 'group', 'launchType', 'memory', 'startedAt', 'version'].sort());
    expect(typeof task.createdAt).toBe('number');
  });

  describe('ListTasks', () => {
    const history = () => {
      const s = aSandbox();
      addTasks(s, [
        aTask('0cc43cdb-3bee-4407-9c26-c0e6ea5bee84', taskDefinitionArnOf('web', 1)).onInstance('f6bbb147-5370-4ace-8c73-c7181ded911f'),
        aTask('6b809ef6-c67e-4467-921f-ee261c15a0a1', taskDefinitionArnOf('web', 1)).onInstance('a1b2c3d4-0000-4000-8000-000000000000'),
      ]);
      return s;
    };

    it('9a6ec707-1a77-45d0-b2eb-516b5dd9e924 (the tasks of a cluster)', () => {
      expect(history().ecs('ListTasks', { cluster: 'default' })).toEqual({
        taskArns: [ecs('task/0cc43cdb-3bee-4407-9c26-c0e6ea5bee84'), ecs('task/6b809ef6-c67e-4467-921f-ee261c15a0a1')],
      });
    });

    it('024bf3b7-9cbb-44e3-848f-9d074e1fecce (the tasks on a container instance)', () => {
      expect(history().ecs('ListTasks', { cluster: 'default', containerInstance: 'f6bbb147-5370-4ace-8c73-c7181ded911f' })).toEqual({
        taskArns: [ecs('task/0cc43cdb-3bee-4407-9c26-c0e6ea5bee84')],
      });
    });
  });
});
