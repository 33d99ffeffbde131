import { describe, expect, it } from 'vitest';
import { compileMemberOf, type MemberOfTables } from '../../../../src/engine/placement/compile-member-of.ts';
import { evaluateQuery, type QueryInstance } from '../../../../src/query/evaluate-query.ts';
import { parseQuery } from '../../../../src/query/parse-query.ts';
import {
  OP_AND, OP_ANY_TASK, OP_FALSE, OP_GROUP_ANY, OP_LEAF, OP_NOT, OP_OR,
} from '../../../../src/placement/placement-codes.ts';

const instance = (attributes: Record<string, string | null>, extra: Partial<QueryInstance> = {}): QueryInstance => ({
  attributes, taskGroups: [], agentConnected: true, ec2InstanceId: 'i-1', registeredAt: 0, runningTasksCount: 0, ...extra,
});

const INSTANCES = [
  instance({ 'ecs.instance-type': 't2.small', 'ecs.availability-zone': 'us-east-1a', stack: 'prod' }),
  instance({ 'ecs.instance-type': 'c5.large', 'ecs.availability-zone': 'us-east-1b' }, { agentConnected: false }),
];
const KNOWN = ['service:web', 'service:db', 'family:batch'];

function compile(text: string) {
  const leafColumn = (p: Parameters<typeof evaluateQuery>[0]) => Int32Array.from(INSTANCES, (i) => (evaluateQuery(p, i) ? 1 : 0));
  const tables: MemberOfTables = { leafColumn, knownGroups: KNOWN, ops: [], leafColumns: [], groups: [] };
  compileMemberOf(parseQuery(text), tables);
  return { ops: tables.ops, leaves: tables.leafColumns.map((c) => [...c]), groups: tables.groups };
}

describe('compileMemberOf (semantics 5; placement-codes)', () => {
  it.each([
    // [expression, ops, leaf columns (instance 0, instance 1), groups]
    ['attribute:ecs.instance-type == t2.small', [OP_LEAF, 0], [[1, 0]], []],
    // 5.5: `!=` on a missing attribute is true (the leaf is the whole predicate, negation included)
    ['attribute:stack != prod', [OP_LEAF, 0], [[0, 1]], []],
    ['attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone != us-east-1d',
      [OP_LEAF, 0, OP_LEAF, 1, OP_AND, 0], [[1, 0], [1, 1]], []],
    ['agentConnected == true or not(attribute:stack exists)', [OP_LEAF, 0, OP_LEAF, 1, OP_NOT, 0, OP_OR, 0], [[1, 0], [1, 0]], []],
    ['task:group == service:production', [OP_GROUP_ANY, 0], [], ['service:production']],
    ['not(task:group == database)', [OP_GROUP_ANY, 0, OP_NOT, 0], [], ['database']],
    ['task:group != service:web', [OP_GROUP_ANY, 0, OP_NOT, 0], [], ['service:web']],
    ['task:group in [service:web, family:batch]', [OP_GROUP_ANY, 0, OP_GROUP_ANY, 1, OP_OR, 0], [], ['service:web', 'family:batch']],
    ['task:group !in [service:db]', [OP_GROUP_ANY, 0, OP_NOT, 0], [], ['service:db']],
    // a regex matches the known group names, whole-value (5.6)
    ['task:group =~ service:.*', [OP_GROUP_ANY, 0, OP_GROUP_ANY, 1, OP_OR, 0], [], ['service:web', 'service:db']],
    ['task:group !~ family:.*', [OP_GROUP_ANY, 0, OP_NOT, 0], [], ['family:batch']],
    ['task:group =~ nothing-.*', [OP_FALSE, 0], [], []],
    ['task:group exists', [OP_ANY_TASK, 0], [], []],
    ['task:group !exists', [OP_ANY_TASK, 0, OP_NOT, 0], [], []],
    ['task:group == a and task:group == a', [OP_GROUP_ANY, 0, OP_GROUP_ANY, 0, OP_AND, 0], [], ['a']],
  ])('%s', (text, ops, leaves, groups) => {
    expect(compile(text)).toEqual({ ops, leaves, groups });
  });
});
