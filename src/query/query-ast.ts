// The syntax tree of the cluster query language (semantics 5.1). Parentheses leave no node: they
// only shape the tree. `and`/`or` are n-ary (≥ 2 operands) for a chain written without parentheses;
// a parenthesised operand of the same kind stays nested, so printing gives the same tree back.
// Compiled regexes are NOT part of the tree (see match-predicate-regex.ts), so two parses of the same
// text are deep-equal.

/** Subjects without a name (5.1 `subject`). */
export type SimpleSubjectKind =
  | 'task:group'
  | 'agentConnected'
  | 'agentVersion'
  | 'ec2InstanceId'
  | 'registeredAt'
  | 'runningTasksCount';

export type QuerySubject =
  | { readonly kind: 'attribute'; readonly name: string }
  | { readonly kind: SimpleSubjectKind };

/** Canonical spellings; the word aliases of 5.3 parse to these. */
export type ComparisonOperator = '==' | '!=' | '>' | '>=' | '<' | '<=';
export type MatchOperator = '=~' | '!~';
export type ExistenceOperator = 'exists' | '!exists';
export type ListOperator = 'in' | '!in';
export type PredicateOperator = ComparisonOperator | MatchOperator | ExistenceOperator | ListOperator;

/** `subject op literal` with one of `== != > >= < <=`. */
export interface ComparisonPredicate {
  readonly kind: 'comparison';
  readonly subject: QuerySubject;
  readonly operator: ComparisonOperator;
  readonly value: string;
}

/** `subject =~ pattern` / `subject !~ pattern` (5.6). */
export interface MatchPredicate {
  readonly kind: 'match';
  readonly subject: QuerySubject;
  readonly operator: MatchOperator;
  readonly pattern: string;
}

/** `subject exists` / `subject !exists`. */
export interface ExistencePredicate {
  readonly kind: 'existence';
  readonly subject: QuerySubject;
  readonly operator: ExistenceOperator;
}

/** `subject in [a, b]` / `subject !in [a, b]` (at least one value). */
export interface ListPredicate {
  readonly kind: 'list';
  readonly subject: QuerySubject;
  readonly operator: ListOperator;
  readonly values: readonly string[];
}

export type QueryPredicate = ComparisonPredicate | MatchPredicate | ExistencePredicate | ListPredicate;

export interface NotExpression {
  readonly kind: 'not';
  readonly operand: QueryExpression;
}

export interface AndExpression {
  readonly kind: 'and';
  readonly operands: readonly QueryExpression[];
}

export interface OrExpression {
  readonly kind: 'or';
  readonly operands: readonly QueryExpression[];
}

export type QueryExpression = QueryPredicate | NotExpression | AndExpression | OrExpression;

/** The subject as written in an expression: `attribute:<name>`, `task:group`, `agentConnected`, … */
export function subjectText(subject: QuerySubject): string {
  return subject.kind === 'attribute' ? `attribute:${subject.name}` : subject.kind;
}
