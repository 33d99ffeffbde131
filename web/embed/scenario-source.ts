// Where an <ecs-sandbox> finds its scenario (no DOM: unit-tested in test/web/embed): an inline
// `<script type="application/json">` child, else `src` fetched relative to the page (not to embed.js).

export type ScenarioSource = { kind: 'inline'; text: string } | { kind: 'url'; url: string } | { kind: 'none' };

export function scenarioSource(options: { inline: string | null | undefined; src: string | null | undefined; baseUri: string }): ScenarioSource {
  const inline = options.inline?.trim();
  if (inline) return { kind: 'inline', text: inline };
  const src = options.src?.trim();
  if (src) return { kind: 'url', url: new URL(src, options.baseUri).href };
  return { kind: 'none' };
}

/** The scenario's text: inline as it is, or fetched (an HTTP error names the status and the URL). */
export async function readScenario(source: ScenarioSource, fetcher: (url: string) => Promise<Response> = fetch): Promise<string> {
  if (source.kind === 'inline') return source.text;
  if (source.kind === 'none') throw new Error('No scenario: give src="scenario.json" or an inline <script type="application/json"> child.');
  const response = await fetcher(source.url);
  if (!response.ok) throw new Error(`Could not load the scenario ${source.url}: HTTP ${response.status}`);
  return response.text();
}
