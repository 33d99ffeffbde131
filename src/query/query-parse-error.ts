// A query that does not parse (D48 in 16A; it supersedes the 0-based message of 5.8).
// The API turns it into InvalidParameterException with the same message (validate-expression.ts).
// messages.ts is a leaf module (no imports), so the query layer may read its texts.
import { QUERY } from '../messages.ts';

export class QueryParseError extends Error {
  /** 1-based offset, in UTF-16 code units, of the offending token (text length + 1 at the end). */
  readonly position: number;
  /** One of the D48 detail forms, e.g. `unexpected token ')'`. */
  readonly detail: string;

  constructor(position: number, detail: string) {
    super(QUERY.invalidExpression(position, detail));
    this.name = 'QueryParseError';
    this.position = position;
    this.detail = detail;
  }
}
