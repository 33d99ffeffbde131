import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';
import { containerInstanceArnOf } from '../../../builders/tasks.ts';
import { aTaskDefinition, anInstance, instanceIdOfTask } from '../../../builders/placement.ts';

describe('StartTask (semantics 4.12)', () => {
  it('places one task on each named instance, in request order; ids and ARNs both name instances', () => {
    const s = aSandbox();
    const a = anInstance(s);
    const b = anInstance(s);
    aTaskDefinition(s, 'web');
    const out = s.ecs('StartTask', { taskDefinition: 'web', containerInstances: [containerInstanceArnOf(b.id), a.id], startedBy: 'me' });
    expect(out.tasks.map(instanceIdOfTask)).toEqual([b.id, a.id]);
    expect(out.tasks[0]).toMatchObject({ group: 'family:web', startedBy: 'me', lastStatus: 'PENDING' });
    expect(out.failures).toEqual([]);
  });

  it('MISSING and INACTIVE instances, and a stage failure, each get an entry', () => {
    const s = aSandbox();
    const small = anInstance(s, { memory: 128 });
    const gone = anInstance(s);
    s.ecs('DeregisterContainerInstance', { containerInstance: gone.id });
    aTaskDefinition(s, 'web');
    const unknown = '0cc43cdb-3bee-4407-9c26-c0e6ea5bee84';
    const out = s.ecs('StartTask', { taskDefinition: 'web', containerInstances: [unknown, gone.id, small.id] });
    expect(out).toEqual({
      tasks: [],
      failures: [
        { arn: containerInstanceArnOf(unknown), reason: 'MISSING' },
        { arn: containerInstanceArnOf(gone.id), reason: 'INACTIVE' },
        // 256 MiB needed, 128 registered (4.4)
        { arn: containerInstanceArnOf(small.id), reason: 'RESOURCE:MEMORY' },
      ],
    });
  });

  it('checks stages 1–6 only: task-definition constraints do not apply, a DRAINING instance is used', () => {
    const s = aSandbox();
    const only = anInstance(s, { az: 'us-east-1a' });
    s.ecs('UpdateContainerInstancesState', { containerInstances: [only.id], status: 'DRAINING' });
    aTaskDefinition(s, 'web', {}, { placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone == us-east-1b' }] });
    const out = s.ecs('StartTask', { taskDefinition: 'web', containerInstances: [only.id] });
    expect(out.tasks.map(instanceIdOfTask)).toEqual([only.id]);
  });

  it('a second static-port task on the same instance fails RESOURCE:PORTS (each placement sees the earlier ones)', () => {
    const s = aSandbox();
    const only = anInstance(s);
    aTaskDefinition(s, 'web', { portMappings: [{ containerPort: 80, hostPort: 80 }] });
    const out = s.ecs('StartTask', { taskDefinition: 'web', containerInstances: [only.id, only.id] });
    expect(out.tasks).toHaveLength(1);
    expect(out.failures).toEqual([{ arn: containerInstanceArnOf(only.id), reason: 'RESOURCE:PORTS' }]);
  });

  it.each([
    ['an empty list', [], 'containerInstances cannot be empty.'],
    ['more than 10', Array.from({ length: 11 }, (_, i) => `id-${i}`), 'containerInstances can have at most 10 items.'],
  ])('refuses %s of containerInstances', (_what, containerInstances, message) => {
    const s = aSandbox();
    aTaskDefinition(s, 'web');
    const e = s.ecsError('StartTask', { taskDefinition: 'web', containerInstances });
    expect([e.code, e.message]).toEqual(['InvalidParameterException', message]);
  });
});
