// Where an <ecs-sandbox> finds its scenario (web/embed/scenario-source.ts).
import { describe, expect, it } from 'vitest';
import { readScenario, scenarioSource } from '../../../web/embed/scenario-source.ts';

const PAGE = 'https://docs.example.com/guide/placement.html';

describe('scenarioSource', () => {
  it.each([
    // inline JSON wins over src; src is relative to the page, not to embed.js
    [{ inline: ' [1] ', src: 'x.json' }, { kind: 'inline', text: '[1]' }],
    [{ inline: null, src: 'scenario.json' }, { kind: 'url', url: 'https://docs.example.com/guide/scenario.json' }],
    [{ inline: '   ', src: '../s/a.json' }, { kind: 'url', url: 'https://docs.example.com/s/a.json' }],
    [{ inline: undefined, src: 'https://cdn.example.net/a.json' }, { kind: 'url', url: 'https://cdn.example.net/a.json' }],
    [{ inline: '', src: '' }, { kind: 'none' }],
  ])('%j', (options, source) => {
    expect(scenarioSource({ ...options, baseUri: PAGE })).toEqual(source);
  });
});

describe('readScenario', () => {
  it('inline text as it is; a fetched file; an HTTP error names the status and URL; no source says what to give', async () => {
    expect(await readScenario({ kind: 'inline', text: '[]' })).toBe('[]');
    const fetched: string[] = [];
    const ok = async (url: string) => { fetched.push(url); return new Response('{"calls": []}', { status: 200 }); };
    expect(await readScenario({ kind: 'url', url: 'https://a/s.json' }, ok)).toBe('{"calls": []}');
    expect(fetched).toEqual(['https://a/s.json']);
    const missing = async () => new Response('nope', { status: 404 });
    await expect(readScenario({ kind: 'url', url: 'https://a/s.json' }, missing)).rejects.toThrow('Could not load the scenario https://a/s.json: HTTP 404');
    await expect(readScenario({ kind: 'none' })).rejects.toThrow('No scenario: give src="scenario.json" or an inline <script type="application/json"> child.');
  });
});
