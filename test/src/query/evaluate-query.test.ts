// Evaluation of cluster queries against one instance (semantics 5.4, 5.5).
import { describe, expect, it } from 'vitest';
import { evaluateQuery, type QueryInstance } from '../../../src/query/evaluate-query.ts';
import { parseQuery } from '../../../src/query/parse-query.ts';
import { REGISTERED_AT, aQueryInstance, withAttributes } from '../../builders/query-instance.ts';

const holds = (text: string, instance: QueryInstance) => evaluateQuery(parseQuery(text), instance);

// Defaults (builders/query-instance.ts): ecs.instance-type t2.small, ecs.availability-zone us-east-1a,
// ecs.os-type linux, com.amazonaws.ecs.capability.privileged-container (no value); no tasks; agent
// connected, 1.17.3; i-0123456789abcdef0; registered 2018-05-22T12:00:00.000Z; 0 running tasks.
const base = aQueryInstance();

describe('evaluateQuery: the 5.7 examples', () => {
  const g2d = withAttributes({ 'ecs.instance-type': 'g2.2xlarge', 'ecs.availability-zone': 'us-east-1d' });
  const g2a = withAttributes({ 'ecs.instance-type': 'g2.2xlarge' });
  const hostsProduction = aQueryInstance({ taskGroups: ['service:production'] });
  const hostsDatabase = aQueryInstance({ taskGroups: ['database', 'service:production'] });
  it.each([
    ['attribute:ecs.instance-type == t2.small', base, true],
    ['attribute:ecs.instance-type == t2.small', g2a, false],
    ['attribute:ecs.availability-zone in [us-east-1a, us-east-1b]', base, true],
    ['attribute:ecs.availability-zone in [us-east-1a, us-east-1b]', g2d, false],
    ['attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d', g2a, true],
    ['attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d', g2d, false], // in 1d
    ['attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d', base, false], // t2
    ['task:group == service:production', hostsProduction, true], // affinity
    ['task:group == service:production', base, false],
    ['not(task:group == database)', hostsDatabase, false], // anti-affinity
    ['not(task:group == database)', hostsProduction, true],
    ['attribute:stack != prod', base, true], // no stack attribute at all (5.5)
    ['attribute:stack != prod', withAttributes({ stack: 'prod' }), false],
    ['attribute:stack != prod', withAttributes({ stack: 'dev' }), true],
    ['attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone == us-east-1a', base, true],
    ['attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone == us-east-1a', withAttributes({ 'ecs.instance-type': 'xt2.small' }), false], // whole-value match (5.6)
    ['runningTasksCount == 1', aQueryInstance({ runningTasksCount: 1 }), true],
    ['runningTasksCount == 1', base, false],
    ['agentVersion < 1.14.5', aQueryInstance({ agentVersion: '1.14.4' }), true],
    ['agentVersion < 1.14.5', base, false], // 1.17.3
    ['registeredAt < 2018-02-13', aQueryInstance({ registeredAt: Date.UTC(2018, 1, 12, 23, 59, 59, 999) }), true],
    ['registeredAt < 2018-02-13', aQueryInstance({ registeredAt: Date.UTC(2018, 1, 13) }), false], // exactly midnight
    ["ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']", aQueryInstance({ ec2InstanceId: 'i-wxyx7890' }), true],
    ["ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']", base, false],
  ])('%s on case %#', (text, instance, expected) => {
    expect(holds(text, instance)).toBe(expected);
  });
});

describe('evaluateQuery: missing attributes and attributes without a value (5.5)', () => {
  const missing = withAttributes({});
  const noValue = withAttributes({ stack: null });
  const empty = withAttributes({ stack: '' });
  it.each([
    // positive operators are false on a missing attribute; negated ones are their exact negation
    ['attribute:stack == prod', false, false, false],
    ['attribute:stack != prod', true, true, true],
    ['attribute:stack in [prod, dev]', false, false, false],
    ['attribute:stack !in [prod, dev]', true, true, true],
    ['attribute:stack =~ .*', false, false, true], // `.*` matches the empty value
    ['attribute:stack !~ .*', true, true, false],
    ['attribute:stack > a', false, false, false],
    ['attribute:stack >= a', false, false, false],
    ['attribute:stack < a', false, false, true], // '' < 'a'
    ['attribute:stack <= a', false, false, true],
    ["attribute:stack == ''", false, false, true], // a valueless attribute is not the empty string
    ["attribute:stack != ''", true, true, false],
    // exists / !exists tell a valueless attribute from a missing one
    ['attribute:stack exists', false, true, true],
    ['attribute:stack !exists', true, false, false],
  ])('%s: missing → %s, without value → %s, empty value → %s', (text, onMissing, onNoValue, onEmpty) => {
    expect([holds(text, missing), holds(text, noValue), holds(text, empty)]).toEqual([onMissing, onNoValue, onEmpty]);
  });

  it('a capability attribute without a value is found by exists', () => {
    expect(holds('attribute:com.amazonaws.ecs.capability.privileged-container exists', base)).toBe(true);
    expect(holds('attribute:com.amazonaws.ecs.capability.task-eni exists', base)).toBe(false);
  });

  it('attribute names are case-sensitive and inherited object keys are not attributes', () => {
    expect(holds('attribute:ECS.OS-TYPE exists', base)).toBe(false);
    expect(holds('attribute:constructor exists', base)).toBe(false);
    expect(holds('attribute:toString != x', base)).toBe(true);
  });
});

describe('evaluateQuery: ordering (5.5)', () => {
  const attr = (value: string) => withAttributes({ v: value });
  it.each([
    // both decimal numbers → numeric
    ['10', '> 9', true], // as strings '10' < '9'
    ['10', '< 9', false],
    ['10', '> 9.5', true],
    ['10', '>= 10.0', true], // equal as numbers
    ['10', '<= 10.0', true],
    ['10', '== 10.0', false], // `==` compares the strings exactly
    ['10', '> -1', true],
    ['-1', '< -0.5', true],
    ['-0', '>= 0', true], // -0 and 0 are the same number
    ['-0', '> 0', false],
    ['+5', '> 4', true],
    ['007', '< 10', true], // leading zeros: 7 < 10
    ['9007199254740993', '> 9007199254740992', true], // exact, beyond 2^53
    ['0.1', '< 0.10000000000000001', true],
    // anything else → UTF-16 code units
    ['10', '> 9x', false], // '1' (0x31) < '9' (0x39)
    ['abc', '> 9', true], // 'a' (0x61) > '9' (0x39)
    ['b', '> a', true],
    ['b', '< B', false], // 'b' (0x62) > 'B' (0x42): case-sensitive
    ['B', '< a', true],
    ['1.5e3', '> 2', false], // no exponents: '1' < '2' as text
    ['é', '> z', true], // U+00E9 > U+007A
    ['\uffff', '> 😀', true], // U+FFFF > U+D83D, the first code unit of U+1F600 (code points would say less)
    ['t2.small', '>= t2.small', true],
    ['t2.small', '< t2.smallx', true], // a prefix orders first
  ])("attribute:v = %j: attribute:v %s → %s", (value, tail, expected) => {
    expect(holds(`attribute:v ${tail}`, attr(value))).toBe(expected);
  });

  it.each([
    // agentVersion: dotted numeric versions compare component by component (5.5)
    ['1.17.3', '> 1.14.5', true],
    ['1.14.5', '< 1.15.0', true], // the 5.5 example
    ['1.17.3', '< 1.17.10', true], // 3 < 10 (as text '3' > '1')
    ['1.17.3', '> 1.9', true], // 17 > 9 (as decimals 1.17 < 1.9)
    ['1.17.3', '>= 1.17.3', true],
    ['1.17.3', '<= 1.17', false], // 1.17 orders as 1.17.0 < 1.17.3
    ['1.17.0', '>= 1.17', true], // equal as versions
    ['1.17.0', '== 1.17', false], // but `==` compares the strings
    ['1.17.3', '< 2', true],
    ['1.17.3-dev', '> 1.17.3', true], // not a dotted numeric version: text, and the prefix orders first
    [undefined, '< 9.9.9', false], // unknown agent version: like a missing attribute
    [undefined, '!= 1.0.0', true],
  ])('agentVersion %j: agentVersion %s → %s', (agentVersion, tail, expected) => {
    expect(holds(`agentVersion ${tail}`, aQueryInstance({ agentVersion }))).toBe(expected);
  });

  it.each([
    [0, '== 0', true],
    [0, '> 0', false],
    [3, '>= 3', true],
    [3, '< 10', true], // numeric: 3 < 10 (as text '3' > '1')
    [12, '> 9', true],
    [3, '== 03', false], // `==` compares strings exactly (5.5)
    [3, '!= 03', true],
    [3, '> three', false], // not a number: text, '3' (0x33) < 't'
  ])('runningTasksCount %d: runningTasksCount %s → %s', (runningTasksCount, tail, expected) => {
    expect(holds(`runningTasksCount ${tail}`, aQueryInstance({ runningTasksCount }))).toBe(expected);
  });
});

describe('evaluateQuery: registeredAt compares instants to the millisecond (5.5)', () => {
  // the default instance registered at 2018-05-22T12:00:00.000Z
  const plus1ms = aQueryInstance({ registeredAt: REGISTERED_AT + 1 });
  it.each([
    ['registeredAt == 2018-05-22T12:00:00Z', base, true],
    ['registeredAt == 2018-05-22T12:00:00+00:00', base, true],
    ['registeredAt == 2018-05-22T12:00:00', base, true], // no zone: UTC
    ['registeredAt == 2018-05-22T14:00:00+02:00', base, true], // the same instant
    ['registeredAt == 2018-05-22T06:30:00-05:30', base, true], // the same instant
    ['registeredAt != 2018-05-22T12:00:00Z', base, false],
    ['registeredAt == 2018-05-22', base, false], // a date means 00:00:00 UTC
    ['registeredAt > 2018-05-22', base, true],
    ['registeredAt < 2018-05-23', base, true],
    ['registeredAt >= 2018-05-22T12:00:00Z', base, true],
    ['registeredAt > 2018-05-22T12:00:00Z', base, false],
    ['registeredAt <= 2018-05-22T12:00:00Z', base, true],
    ['registeredAt == 2018-05-22T12:00:00Z', plus1ms, false], // 1 ms later
    ['registeredAt > 2018-05-22T12:00:00Z', plus1ms, true],
    ['registeredAt != 2018-05-22T12:00:00Z', plus1ms, true],
    ['registeredAt < 2018-05-22T12:00:01Z', plus1ms, true],
    ['registeredAt > 1999-12-31T23:59:59Z', base, true],
    ['registeredAt < 0099-01-01', base, false], // years below 100 stay as written
  ])('%s on case %#', (text, instance, expected) => {
    expect(holds(text, instance)).toBe(expected);
  });
});

describe('evaluateQuery: task:group is the set of live groups on the instance (5.4)', () => {
  const busy = aQueryInstance({ taskGroups: ['service:web', 'service:web', 'family:batch'] });
  const idle = aQueryInstance({ taskGroups: [] });
  it.each([
    ['task:group == service:web', true, false],
    ['task:group != service:web', false, true],
    ['task:group == service:db', false, false],
    ['task:group != service:db', true, true],
    ['task:group in [service:db, family:batch]', true, false],
    ['task:group !in [service:db, family:batch]', false, true],
    ['task:group =~ service:.*', true, false],
    ['task:group !~ service:.*', false, true],
    ['task:group =~ db.*', false, false],
    ['task:group exists', true, false],
    ['task:group !exists', false, true],
    ['task:group == service:WEB', false, false], // values are case-sensitive
  ])('%s: busy → %s, idle → %s', (text, onBusy, onIdle) => {
    expect([holds(text, busy), holds(text, idle)]).toEqual([onBusy, onIdle]);
  });
});

describe('evaluateQuery: agentConnected and ec2InstanceId', () => {
  const disconnected = aQueryInstance({ agentConnected: false });
  it.each([
    ['agentConnected == true', true, false],
    ['agentConnected != true', false, true],
    ['agentConnected == TRUE', false, false], // values are case-sensitive
    ['agentConnected in [false]', false, true],
    ['agentConnected !in [false]', true, false],
    ['agentConnected =~ t.*e', true, false],
    ['agentConnected !~ f.*', true, false],
    ['ec2InstanceId == i-0123456789abcdef0', true, true],
    ["ec2InstanceId =~ 'i-0[0-9a-f]{16}'", true, true], // `[` ends a bare literal (5.2), so quote the regex
    ['ec2InstanceId in [i-1, i-0123456789abcdef0]', true, true],
  ])('%s: connected → %s, disconnected → %s', (text, onConnected, onDisconnected) => {
    expect([holds(text, base), holds(text, disconnected)]).toEqual([onConnected, onDisconnected]);
  });
});

describe('evaluateQuery: connectives', () => {
  const onlyA = withAttributes({ a: '1' });
  it.each([
    // precedence: and binds tighter than or, not tighter than and (5.1)
    ['attribute:a exists or attribute:b exists and attribute:c exists', true], // a or (b and c)
    ['(attribute:a exists or attribute:b exists) and attribute:c exists', false],
    ['not attribute:b exists and attribute:a exists', true], // (not b) and a
    ['not (attribute:b exists and attribute:a exists)', true],
    ['not (attribute:a exists or attribute:b exists)', false],
    ['attribute:a == 1 && !(attribute:b exists) || attribute:c exists', true],
    ['attribute:a == 1 and attribute:b exists', false],
    ['attribute:b exists or attribute:c exists', false],
  ])('%s → %s', (text, expected) => {
    expect(holds(text, onlyA)).toBe(expected);
  });

  it('a match predicate built by hand compiles its pattern on first use', () => {
    const byHand = { kind: 'match', subject: { kind: 'attribute', name: 'ecs.instance-type' }, operator: '=~', pattern: 't2\\..*' } as const;
    expect(evaluateQuery(byHand, base)).toBe(true);
    expect(evaluateQuery(byHand, withAttributes({ 'ecs.instance-type': 't2small' }))).toBe(false);
  });
});
