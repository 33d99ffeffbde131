import { describe, expect, it } from 'vitest';
import { decodeShareFragment, encodeShareFragment, MAX_FRAGMENT_CHARS } from '../../../web/share/share-link.ts';

describe('share links (issue 5 item 4)', () => {
  it('round-trips a scenario through the fragment', async () => {
    const json = JSON.stringify({ schemaVersion: 2, seed: 7, regions: { 'us-east-1': { clusters: [{ clusterName: 'demo' }] } } });
    const encoded = await encodeShareFragment(json);
    if (!encoded.ok) throw new Error(encoded.problem);
    expect(encoded.fragment).toMatch(/^scenario=[A-Za-z0-9_-]+$/);
    expect(await decodeShareFragment(encoded.fragment)).toEqual({ ok: true, json });
  });

  it('refuses a scenario too big for a link, naming the size', async () => {
    // pseudo-random text hardly compresses: 40,000 hex digits (4 bits each) deflate to ~20 KB, ~27,000 base64url
    // characters… so take 60,000 to be safely above 32,000
    let x = 0x9e3779b9;
    const next = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) % 16);
    const noise = Array.from({ length: 60_000 }, () => next().toString(16)).join('');
    const result = await encodeShareFragment(JSON.stringify({ noise }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(new RegExp(`at most ${MAX_FRAGMENT_CHARS.toLocaleString('en')}\\); export it as a file instead\\.$`));
  });

  it.each([
    ['', 'The link holds no scenario.'],
    ['other=1', 'The link holds no scenario.'],
    ['scenario=%%%', 'The link is damaged: it has characters a scenario link never has.'],
    ['scenario=AAAA', 'The link is damaged: its scenario cannot be unpacked.'],
    [`scenario=${'A'.repeat(MAX_FRAGMENT_CHARS + 1)}`, 'The link is longer than any ecs-sandbox writes.'],
  ])('%s → %s', async (fragment, problem) => {
    expect(await decodeShareFragment(fragment)).toEqual({ ok: false, problem });
  });
});
