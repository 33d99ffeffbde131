import { describe, expect, it } from 'vitest';
import { formatClock, formatElapsed, formatUtc, hostPortsText, percent, shortArn, shortId, usageText } from '../../../web/view/format.ts';

describe('format', () => {
  it.each([
    [0, '0s'], [999, '0s'], [1000, '1s'], [65_000, '1m 05s'], [3_600_000, '1h 00m 00s'], [3_723_000, '1h 02m 03s'], [-5000, '0s'],
  ])('formatElapsed(%i) is %s', (ms, text) => expect(formatElapsed(ms)).toBe(text));

  it('formatClock is the time since the start, prefixed T+', () => expect(formatClock(1_527_000_065_000, 1_527_000_000_000)).toBe('T+1m 05s'));

  it('formatUtc shows the simulated date in UTC', () => expect(formatUtc(Date.UTC(2018, 4, 22, 0, 1, 5))).toBe('2018-05-22 00:01:05'));

  it.each([
    ['arn:aws:ecs:us-east-1:123456789012:task-definition/web:3', 'web:3'],
    ['web:3', 'web:3'],
    ['a/', 'a/'],
    [undefined, ''],
  ])('shortArn(%s) is %s', (arn, text) => expect(shortArn(arn)).toBe(text));

  it('shortId keeps 8 characters', () => expect(shortId('0123456789abcdef')).toBe('01234567'));

  it.each([
    [512, 2048, 25], [0, 0, 0], [3000, 2048, 100], [1, 3, 33],
  ])('percent(%i, %i) is %i (clamped to 0..100)', (used, registered, p) => expect(percent(used, registered)).toBe(p));

  it('usageText', () => expect(usageText(512, 2048)).toBe('512 / 2048 (25%)'));

  it('hostPortsText lists container:port→host/protocol', () => {
    expect(hostPortsText([])).toBe('none');
    expect(hostPortsText([{ containerName: 'web', containerPort: 80, hostPort: 32768, protocol: 'tcp' }, { containerName: 'dns', containerPort: 53, hostPort: 53, protocol: 'udp' }]))
      .toBe('web:80→32768/tcp, dns:53→53/udp');
  });
});
