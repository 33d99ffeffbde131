// A container instance as the query language sees it (QueryInstance), with 2018-like defaults, so
// each query test states only the fields it is about.
import type { QueryInstance } from '../../src/query/evaluate-query.ts';

/** 2018-05-22T12:00:00.000Z */
export const REGISTERED_AT = Date.UTC(2018, 4, 22, 12, 0, 0);

export function aQueryInstance(overrides: Partial<QueryInstance> = {}): QueryInstance {
  return {
    attributes: {
      'ecs.instance-type': 't2.small',
      'ecs.availability-zone': 'us-east-1a',
      'ecs.os-type': 'linux',
      'com.amazonaws.ecs.capability.privileged-container': null,
    },
    taskGroups: [],
    agentConnected: true,
    agentVersion: '1.17.3',
    ec2InstanceId: 'i-0123456789abcdef0',
    registeredAt: REGISTERED_AT,
    runningTasksCount: 0,
    ...overrides,
  };
}

/** The defaults with some attributes added, replaced, or removed (undefined). */
export function withAttributes(attributes: Record<string, string | null | undefined>, overrides: Partial<QueryInstance> = {}): QueryInstance {
  const merged: Record<string, string | null> = { ...aQueryInstance().attributes };
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return aQueryInstance({ ...overrides, attributes: merged });
}
