// Checks a cluster query expression (memberOf constraints, 15.1 #23 and 4.9; ListContainerInstances'
// `filter`) and returns its tree. A parse error is InvalidParameterException with the D48 message
// `Invalid expression at position <n>: <detail>.` (16A D48 supersedes the 0-based wording of 5.8).
// An empty expression is an error too (`unexpected end of expression` at position 1).
import { parseQuery } from '../../query/parse-query.ts';
import type { QueryExpression } from '../../query/query-ast.ts';
import { QueryParseError } from '../../query/query-parse-error.ts';
import { invalidParameter } from '../aws-error.ts';

export function assertValidExpression(text: string): QueryExpression {
  try {
    return parseQuery(text);
  } catch (e) {
    if (e instanceof QueryParseError) throw invalidParameter(e.message);
    throw e;
  }
}
