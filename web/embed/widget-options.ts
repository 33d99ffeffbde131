// What an <ecs-sandbox> shows, from its attributes (no DOM: unit-tested in test/web/embed).

export const WIDGET_VIEWS = ['placement', 'deployment', 'what-if', 'full'] as const;
export type WidgetView = (typeof WIDGET_VIEWS)[number];

/** The clock speed `autoplay` plays at (issue 6: realtime:10 when visible). */
export const AUTOPLAY_SPEED = 10;
/** How long "Run until steady" may run the simulation, in simulated seconds. */
export const UNTIL_STEADY_MAX_SECONDS = 3600;

/** The `view` attribute as a known view; anything else (or nothing) is `placement`. */
export function widgetView(attribute: string | null | undefined): WidgetView {
  const value = (attribute ?? '').trim().toLowerCase();
  return (WIDGET_VIEWS as readonly string[]).includes(value) ? (value as WidgetView) : 'placement';
}

/** The regions a view shows, each a `::part` of the same name. */
export type Region = 'toolbar' | 'map' | 'services' | 'placement' | 'timeline' | 'events' | 'discovery' | 'whatif' | 'playground';

export function regionsOf(view: WidgetView, options: { hasDiscovery: boolean }): Region[] {
  switch (view) {
    case 'placement': return ['toolbar', 'services', 'map', 'placement', 'events'];
    case 'deployment': return ['toolbar', 'services', 'map', 'timeline', ...(options.hasDiscovery ? ['discovery' as const] : []), 'events'];
    case 'what-if': return ['whatif'];
    case 'full': return ['playground'];
  }
}

/** One line per service for the summary above the map: `web — 6 running, 0 pending of 6 (PRIMARY only)`. */
export function serviceSummary(s: {
  serviceName: string; running: number; pending: number; desiredCount: number; deployments: readonly unknown[]; stuck?: string;
}): string {
  const deployments = s.deployments.length > 1 ? `, ${s.deployments.length} deployments` : '';
  const stuck = s.stuck ? `, stuck (${s.stuck})` : '';
  return `${s.serviceName}: ${s.running} running, ${s.pending} pending of ${s.desiredCount}${deployments}${stuck}`;
}
