// `ecs-sandbox what-if`: the variants file (a bare list, or a request without its scenario) through
// runWhatIf, the comparison on stdout in three formats; bad input exits 1 naming the file and path.
import { describe, expect, it } from 'vitest';
import { CLI } from '../../../src/messages.ts';
import { runWhatIfCommand, type WhatIfCommandOptions } from '../../../src/cli/what-if-command.ts';
import { formatWhatIf } from '../../../src/whatif/format-what-if.ts';
import { runWhatIf } from '../../../src/whatif/run-what-if.ts';
import { literalPlacementCore } from '../../../src/reference/literal-placement-core.ts';
import type { WhatIfReport, WhatIfVariant } from '../../../src/whatif/what-if-types.ts';
import { captureIo } from '../../builders/cli-io.ts';
import { aFile, aServiceScenario } from '../../builders/cli-scenarios.ts';

const SCENARIO = aServiceScenario({ instances: [2048, 2048, 2048] });
const VARIANTS: WhatIfVariant[] = [
  { name: 'binpack', changes: [{ service: 'app', cluster: 'ci', placementStrategy: [{ type: 'binpack', field: 'memory' }] }] },
  { name: 'spread', changes: [{ service: 'app', cluster: 'ci', placementStrategy: [{ type: 'spread', field: 'instanceId' }] }] },
];

async function whatIf(options: Partial<WhatIfCommandOptions> & { variantsContent?: unknown } = {}, tty = false) {
  const io = captureIo({ tty });
  const { variantsContent, ...rest } = options;
  const variants = variantsContent === undefined ? undefined : aFile(variantsContent, 'variants.json');
  const code = await runWhatIfCommand({ scenario: aFile(SCENARIO), format: 'text', ...(variants ? { variants } : {}), ...rest }, io);
  return { code, stdout: io.stdout(), stderr: io.stderr(), progress: io.progressWrites(), variants };
}

const direct = (variants: WhatIfVariant[], seeds = 1): WhatIfReport =>
  runWhatIf({ scenario: SCENARIO, variants, seeds }, { placementCore: () => literalPlacementCore });

describe('ecs-sandbox what-if', () => {
  it('a bare list of variants: the comparison runWhatIf reports, in text', async () => {
    const r = await whatIf({ variantsContent: VARIANTS });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(formatWhatIf(direct(VARIANTS), 'text').replace(/\n$/, ''));
    expect(r.stderr).toEqual([]);
  });

  it('a request without its scenario; --seeds overrides the file', async () => {
    const r = await whatIf({ variantsContent: { variants: VARIANTS, seeds: 3 }, seeds: 2, format: 'json' });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as WhatIfReport;
    expect(report.seeds).toEqual([1, 2]);
    expect(report).toEqual(direct(VARIANTS, 2));
  });

  it('md is a table with one column per variant', async () => {
    const r = await whatIf({ variantsContent: VARIANTS, format: 'md' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| | binpack | spread |');
    expect(r.stdout).toMatch(/^\|---\|---:\|---:\|$/m);
  });

  it('without --variants: the scenario as it is', async () => {
    const r = await whatIf({ format: 'json' });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as WhatIfReport).variants.map((v) => v.name)).toEqual([CLI.asIs]);
  });

  it('progress: one line per run on a terminal, none otherwise', async () => {
    const tty = await whatIf({ variantsContent: VARIANTS, seeds: 2 }, true);
    expect(tty.progress).toBe(
      ['\r[1/4] variant binpack…', '\r[2/4] variant binpack…', '\r[3/4] variant spread…', '\r[4/4] variant spread…', '\r']
        .join('\u001b[K') + '\u001b[K');
    const pipe = await whatIf({ variantsContent: VARIANTS, seeds: 2 });
    expect(pipe.progress).toBe('');
  });

  it.each([
    [[{ name: 'x', changes: [{ service: 'nope', cluster: 'ci', desiredCount: 3 }] }], '[0].changes[0].service: no service "nope" in cluster "ci"'],
    [{ variants: [{ name: 'x', changes: [{ service: 'app', cluster: 'ci', desiredCont: 3 }] }] }, 'variants[0].changes[0].desiredCont: unknown member'],
    [{ variants: [] }, 'variants: expected at least one variant'],
    ['"spread"', CLI.variantsShape],
    [{ scenario: 'demo', variants: VARIANTS }, CLI.variantsScenario],
  ])('bad variants %j: exit 1, %s', async (content, detail) => {
    const r = await whatIf({ variantsContent: content });
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([`ecs-sandbox what-if: ${r.variants}: ${detail}`]);
    expect(r.stdout).toBe('');
  });

  it('a variants file that is not JSON names its line and column', async () => {
    const r = await whatIf({ variantsContent: '[\n  {"name": "a",}\n]' });
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([`ecs-sandbox what-if: ${r.variants}:2:16: not valid JSON: unexpected '}', expected another member (a trailing comma is not JSON)`]);
  });

  it('a missing scenario file', async () => {
    const r = await whatIf({ scenario: '/nonexistent/s.json' });
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([`ecs-sandbox what-if: ${CLI.fileMissing('/nonexistent/s.json')}`]);
  });
});
