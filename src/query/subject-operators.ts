// Which operators each subject accepts (semantics 5.3; DG23 for the five later subjects).
// Any other pairing is a parse error: `operator '<op>' is not valid for <subject>` (D48).
import type { PredicateOperator, QuerySubject } from './query-ast.ts';

const EQUALITY = ['==', '!='] as const;
const ORDERING = ['>', '>=', '<', '<='] as const;
const EXISTENCE = ['exists', '!exists'] as const;
const LIST = ['in', '!in'] as const;
const MATCH = ['=~', '!~'] as const;

export const OPERATORS_BY_SUBJECT: Readonly<Record<QuerySubject['kind'], readonly PredicateOperator[]>> = {
  attribute: [...EQUALITY, ...ORDERING, ...EXISTENCE, ...LIST, ...MATCH],
  'task:group': [...EQUALITY, ...EXISTENCE, ...LIST, ...MATCH],
  agentConnected: [...EQUALITY, ...LIST, ...MATCH],
  ec2InstanceId: [...EQUALITY, ...LIST, ...MATCH],
  agentVersion: [...EQUALITY, ...ORDERING],
  registeredAt: [...EQUALITY, ...ORDERING],
  runningTasksCount: [...EQUALITY, ...ORDERING],
};

export function isOperatorValidFor(subject: QuerySubject, operator: PredicateOperator): boolean {
  return OPERATORS_BY_SUBJECT[subject.kind].includes(operator);
}
