// A pattern outside the Java-regex subset of semantics 5.6, or malformed. parse-query.ts reports it as
// `invalid regular expression: <reason>` at the literal's position (D48).
export class RegexSyntaxError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'RegexSyntaxError';
  }
}
