import { describe, expect, it } from 'vitest';
import { faultInput } from '../../../web/view/fault-request.ts';

describe('fault requests', () => {
  it.each([
    [{ fault: 'terminateInstance', cluster: 'demo', instance: 'ci-1' }, { input: { fault: 'terminateInstance', cluster: 'demo', containerInstance: 'ci-1' } }],
    [{ fault: 'terminateInstance', cluster: 'demo' }, { missing: 'Choose an instance.' }],
    [{ fault: 'disconnectAgent', cluster: 'demo', instance: 'ci-1', seconds: 30 }, { input: { fault: 'disconnectAgent', cluster: 'demo', containerInstance: 'ci-1', seconds: 30 } }],
    [{ fault: 'disconnectAgent', cluster: 'demo', instance: 'ci-1', seconds: 0 }, { input: { fault: 'disconnectAgent', cluster: 'demo', containerInstance: 'ci-1' } }],
    [{ fault: 'failTasks', cluster: 'demo', task: 't-1' }, { input: { fault: 'failTasks', cluster: 'demo', tasks: ['t-1'] } }],
    [{ fault: 'failTasks', cluster: 'demo' }, { missing: 'Choose a task.' }],
    [{ fault: 'unhealthyTargets', cluster: 'demo', service: 'web', seconds: 60 }, { input: { fault: 'unhealthyTargets', cluster: 'demo', service: 'web', seconds: 60 } }],
    [{ fault: 'unhealthyTargets', cluster: 'demo', service: 'web' }, { missing: 'Give the number of seconds.' }],
    [{ fault: 'unhealthyTargets', cluster: 'demo', seconds: 5 }, { missing: 'Choose a service with a load balancer.' }],
  ] as const)('%o → %o', (choice, expected) => expect(faultInput(choice)).toEqual(expected));
});
