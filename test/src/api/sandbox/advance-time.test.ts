import { describe, expect, it } from 'vitest';
import { SandboxApi } from '../../../../src/api/handler.ts';
import { newDocument } from '../../../../src/domain/new-document.ts';
import { aSandbox, type TestSandbox } from '../../../builders/sandbox.ts';
import { START } from '../../../builders/discovery.ts';

/** A task definition and a service of `desiredCount` in the default cluster. */
function withService(s: TestSandbox, desiredCount: number, region?: string): void {
  s.ecs('RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] }, region);
  s.ecs('CreateService', { serviceName: 'web', taskDefinition: 'web', desiredCount }, region);
}

const statusOf = (s: TestSandbox) => s.ecs('DescribeServices', { services: ['web'] }).services[0].status;

describe('EcsSandbox.AdvanceTime', () => {
  it('{seconds: 0} reads the clock: epoch seconds of 2018-05-22T00:00:00Z on a new document', () => {
    expect(aSandbox().sandbox('AdvanceTime', { seconds: 0 })).toEqual({ now: START, steady: true });
  });

  it.each([
    // [advances in turn, clock after each (s since start)]
    [[2.5], [2.5]], // 2.5 s from t=0 runs the steps at 1 s and 2 s
    [[2.5, 0.5], [2.5, 3]], // then 0.5 s more reaches the step at 3 s
    [[0.001, 0.001], [0.001, 0.002]], // millisecond resolution (D53)
    [[1, 60, 3600], [1, 61, 3661]],
  ])('advances %j leave the clock at %j', (advances, expected) => {
    const s = aSandbox();
    const seen = advances.map((seconds) => s.sandbox('AdvanceTime', { seconds }).now);
    expect(seen).toEqual(expected.map((t) => START + t));
  });

  it('a deleted service goes DRAINING → INACTIVE at the first step after (section 12)', () => {
    const s = aSandbox();
    withService(s, 0);
    s.ecs('DeleteService', { service: 'web' });
    // 0.5 s: no whole second passed, no step ran; DRAINING is not steady (W18)
    expect(s.sandbox('AdvanceTime', { seconds: 0.5 })).toEqual({ now: START + 0.5, steady: false });
    expect(statusOf(s)).toBe('DRAINING');
    // 0.5 s more reaches the step at 1 s: no live task, so INACTIVE
    expect(s.sandbox('AdvanceTime', { seconds: 0.5 })).toEqual({ now: START + 1, steady: true });
    expect(statusOf(s)).toBe('INACTIVE');
  });

  it('untilSteady stops at the step where the region became steady', () => {
    const s = aSandbox();
    withService(s, 0);
    s.sandbox('AdvanceTime', { seconds: 0.25 });
    s.ecs('DeleteService', { service: 'web' });
    // the next step is at 1 s; it makes the service INACTIVE, and the region steady
    expect(s.sandbox('AdvanceTime', { untilSteady: true, maxSeconds: 60 })).toEqual({ now: START + 1, steady: true });
  });

  it('untilSteady on a steady region does not move the clock', () => {
    const s = aSandbox();
    withService(s, 0); // one deployment, 0 running = 0 desired
    expect(s.sandbox('AdvanceTime', { untilSteady: true, maxSeconds: 60 })).toEqual({ now: START, steady: true });
  });

  it('untilSteady gives up after maxSeconds (a service nothing starts tasks for is never steady)', () => {
    const s = aSandbox();
    withService(s, 2);
    expect(s.sandbox('AdvanceTime', { untilSteady: true, maxSeconds: 10 })).toEqual({ now: START + 10, steady: false });
  });

  it('steady is the calling region\'s; the clock is the document\'s', () => {
    const s = aSandbox();
    withService(s, 2); // us-east-1: not steady
    expect(s.sandbox('AdvanceTime', { seconds: 5 }, 'eu-west-1')).toEqual({ now: START + 5, steady: true });
    expect(s.sandbox('AdvanceTime', { seconds: 0 })).toEqual({ now: START + 5, steady: false });
  });

  it('the scheduler steps of every region run: a service drains in eu-west-1 while the clock moves in us-east-1', () => {
    const s = aSandbox();
    withService(s, 0, 'eu-west-1');
    s.ecs('DeleteService', { service: 'web' }, 'eu-west-1');
    s.sandbox('AdvanceTime', { seconds: 1 });
    expect(s.ecs('DescribeServices', { services: ['web'] }, 'eu-west-1').services[0].status).toBe('INACTIVE');
  });

  it('moves a realtime clock ahead, which then keeps running from there', () => {
    let wall = 1_000_000;
    const api = new SandboxApi({ document: newDocument({ clock: 'realtime' }), wallClock: () => wall });
    const advance = (input: unknown) => api.call('EcsSandbox.AdvanceTime', input).output;
    wall += 2000; // 2 s of wall time at 1×
    expect(advance({ seconds: 10 })).toEqual({ now: START + 12, steady: true });
    wall += 500;
    expect(advance({ seconds: 0 })).toEqual({ now: START + 12.5, steady: true });
  });

  it.each([
    [{}, 'InvalidParameterException', 'Specify seconds, or untilSteady: true with maxSeconds.'],
    [{ untilSteady: false }, 'InvalidParameterException', 'Specify seconds, or untilSteady: true with maxSeconds.'],
    [{ seconds: 1, untilSteady: true, maxSeconds: 5 }, 'InvalidParameterException', 'Specify either seconds or untilSteady, not both.'],
    [{ untilSteady: true }, 'InvalidParameterException', 'maxSeconds is required with untilSteady.'],
    [{ seconds: -1 }, 'InvalidParameterException', 'seconds must be from 0 to 2592000 seconds, not -1.'],
    // 30 days = 30 × 86,400 s = 2,592,000 s is the longest single advance
    [{ seconds: 2592001 }, 'InvalidParameterException', 'seconds must be from 0 to 2592000 seconds, not 2592001.'],
    [{ untilSteady: true, maxSeconds: -5 }, 'InvalidParameterException', 'maxSeconds must be from 0 to 2592000 seconds, not -5.'],
    [{ seconds: '5' }, 'SerializationException', 'seconds must be a number.'],
    [{ untilSteady: 'yes', maxSeconds: 5 }, 'SerializationException', 'untilSteady must be a boolean.'],
  ])('AdvanceTime %j → %s', (input, code, message) => {
    const e = aSandbox().error('EcsSandbox.AdvanceTime', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });
});
