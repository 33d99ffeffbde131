// `serve` finds build/scheduler-core.wasm relative to its own module and places with it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCliPlacementCore } from '../../../src/serve/cli.ts';

describe('serve: the placement core', () => {
  it('loads the WASM core from build/scheduler-core.wasm, without a notice', async () => {
    const notices: string[] = [];
    const core = await loadCliPlacementCore((line) => notices.push(line));
    expect(core?.name).toBe('wasm');
    expect(notices).toEqual([]);
  });

  it('falls back to the TS reference with a one-line notice when the file is missing or unusable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-sandbox-core-'));
    const notices: string[] = [];
    expect(await loadCliPlacementCore((line) => notices.push(line), pathToFileURL(join(dir, 'missing.wasm')))).toBeUndefined();
    writeFileSync(join(dir, 'bad.wasm'), 'not wasm');
    expect(await loadCliPlacementCore((line) => notices.push(line), pathToFileURL(join(dir, 'bad.wasm')))).toBeUndefined();
    expect(notices).toHaveLength(2);
    expect(notices[0]).toBe('ecs-sandbox: build/scheduler-core.wasm not found (run `npm run asbuild`); placing with the TypeScript reference core.');
    expect(notices[1]).toMatch(/^ecs-sandbox: build\/scheduler-core.wasm could not be loaded \(.+\); placing with the TypeScript reference core\.$/);
  });
});
