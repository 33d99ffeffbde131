// The compiled regex of each `=~`/`!~` predicate, kept beside the tree rather than in it, so trees
// stay plain data (deep-equal, printable, clonable). parseQuery compiles every pattern once, which is
// also where an invalid one is reported (5.6, D48); a tree built by hand is compiled on first use.
import type { MatchPredicate } from './query-ast.ts';
import { type RegexProgram, compileRegex } from './regex/compile-regex.ts';

const programs = new WeakMap<MatchPredicate, RegexProgram>();

export function rememberRegex(predicate: MatchPredicate, program: RegexProgram): void {
  programs.set(predicate, program);
}

/** The predicate's compiled pattern; throws RegexSyntaxError for a hand-built invalid pattern. */
export function regexOf(predicate: MatchPredicate): RegexProgram {
  let program = programs.get(predicate);
  if (program === undefined) {
    program = compileRegex(predicate.pattern);
    programs.set(predicate, program);
  }
  return program;
}
