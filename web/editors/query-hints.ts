// Hints the query input shows beside the API's verdict (semantics 5.1, 5.4): mixed and/or without
// parentheses, and subjects DG23 documents only after 2018-05-22.

const LATER_SUBJECTS = ['agentConnected', 'agentVersion', 'ec2InstanceId', 'registeredAt', 'runningTasksCount'];

export function queryHints(expression: string): string[] {
  const hints: string[] = [];
  const words = expression.replace(/'[^']*'/g, "''");
  const hasAnd = /(^|\s|\))(and|&&)(\s|\(|$)/i.test(words);
  const hasOr = /(^|\s|\))(or|\|\|)(\s|\(|$)/i.test(words);
  if (hasAnd && hasOr && !words.includes('(')) {
    hints.push('This mixes "and" and "or" without parentheses: "and" binds tighter than "or". Add parentheses to say which you mean.');
  }
  const later = LATER_SUBJECTS.filter((s) => new RegExp(`(^|[\\s(!])${s}(\\s|$)`).test(words));
  if (later.length) hints.push(`${later.join(', ')}: documented after 2018-05-22 (the sandbox accepts it).`);
  return hints;
}

/** The D48 position (1-based) out of `Invalid expression at position <n>: <detail>.` */
export function positionOfQueryError(message: string): number | undefined {
  const m = /^Invalid expression at position (\d+):/.exec(message);
  return m ? Number(m[1]) : undefined;
}
