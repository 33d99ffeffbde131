import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';
import { aWebService, taskStates } from '../../../builders/load-balanced-service.ts';
import { taskDefinitionArnOf } from '../../../builders/services.ts';

const WEB_1 = taskDefinitionArnOf('web', 1);
const WEB_2 = taskDefinitionArnOf('web', 2);

describe('EcsSandbox.PutTaskBehaviours', () => {
  it('fills in the defaults (start 10 s, exit 0 s) and returns the region\'s list', () => {
    const s = aSandbox();
    expect(s.sandbox('PutTaskBehaviours', { taskBehaviours: [{ taskDefinition: 'web' }] })).toEqual({
      taskBehaviours: [{ taskDefinition: 'web', startSeconds: 10, exitSeconds: 0 }],
    });
  });

  it('stores family:revision as the full ARN, and keeps every setting given', () => {
    const s = aSandbox();
    const out = s.sandbox('PutTaskBehaviours', {
      taskBehaviours: [{
        taskDefinition: 'web:2', startSeconds: 2.5, startFailureReason: 'CannotPullContainerError', exitSeconds: 30,
        containerUnhealthyAfterSeconds: 0, targetUnhealthyReason: 'Health checks failed with these codes: [404]',
      }],
    });
    expect(out.taskBehaviours).toEqual([{
      taskDefinition: WEB_2, startSeconds: 2.5, startFailureReason: 'CannotPullContainerError', exitSeconds: 30,
      containerUnhealthyAfterSeconds: 0, targetUnhealthyReason: 'Health checks failed with these codes: [404]',
    }]);
  });

  it('merges by taskDefinition: a known one is replaced whole and keeps its place, new ones are appended', () => {
    const s = aSandbox();
    s.sandbox('PutTaskBehaviours', { taskBehaviours: [{ taskDefinition: 'web', exitSeconds: 5 }, { taskDefinition: WEB_1, startSeconds: 1 }] });
    const out = s.sandbox('PutTaskBehaviours', { taskBehaviours: [{ taskDefinition: 'api' }, { taskDefinition: 'web', startSeconds: 3 }] });
    expect(out.taskBehaviours).toEqual([
      { taskDefinition: 'web', startSeconds: 3, exitSeconds: 0 }, // exitSeconds 5 is gone: the entry was replaced
      { taskDefinition: WEB_1, startSeconds: 1, exitSeconds: 0 },
      { taskDefinition: 'api', startSeconds: 10, exitSeconds: 0 },
    ]);
    expect(s.api.document.regions['us-east-1'].taskBehaviours).toEqual(out.taskBehaviours);
  });

  it('web:1 and its ARN name one entry', () => {
    const s = aSandbox();
    s.sandbox('PutTaskBehaviours', { taskBehaviours: [{ taskDefinition: 'web:1', startSeconds: 1 }] });
    expect(s.sandbox('PutTaskBehaviours', { taskBehaviours: [{ taskDefinition: WEB_1, startSeconds: 2 }] }).taskBehaviours)
      .toEqual([{ taskDefinition: WEB_1, startSeconds: 2, exitSeconds: 0 }]);
  });

  const E = (taskBehaviours: unknown) => ({ taskBehaviours });
  it.each([
    [{}, 'InvalidParameterException', 'taskBehaviours is required.'],
    [E('web'), 'SerializationException', 'taskBehaviours must be a list.'],
    [E([{}]), 'InvalidParameterException', 'taskBehaviours[0].taskDefinition is required.'],
    [E([{ taskDefinition: 'web', startSeconds: '5' }]), 'SerializationException', 'taskBehaviours[0].startSeconds must be a number.'],
    [E([{ taskDefinition: 'web', startFailureReason: 7 }]), 'SerializationException', 'taskBehaviours[0].startFailureReason must be a string.'],
    [E([{ taskDefinition: 'web:0' }]), 'InvalidParameterException',
      'Invalid task definition "web:0": expected a family, family:revision or a task definition ARN.'],
    [E([{ taskDefinition: 'web:latest' }]), 'InvalidParameterException',
      'Invalid task definition "web:latest": expected a family, family:revision or a task definition ARN.'],
    [E([{ taskDefinition: 'my web' }]), 'InvalidParameterException',
      'Invalid task definition "my web": expected a family, family:revision or a task definition ARN.'],
    [E([{ taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web' }]), 'InvalidParameterException',
      'Invalid task definition "arn:aws:ecs:us-east-1:123456789012:task-definition/web": expected a family, family:revision or a task definition ARN.'],
    [E([{ taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:service/web' }]), 'InvalidParameterException',
      'Invalid task definition "arn:aws:ecs:us-east-1:123456789012:service/web": expected a family, family:revision or a task definition ARN.'],
    [E([{ taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1' }]), 'InvalidParameterException',
      'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1 does not belong to region us-east-1 of account 123456789012.'],
    [E([{ taskDefinition: 'web', startSeconds: -1 }]), 'InvalidParameterException', 'taskBehaviours[0].startSeconds must be 0 or more, not -1.'],
    // SIGKILL comes 30 s after SIGTERM (10 step 4): no container takes longer to exit
    [E([{ taskDefinition: 'web', exitSeconds: 30.5 }]), 'InvalidParameterException', 'taskBehaviours[0].exitSeconds must be from 0 to 30, not 30.5.'],
    [E([{ taskDefinition: 'web', exitSeconds: -1 }]), 'InvalidParameterException', 'taskBehaviours[0].exitSeconds must be from 0 to 30, not -1.'],
    [E([{ taskDefinition: 'web' }, { taskDefinition: 'api', containerUnhealthyAfterSeconds: -5 }]), 'InvalidParameterException',
      'taskBehaviours[1].containerUnhealthyAfterSeconds must be 0 or more, not -5.'],
    [E([{ taskDefinition: 'web:1' }, { taskDefinition: WEB_1 }]), 'InvalidParameterException',
      `Task definition ${WEB_1} appears more than once in the request.`],
  ])('%j → %s', (input, code, message) => {
    const s = aSandbox();
    s.sandbox('PutTaskBehaviours', { taskBehaviours: [{ taskDefinition: 'kept', startSeconds: 4 }] });
    const e = s.error('EcsSandbox.PutTaskBehaviours', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });
});

describe('EcsSandbox.DeleteTaskBehaviours', () => {
  it('removes the named entries (a revision by family:revision or ARN) and returns the rest', () => {
    const s = aSandbox();
    s.sandbox('PutTaskBehaviours', { taskBehaviours: [{ taskDefinition: 'web' }, { taskDefinition: 'web:1' }, { taskDefinition: 'api' }] });
    expect(s.sandbox('DeleteTaskBehaviours', { taskDefinitions: [WEB_1, 'api'] })).toEqual({
      taskBehaviours: [{ taskDefinition: 'web', startSeconds: 10, exitSeconds: 0 }],
    });
  });

  it.each([
    [{}, 'InvalidParameterException', 'taskDefinitions is required.'],
    [{ taskDefinitions: [7] }, 'SerializationException', 'taskDefinitions[0] must be a string.'],
    [{ taskDefinitions: ['web:x'] }, 'InvalidParameterException',
      'Invalid task definition "web:x": expected a family, family:revision or a task definition ARN.'],
    // all or nothing: web exists, web:2 has no entry of its own
    [{ taskDefinitions: ['web', 'web:2'] }, 'InvalidParameterException', `No task behaviour is set for ${WEB_2}.`],
    [{ taskDefinitions: ['api'] }, 'InvalidParameterException', 'No task behaviour is set for api.'],
  ])('%j → %s', (input, code, message) => {
    const s = aSandbox();
    s.sandbox('PutTaskBehaviours', { taskBehaviours: [{ taskDefinition: 'web' }] });
    const e = s.error('EcsSandbox.DeleteTaskBehaviours', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });
});

describe('task behaviours drive the scheduler (3.2, 11, D46)', () => {
  it('startSeconds: placed at the step at 1 s, RUNNING at 1 + 3 = 4 s', () => {
    const w = aWebService({ loadBalancer: 'none', desiredCount: 1 });
    w.s.sandbox('PutTaskBehaviours', { taskBehaviours: [{ taskDefinition: 'web', startSeconds: 3 }] });
    w.advance(3);
    expect(taskStates(w)).toEqual([['PENDING', 'RUNNING']]);
    w.advance(1);
    expect(taskStates(w)).toEqual([['RUNNING', 'RUNNING']]);
  });

  it('an entry for the revision wins over the family\'s', () => {
    const w = aWebService({ loadBalancer: 'none', desiredCount: 1 });
    w.s.sandbox('PutTaskBehaviours', { taskBehaviours: [{ taskDefinition: 'web', startSeconds: 30 }, { taskDefinition: 'web:1', startSeconds: 1 }] });
    w.advance(2); // placed at 1 s, RUNNING at 1 + 1 = 2 s
    expect(taskStates(w)).toEqual([['RUNNING', 'RUNNING']]);
  });

  it('startFailureReason: PENDING → STOPPED with that reason at 1 + 10 = 11 s (section 11)', () => {
    const w = aWebService({ loadBalancer: 'none', desiredCount: 1 });
    w.s.sandbox('PutTaskBehaviours', { taskBehaviours: [{ taskDefinition: 'web', startFailureReason: 'CannotPullContainerError: image not found' }] });
    w.advance(11);
    const [task] = w.state.tasks;
    expect([task.lastStatus, task.stoppedReason]).toEqual(['STOPPED', 'CannotPullContainerError: image not found']);
    expect(w.state.services[0].startFailures).toBe(1);
  });

  it('containerUnhealthyAfterSeconds: RUNNING at 11 s, stopping at 11 + 5 = 16 s with the D46 reason and replaced', () => {
    const w = aWebService({ loadBalancer: 'none', desiredCount: 1 });
    w.s.sandbox('PutTaskBehaviours', { taskBehaviours: [{ taskDefinition: 'web', containerUnhealthyAfterSeconds: 5 }] });
    w.advance(15);
    expect(taskStates(w)).toEqual([['RUNNING', 'RUNNING']]);
    w.advance(1); // 16 s: SIGTERM, and the service step launches the replacement
    expect(w.state.tasks[0].stoppedReason).toBe('Task failed container health checks.');
    expect(taskStates(w)).toEqual([['RUNNING', 'STOPPED'], ['PENDING', 'RUNNING']]);
    w.advance(1); // 17 s: exitSeconds 0, so the exit is due at 16 s and takes effect at the next step
    expect(taskStates(w)).toEqual([['STOPPED', 'STOPPED'], ['PENDING', 'RUNNING']]);
  });

  it('exitSeconds: a scale-in stop exits 4 s after SIGTERM', () => {
    const w = aWebService({ loadBalancer: 'none', desiredCount: 1 });
    w.s.sandbox('PutTaskBehaviours', { taskBehaviours: [{ taskDefinition: 'web', exitSeconds: 4 }] });
    w.advance(11);
    w.s.ecs('UpdateService', { service: 'web', desiredCount: 0 });
    w.advance(1); // 12 s: SIGTERM (no load balancer to drain)
    w.advance(3); // 15 s: still exiting
    expect(taskStates(w)).toEqual([['RUNNING', 'STOPPED']]);
    w.advance(1); // 16 s = 12 + 4
    expect(taskStates(w)).toEqual([['STOPPED', 'STOPPED']]);
  });
});
