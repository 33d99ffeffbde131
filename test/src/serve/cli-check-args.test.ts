// `ecs-sandbox check` and `ecs-sandbox what-if` on the command line: their options, and refused
// arguments (which exit 1, since check's 2 means a failed check).
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/serve/cli.ts';
import { parseArgs, USAGE } from '../../../src/serve/cli-args.ts';

describe('ecs-sandbox check / what-if arguments', () => {
  it.each([
    [['check', 's.json'], { kind: 'check', options: { scenario: 's.json', format: 'text' } }],
    [['check', '--format', 'md', 's.json'], { kind: 'check', options: { scenario: 's.json', format: 'md' } }],
    [['check', 's.json', '--format=json', '--max-seconds', '600'], { kind: 'check', options: { scenario: 's.json', format: 'json', maxSeconds: 600 } }],
    [['check', 'demo'], { kind: 'check', options: { scenario: 'demo', format: 'text' } }],
    [['what-if', 's.json'], { kind: 'what-if', options: { scenario: 's.json', format: 'text' } }],
    [['what-if', 's.json', '--variants', 'v.json', '--seeds', '5', '--format', 'md', '--max-seconds=90.5'],
      { kind: 'what-if', options: { scenario: 's.json', variants: 'v.json', seeds: 5, format: 'md', maxSeconds: 90.5 } }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  it.each([
    [['check'], 'check needs a scenario file (or demo), e.g. ecs-sandbox check scenario.json', 'check'],
    [['check', 'a.json', 'b.json'], "check takes one scenario file, got 'a.json' and 'b.json'", 'check'],
    [['check', 's.json', '--verbose'], "unknown option '--verbose' for check", 'check'],
    [['check', 's.json', '--variants', 'v.json'], "unknown option '--variants' for check", 'check'],
    [['check', 's.json', '--seeds', '2'], "unknown option '--seeds' for check", 'check'],
    [['check', 's.json', '--format', 'html'], "--format needs text, json, md, got 'html'", 'check'],
    [['check', 's.json', '--format'], '--format needs text, json, md, got nothing', 'check'],
    [['check', 's.json', '--max-seconds', '0'], "--max-seconds needs a number of seconds greater than 0 and at most 2592000, got '0'", 'check'],
    [['check', 's.json', '--max-seconds', '2592001'], "--max-seconds needs a number of seconds greater than 0 and at most 2592000, got '2592001'", 'check'],
    [['what-if', 's.json', '--seeds', '0'], "--seeds needs an integer 1..100, got '0'", 'what-if'],
    [['what-if', 's.json', '--seeds', '101'], "--seeds needs an integer 1..100, got '101'", 'what-if'],
    [['what-if', 's.json', '--variants'], '--variants needs a file name', 'what-if'],
    [['what-if', 's.json', '--port', '1'], "unknown option '--port' for what-if", 'what-if'],
  ])('%j is refused: %s', (argv, message, command) => {
    expect(parseArgs(argv)).toEqual({ kind: 'error', message, command });
  });

  it('refused arguments of check and what-if exit 1 (2 is a failed check); serve keeps 2', async () => {
    const err: string[] = [];
    const io = { out: () => {}, err: (line: string) => err.push(line) };
    expect(await main(['check', 's.json', '--nope'], io)).toBe(1);
    expect(err[0]).toBe("ecs-sandbox: unknown option '--nope' for check");
    expect(await main(['what-if'], io)).toBe(1);
    expect(await main(['serve', '--nope'], io)).toBe(2);
  });

  it('the help names both commands and every option', () => {
    for (const text of ['ecs-sandbox check SCENARIO', 'ecs-sandbox what-if SCENARIO', '--max-seconds', '--format', '--variants', '--seeds', 'text', 'json', 'md']) {
      expect(USAGE).toContain(text);
    }
  });
});
