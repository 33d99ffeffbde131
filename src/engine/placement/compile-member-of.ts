// A memberOf expression (semantics 5) as the postfix program of placement-codes.ts. Every predicate
// that does not read task:group is static for the whole batch: it becomes a LEAF whose bit column is
// the predicate evaluated per instance by evaluate-query.ts (so comparison, regex and missing-attribute
// semantics are the query language's own; the caller may cache columns, 3.4). task:group predicates change as the batch places tasks,
// so they stay symbolic (5.4): `== X` → GROUP_ANY X; `in [..]` / `=~ re` → OR of GROUP_ANY over the
// listed groups / the known groups the regex matches; `exists` → ANY_TASK. Each negation (`!=`,
// `!in`, `!~`, `!exists`) is NOT of its positive form, exactly as 5.5 defines it.
import { evaluateQuery } from '../../query/evaluate-query.ts';
import type { QueryExpression, QueryPredicate } from '../../query/query-ast.ts';
import {
  OP_AND, OP_ANY_TASK, OP_FALSE, OP_GROUP_ANY, OP_LEAF, OP_NOT, OP_OR,
} from '../../placement/placement-codes.ts';

export interface MemberOfTables {
  /** A static predicate evaluated per instance, in problem order: a 0/1 column. */
  readonly leafColumn: (predicate: QueryPredicate) => Int32Array;
  /** Every group a regex may match: the groups of the cluster's live tasks and the batch's own. */
  readonly knownGroups: readonly string[];
  /** Output: (op, operand) pairs, appended. */
  readonly ops: number[];
  /** Output: one 0/1 column (per instance) per leaf, appended. */
  readonly leafColumns: Int32Array[];
  /** Output: the interned task groups GROUP_ANY refers to. */
  readonly groups: string[];
}

const NEGATIVE: Record<string, QueryPredicate['operator']> = { '!=': '==', '!in': 'in', '!~': '=~', '!exists': 'exists' };

function internGroup(tables: MemberOfTables, group: string): number {
  const found = tables.groups.indexOf(group);
  if (found >= 0) return found;
  tables.groups.push(group);
  return tables.groups.length - 1;
}

/** Pushes the OR of GROUP_ANY over `groups` (FALSE when there are none). */
function emitAnyOf(tables: MemberOfTables, groups: readonly string[]): void {
  const distinct = [...new Set(groups)];
  if (distinct.length === 0) {
    tables.ops.push(OP_FALSE, 0);
    return;
  }
  distinct.forEach((g, k) => {
    tables.ops.push(OP_GROUP_ANY, internGroup(tables, g));
    if (k > 0) tables.ops.push(OP_OR, 0);
  });
}

/** The positive form of a task:group predicate. */
function emitTaskGroup(tables: MemberOfTables, predicate: QueryPredicate): void {
  switch (predicate.kind) {
    case 'existence':
      tables.ops.push(OP_ANY_TASK, 0);
      return;
    case 'comparison': // only == reaches here (5.3: task:group takes == and !=)
      emitAnyOf(tables, [predicate.value]);
      return;
    case 'list':
      emitAnyOf(tables, predicate.values);
      return;
    case 'match': {
      // 5.4: true when any group on the instance matches; so, over the groups that can be there.
      const positive: QueryPredicate = { ...predicate, operator: '=~' };
      const matching = tables.knownGroups.filter((g) =>
        evaluateQuery(positive, { attributes: {}, taskGroups: [g], agentConnected: false, ec2InstanceId: '', registeredAt: 0, runningTasksCount: 0 }));
      emitAnyOf(tables, matching);
    }
  }
}

function emitLeaf(tables: MemberOfTables, predicate: QueryPredicate): void {
  const column = tables.leafColumn(predicate);
  tables.ops.push(OP_LEAF, tables.leafColumns.length);
  tables.leafColumns.push(column);
}

export function compileMemberOf(expression: QueryExpression, tables: MemberOfTables): void {
  switch (expression.kind) {
    case 'not':
      compileMemberOf(expression.operand, tables);
      tables.ops.push(OP_NOT, 0);
      return;
    case 'and':
    case 'or': {
      const op = expression.kind === 'and' ? OP_AND : OP_OR;
      expression.operands.forEach((operand, k) => {
        compileMemberOf(operand, tables);
        if (k > 0) tables.ops.push(op, 0);
      });
      return;
    }
    default: {
      if (expression.subject.kind !== 'task:group') {
        emitLeaf(tables, expression);
        return;
      }
      const positive = NEGATIVE[expression.operator];
      if (positive === undefined) {
        emitTaskGroup(tables, expression);
        return;
      }
      emitTaskGroup(tables, { ...expression, operator: positive } as QueryPredicate);
      tables.ops.push(OP_NOT, 0);
    }
  }
}
