// Evaluates a parsed expression against one container instance (semantics 5.4, 5.5). Used by memberOf
// (4.9) and ListContainerInstances' `filter`.
//
// Each predicate tests the subject's values: one value for most subjects, none when the attribute is
// missing (or agentVersion is unknown), and the groups of the live tasks for task:group (5.4). The
// positive operators (`==`, `in`, `=~`, `>`, `>=`, `<`, `<=`) hold when SOME value satisfies them, so
// they are false on a missing attribute (5.5), and task:group means "hosts at least one task of" (5.4).
// Each negated operator (`!=`, `!in`, `!~`) is the exact logical negation of its positive form (5.5):
// `attribute:stack != prod` is true for an instance without `stack`, and `task:group != X` means "hosts
// no task of group X". `exists` / `!exists` ask whether the attribute is there / the instance hosts any
// task.
//
// Decision (5.5 is silent): an attribute that exists WITHOUT a value (QueryInstance value null, as
// ECS's capability attributes such as `com.amazonaws.ecs.capability.privileged-container`) satisfies
// `exists` and fails `!exists`, but has no value to compare: `==`, `in`, `=~` and the ordering
// operators are false for it exactly as for a missing attribute, so `!=`, `!in` and `!~` are true. It
// is not the empty string: `attribute:x == ''` is false for it.
import { compareForOrdering } from './compare-values.ts';
import { regexOf } from './match-predicate-regex.ts';
import { parseRegisteredAt } from './parse-registered-at.ts';
import type { QueryExpression, QueryPredicate, QuerySubject } from './query-ast.ts';
import { matchRegex } from './regex/match-regex.ts';

export interface QueryInstance {
  /** attribute name → value; null = the attribute exists without a value; absent key = missing */
  attributes: Readonly<Record<string, string | null>>;
  /** groups of the live tasks on the instance (semantics 5.4) */
  taskGroups: readonly string[];
  agentConnected: boolean;
  agentVersion?: string;
  ec2InstanceId: string;
  /** epoch milliseconds */
  registeredAt: number;
  runningTasksCount: number;
}

const hasAttribute = (instance: QueryInstance, name: string) => Object.prototype.hasOwnProperty.call(instance.attributes, name);

/** The values a predicate on this subject is tested against (empty = missing or no value). */
function valuesOf(subject: QuerySubject, instance: QueryInstance): readonly string[] {
  switch (subject.kind) {
    case 'attribute': {
      const value = hasAttribute(instance, subject.name) ? instance.attributes[subject.name] : undefined;
      return typeof value === 'string' ? [value] : [];
    }
    case 'task:group':
      return instance.taskGroups;
    case 'agentConnected':
      return [String(instance.agentConnected)];
    case 'agentVersion':
      return instance.agentVersion === undefined ? [] : [instance.agentVersion];
    case 'ec2InstanceId':
      return [instance.ec2InstanceId];
    case 'registeredAt':
      return []; // compared as an instant, below
    case 'runningTasksCount':
      return [String(instance.runningTasksCount)];
  }
}

function exists(subject: QuerySubject, instance: QueryInstance): boolean {
  if (subject.kind === 'attribute') return hasAttribute(instance, subject.name);
  if (subject.kind === 'task:group') return instance.taskGroups.length > 0;
  return valuesOf(subject, instance).length > 0 || subject.kind === 'registeredAt';
}

function orderingHolds(operator: '==' | '>' | '>=' | '<' | '<=', cmp: number): boolean {
  switch (operator) {
    case '==': return cmp === 0;
    case '>': return cmp > 0;
    case '>=': return cmp >= 0;
    case '<': return cmp < 0;
    case '<=': return cmp <= 0;
  }
}

/** The positive form of a value predicate (`!=`, `!in`, `!~` are evaluated as `==`, `in`, `=~`). */
function holdsPositively(predicate: Exclude<QueryPredicate, { kind: 'existence' }>, instance: QueryInstance): boolean {
  const { subject } = predicate;
  switch (predicate.kind) {
    case 'list':
      return valuesOf(subject, instance).some((v) => predicate.values.includes(v));
    case 'match': {
      const program = regexOf(predicate);
      return valuesOf(subject, instance).some((v) => matchRegex(program, v));
    }
    case 'comparison': {
      const operator = predicate.operator === '!=' ? '==' : predicate.operator;
      if (subject.kind === 'registeredAt') {
        // 5.5: registeredAt compares instants, to the millisecond, with every operator.
        const instant = parseRegisteredAt(predicate.value);
        return instant !== undefined && orderingHolds(operator, Math.sign(instance.registeredAt - instant));
      }
      // 5.5: `==` compares strings exactly; the ordering operators follow compare-values.ts.
      if (operator === '==') return valuesOf(subject, instance).includes(predicate.value);
      const isAgentVersion = subject.kind === 'agentVersion';
      return valuesOf(subject, instance).some((v) =>
        orderingHolds(operator, compareForOrdering(v, predicate.value, isAgentVersion)));
    }
  }
}

const NEGATED = new Set(['!=', '!in', '!~']);

export function evaluateQuery(expression: QueryExpression, instance: QueryInstance): boolean {
  switch (expression.kind) {
    case 'and':
      return expression.operands.every((operand) => evaluateQuery(operand, instance));
    case 'or':
      return expression.operands.some((operand) => evaluateQuery(operand, instance));
    case 'not':
      return !evaluateQuery(expression.operand, instance);
    case 'existence':
      return exists(expression.subject, instance) === (expression.operator === 'exists');
    default: {
      const positive = holdsPositively(expression, instance);
      return NEGATED.has(expression.operator) ? !positive : positive;
    }
  }
}
