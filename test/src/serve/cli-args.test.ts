import { describe, expect, it } from 'vitest';
import { parseArgs, USAGE } from '../../../src/serve/cli-args.ts';

describe('ecs-sandbox command line', () => {
  it('serve with no options: port 4566 on 127.0.0.1, an empty sandbox, 1× realtime clock (semantics 3.1)', () => {
    expect(parseArgs(['serve'])).toEqual({
      kind: 'serve',
      options: { port: 4566, host: '127.0.0.1', clock: { mode: 'realtime', speed: 1 } },
    });
  });

  it.each([
    [['serve', '--port', '0'], { port: 0 }],
    [['serve', '--port=8080'], { port: 8080 }],
    [['serve', '--host', '0.0.0.0'], { host: '0.0.0.0' }],
    [['serve', '--host', '::1'], { host: '::1' }],
    [['serve', '--scenario', 'demo'], { scenario: 'demo' }],
    [['serve', '--scenario', './my scenario.json'], { scenario: './my scenario.json' }],
    [['serve', '--clock', 'manual'], { clock: { mode: 'manual', speed: 1 } }],
    [['serve', '--clock', 'realtime'], { clock: { mode: 'realtime', speed: 1 } }],
    [['serve', '--clock=realtime:60'], { clock: { mode: 'realtime', speed: 60 } }],
    [['serve', '--clock', 'realtime:0.5'], { clock: { mode: 'realtime', speed: 0.5 } }],
    [['serve', '--seed', '4294967295'], { seed: 4294967295 }],
  ])('%j', (argv, expected) => {
    const parsed = parseArgs(argv);
    expect(parsed.kind).toBe('serve');
    expect(parsed.kind === 'serve' && parsed.options).toMatchObject(expected);
  });

  it.each([[[]], [['--help']], [['-h']], [['serve', '--help']], [['help']]])('%j shows the help', (argv) => {
    expect(parseArgs(argv)).toEqual({ kind: 'help' });
  });

  it('the help names every option', () => {
    for (const option of ['--port', '--host', '--scenario', '--clock', '--seed', '--help', 'realtime:N', 'manual']) {
      expect(USAGE).toContain(option);
    }
  });

  it.each([
    [['start'], "unknown command 'start'"],
    [['serve', '--verbose'], "unknown option '--verbose'"],
    [['serve', '--port'], '--port needs a port number 0..65535, got nothing'],
    [['serve', '--port', '65536'], "--port needs a port number 0..65535, got '65536'"],
    [['serve', '--port', '-1'], "--port needs a port number 0..65535, got '-1'"],
    [['serve', '--port', '80a'], "--port needs a port number 0..65535, got '80a'"],
    [['serve', '--clock', 'fast'], "--clock needs manual, realtime or realtime:N (N > 0), got 'fast'"],
    [['serve', '--clock', 'realtime:0'], "--clock needs manual, realtime or realtime:N (N > 0), got 'realtime:0'"],
    [['serve', '--clock', 'realtime:-2'], "--clock needs manual, realtime or realtime:N (N > 0), got 'realtime:-2'"],
    [['serve', '--seed', '4294967296'], "--seed needs an integer 0..4294967295, got '4294967296'"],
    [['serve', '--seed', '1.5'], "--seed needs an integer 0..4294967295, got '1.5'"],
    [['serve', '--scenario'], '--scenario needs a file name or demo'],
    [['serve', '--host', '--port', '1'], '--host needs an address, e.g. 127.0.0.1'],
  ])('%j is refused: %s', (argv, message) => {
    expect(parseArgs(argv)).toEqual({ kind: 'error', message });
  });
});
