// The canonical text of an expression, such that parseQuery(printQuery(q)) deep-equals q.
// - Operators in their symbol form (`==`, `!exists`, `in`, `=~`), one space around each;
//   connectives as the words `and` / `or`, negation as `not(…)` (the DG18 spelling, 5.7).
// - An `and`/`or` operand that is itself an `and`/`or` is parenthesised. For a different connective
//   precedence would not need it, but the UI suggests parentheses whenever `and` and `or` are mixed
//   (5.1); for the same connective it keeps the nesting the tree has.
// - Literals stay bare when the scanner (5.2) would read them back as one bare literal that is not a
//   keyword; otherwise they are quoted. A literal containing `'` cannot be written at all (5.2).
import { KEYWORDS } from './parse-query.ts';
import { type QueryExpression, subjectText } from './query-ast.ts';
import { endsBareLiteral, symbolicOperatorAt } from './tokenize.ts';

function isBareSafe(value: string): boolean {
  if (value === '' || symbolicOperatorAt(value, 0) !== undefined) return false;
  if (KEYWORDS.has(value.replace(/[A-Z]/g, (c) => c.toLowerCase()))) return false;
  // Any whitespace is quoted for readability, not only the ASCII whitespace that splits tokens.
  return ![...value].some((ch) => endsBareLiteral(ch) || /\s/u.test(ch));
}

export function printLiteral(value: string): string {
  if (value.includes("'")) throw new Error(`A query literal cannot contain a quote: ${JSON.stringify(value)}`);
  return isBareSafe(value) ? value : `'${value}'`;
}

const isConnective = (e: QueryExpression) => e.kind === 'and' || e.kind === 'or';

export function printQuery(expression: QueryExpression): string {
  switch (expression.kind) {
    case 'comparison':
      return `${subjectText(expression.subject)} ${expression.operator} ${printLiteral(expression.value)}`;
    case 'match':
      return `${subjectText(expression.subject)} ${expression.operator} ${printLiteral(expression.pattern)}`;
    case 'existence':
      return `${subjectText(expression.subject)} ${expression.operator}`;
    case 'list':
      return `${subjectText(expression.subject)} ${expression.operator} [${expression.values.map(printLiteral).join(', ')}]`;
    case 'not':
      return `not(${printQuery(expression.operand)})`;
    case 'and':
    case 'or':
      return expression.operands
        .map((operand) => (isConnective(operand) ? `(${printQuery(operand)})` : printQuery(operand)))
        .join(` ${expression.kind} `);
  }
}
