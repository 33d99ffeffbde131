import { describe, expect, it } from 'vitest';
import { QUERY } from '../../../src/messages.ts';
import { positionOfQueryError, queryHints } from '../../../web/editors/query-hints.ts';

describe('query input hints (semantics 5.1, 5.4)', () => {
  it.each([
    ['attribute:a == 1 and attribute:b == 2 or attribute:c exists', 1],
    ['(attribute:a == 1 and attribute:b == 2) or attribute:c exists', 0],
    ['attribute:a == 1 && attribute:b == 2', 0],
    ["attribute:a == 'x and y' or attribute:b exists", 0],
    ['attribute:a == 1 && attribute:b == 2 || task:group exists', 1],
  ])('%s → %i hint(s) about and/or', (expression, n) => {
    expect(queryHints(expression).filter((h) => h.includes('parentheses'))).toHaveLength(n);
  });

  it('labels the subjects documented after 2018-05-22', () => {
    expect(queryHints('runningTasksCount == 1 and agentVersion < 1.14.5')).toEqual(['agentVersion, runningTasksCount: documented after 2018-05-22 (the sandbox accepts it).']);
    expect(queryHints('attribute:ecs.instance-type == t2.small')).toEqual([]);
  });

  it('reads the 1-based position of a D48 message', () => {
    expect(positionOfQueryError(QUERY.invalidExpression(14, QUERY.unexpectedEnd))).toBe(14);
    expect(positionOfQueryError('Cluster not found.')).toBeUndefined();
  });
});
