// The built CLI as a user runs it: `node bin/ecs-sandbox.mjs serve --port 0 --clock manual`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLUSTERS, SANDBOX } from '../../../src/messages.ts';
import { USAGE } from '../../../src/serve/cli-args.ts';
import { callCli, ensureCliBuilt, runCli, startCli } from '../../builders/cli-process.ts';
import { ECS_TARGET, SANDBOX_TARGET } from '../../builders/serve.ts';

beforeAll(() => ensureCliBuilt(), 120_000);

describe('ecs-sandbox (the built binary)', () => {
  it('--help prints the usage and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${USAGE}\n`);
  });

  it.each([
    [['serve', '--nope'], "ecs-sandbox: unknown option '--nope'"],
    [['serve', '--clock', 'sometimes'], "ecs-sandbox: --clock needs manual, realtime or realtime:N (N > 0), got 'sometimes'"],
    [['launch'], "ecs-sandbox: unknown command 'launch'"],
  ])('%j exits 2 with a reason', (args, reason) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(reason);
    expect(r.stdout).toBe('');
  });

  it('serve --port 0 prints the real URL, serves, and exits 0 on SIGTERM', async () => {
    const cli = await startCli(['serve', '--port', '0', '--clock', 'manual', '--seed', '7']);
    try {
      expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(cli.url).not.toMatch(/:0$/);
      expect(cli.stdout()).toContain('(clock manual, seed 7)');
      const created = await callCli(cli.url, `${ECS_TARGET}.CreateCluster`, { clusterName: 'from-the-cli' });
      expect(created.status).toBe(200);
      const listed = await callCli(cli.url, `${ECS_TARGET}.ListClusters`);
      expect(listed.json.clusterArns).toEqual([
        'arn:aws:ecs:us-east-1:123456789012:cluster/default', 'arn:aws:ecs:us-east-1:123456789012:cluster/from-the-cli',
      ]);
    } finally {
      expect(await cli.stop('SIGTERM')).toBe(0);
    }
    expect(cli.stderr()).toContain('SIGTERM, stopping');
    await expect(fetch(`${cli.url}/`, { method: 'POST' })).rejects.toThrow();
  }, 30_000);

  it('exits 0 on SIGINT (Ctrl-C) as well, with a client connection still open', async () => {
    const cli = await startCli(['serve', '--port', '0', '--clock', 'manual']);
    // An idle keep-alive connection must not hold the process open.
    await callCli(cli.url, `${ECS_TARGET}.ListClusters`);
    expect(await cli.stop('SIGINT')).toBe(0);
    expect(cli.stderr()).toContain('SIGINT, stopping');
  }, 30_000);

  it('defaults to the 1× realtime clock and an empty sandbox', async () => {
    const cli = await startCli(['serve', '--port', '0']);
    try {
      expect(cli.stdout()).toContain('(clock realtime, seed 1)');
      expect((await callCli(cli.url, `${ECS_TARGET}.ListClusters`)).json.clusterArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:cluster/default']);
    } finally {
      await cli.stop();
    }
  }, 30_000);

  it('the manual clock and a seed make two runs answer byte for byte alike (semantics 3.1)', async () => {
    const script = [
      [`${ECS_TARGET}.CreateCluster`, { clusterName: 'det' }],
      [`${ECS_TARGET}.RegisterTaskDefinition`, { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] }],
      [`${ECS_TARGET}.CreateService`, { cluster: 'det', serviceName: 'web', taskDefinition: 'web', desiredCount: 0 }],
      [`${SANDBOX_TARGET}.AdvanceTime`, { seconds: 1.5 }],
      [`${ECS_TARGET}.DescribeServices`, { cluster: 'det', services: ['web'] }],
    ] as const;
    const transcripts: string[] = [];
    for (let run = 0; run < 2; run++) {
      const cli = await startCli(['serve', '--port', '0', '--clock', 'manual', '--seed', '1234']);
      try {
        const replies: string[] = [];
        for (const [target, input] of script) replies.push(JSON.stringify(await callCli(cli.url, target, input)));
        transcripts.push(replies.join('\n'));
      } finally {
        await cli.stop();
      }
    }
    expect(transcripts[0]).toContain('"status":200');
    expect(transcripts[0]).not.toContain('"status":4');
    expect(transcripts[1]).toBe(transcripts[0]);
  }, 60_000);

  it('--host ::1 listens on IPv6 and prints the bracketed URL', async () => {
    const cli = await startCli(['serve', '--host', '::1', '--port', '0', '--clock', 'manual']);
    try {
      expect(cli.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
      expect((await callCli(cli.url, `${ECS_TARGET}.ListClusters`)).status).toBe(200);
    } finally {
      await cli.stop();
    }
  }, 30_000);

  it('a port already in use: exits 1 and says why', async () => {
    const first = await startCli(['serve', '--port', '0', '--clock', 'manual']);
    try {
      const port = new URL(first.url).port;
      const second = runCli(['serve', '--port', port, '--clock', 'manual']);
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(/^ecs-sandbox: could not start: .*EADDRINUSE/);
    } finally {
      await first.stop();
    }
  }, 30_000);

  it('--scenario with a missing file: exits 1 and says why', () => {
    const r = runCli(['serve', '--port', '0', '--scenario', '/nonexistent/scenario.json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^ecs-sandbox: could not start: .*ENOENT/);
  });

  it('--scenario with a call that fails: exits 1 and names the call', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ecs-sandbox-')), 'broken.json');
    writeFileSync(file, JSON.stringify({ calls: [
      { target: `${ECS_TARGET}.CreateCluster`, input: { clusterName: 'ok' } },
      { target: `${ECS_TARGET}.DeleteCluster`, input: { cluster: 'missing' } },
    ] }));
    const r = runCli(['serve', '--port', '0', '--scenario', file]);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      `ecs-sandbox: could not start: ${SANDBOX.scenarioCallFailed(2, `${ECS_TARGET}.DeleteCluster`, CLUSTERS.notFound)}`);
  });

  it('--scenario with a list of calls runs them on the seeded sandbox', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ecs-sandbox-')), 'calls.json');
    writeFileSync(file, JSON.stringify([{ target: `${ECS_TARGET}.CreateCluster`, input: { clusterName: 'from-a-file' } }]));
    const cli = await startCli(['serve', '--port', '0', '--clock', 'manual', '--seed', '5', '--scenario', file]);
    try {
      expect(cli.stdout()).toContain('(clock manual, seed 5, scenario ');
      const listed = await callCli(cli.url, `${ECS_TARGET}.ListClusters`);
      expect(listed.json.clusterArns).toContain('arn:aws:ecs:us-east-1:123456789012:cluster/from-a-file');
    } finally {
      await cli.stop();
    }
  }, 30_000);

  it('--scenario demo starts from the built-in demo', async () => {
    const cli = await startCli(['serve', '--port', '0', '--clock', 'manual', '--scenario', 'demo']);
    try {
      expect(cli.stdout()).toContain('scenario demo');
      const clusters = (await callCli(cli.url, `${ECS_TARGET}.ListClusters`)).json.clusterArns as string[];
      const services = await Promise.all(clusters.map((cluster) => callCli(cli.url, `${ECS_TARGET}.ListServices`, { cluster })));
      expect(services.flatMap((s) => s.json.serviceArns).length, 'the demo has services').toBeGreaterThan(0);
    } finally {
      await cli.stop();
    }
  }, 30_000);

  it('--scenario FILE loads what ExportScenario wrote', async () => {
    const source = await startCli(['serve', '--port', '0', '--clock', 'manual', '--seed', '99']);
    let exported: unknown;
    try {
      await callCli(source.url, `${ECS_TARGET}.CreateCluster`, { clusterName: 'exported' });
      exported = (await callCli(source.url, `${SANDBOX_TARGET}.ExportScenario`)).json;
    } finally {
      await source.stop();
    }
    const file = join(mkdtempSync(join(tmpdir(), 'ecs-sandbox-')), 'scenario.json');
    writeFileSync(file, JSON.stringify(exported));
    const cli = await startCli(['serve', '--port', '0', '--clock', 'manual', '--scenario', file]);
    try {
      const described = await callCli(cli.url, `${ECS_TARGET}.DescribeClusters`, { clusters: ['exported'] });
      expect(described.json.clusters.map((c: { status: string }) => c.status)).toEqual(['ACTIVE']);
    } finally {
      await cli.stop();
    }
  }, 60_000);
});
