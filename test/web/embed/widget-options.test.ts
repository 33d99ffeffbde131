// What an <ecs-sandbox> shows from its attributes (web/embed/widget-options.ts).
import { describe, expect, it } from 'vitest';
import { regionsOf, serviceSummary, widgetView } from '../../../web/embed/widget-options.ts';

describe('widgetView', () => {
  it.each([
    ['placement', 'placement'], ['deployment', 'deployment'], ['what-if', 'what-if'], ['full', 'full'],
    [' Deployment ', 'deployment'], // attributes are trimmed and case-insensitive
    ['', 'placement'], [null, 'placement'], [undefined, 'placement'], ['timeline', 'placement'], // unknown → the default
  ])('%j → %s', (attribute, view) => {
    expect(widgetView(attribute)).toBe(view);
  });
});

describe('regionsOf', () => {
  it.each([
    ['placement', false, ['toolbar', 'services', 'map', 'placement', 'events']],
    ['deployment', false, ['toolbar', 'services', 'map', 'timeline', 'events']],
    // discovery records only when the scenario has a registry
    ['deployment', true, ['toolbar', 'services', 'map', 'timeline', 'discovery', 'events']],
    ['what-if', true, ['whatif']],
    ['full', false, ['playground']],
  ] as const)('%s (discovery %s)', (view, hasDiscovery, regions) => {
    expect(regionsOf(view, { hasDiscovery })).toEqual(regions);
  });
});

describe('serviceSummary', () => {
  it.each([
    [{ serviceName: 'web', running: 6, pending: 0, desiredCount: 6, deployments: [1] }, 'web: 6 running, 0 pending of 6'],
    [{ serviceName: 'web', running: 3, pending: 3, desiredCount: 6, deployments: [1, 2] }, 'web: 3 running, 3 pending of 6, 2 deployments'],
    [{ serviceName: 'api', running: 1, pending: 0, desiredCount: 3, deployments: [1], stuck: 'CAPACITY' }, 'api: 1 running, 0 pending of 3, stuck (CAPACITY)'],
  ])('%j', (service, text) => {
    expect(serviceSummary(service)).toBe(text);
  });
});
