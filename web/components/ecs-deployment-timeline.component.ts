import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import type { SandboxView, SchedulerApi, ServiceView } from '../../src/worker/scheduler-api.ts';
import { outcomeError, sandboxCall } from '../view/call.ts';
import { deploymentSeriesColour } from '../view/colours.ts';
import { formatElapsed, shortDeploymentId } from '../view/format.ts';
import { DEFAULT_BOX, timelineGeometry, timelineSummary, type TimelineSample } from '../view/timeline-geometry.ts';
import { panelStyles } from './panel.styles.ts';

interface Timeline {
  serviceName: string;
  samples: TimelineSample[];
  stuck?: string;
}

/**
 * A service's deployment timeline (EcsSandbox.GetTimeline): running (solid) and pending (dashed) per
 * deployment over simulated time, against the band between MIN and MAX (9.1), with a text summary
 * for screen readers. Fetched again whenever the view's revision changes, one request at a time.
 *
 * @cssprop --ecs-band-color - the MIN..MAX band
 */
export class EcsDeploymentTimeline extends LitElement {
  static override properties = {
    scheduler: { attribute: false },
    view: { attribute: false },
    service: { attribute: false },
    chosen: { state: true },
    timeline: { state: true },
    error: { state: true },
  };

  static override styles = [panelStyles, css`
    svg { width: 100%; max-width: 56rem; height: auto; display: block; }
    .band { fill: var(--ecs-band-color, rgb(26 115 232 / 0.12)); }
    .limit { fill: none; stroke: var(--ecs-muted-color, #5f6368); stroke-width: 1; stroke-dasharray: 2 3; }
    .desired { fill: none; stroke: var(--ecs-fg, #202124); stroke-width: 1; stroke-dasharray: 6 3; opacity: 0.6; }
    .running { fill: none; stroke-width: 2.2; }
    .pending { fill: none; stroke-width: 1.5; stroke-dasharray: 4 3; }
    .axis text { font-size: 10px; fill: var(--ecs-muted-color, #5f6368); }
    .axis line { stroke: var(--ecs-border-color, #dadce0); }
    .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.85em; margin: 0.25rem 0; padding: 0; list-style: none; }
    .swatch { display: inline-block; width: 1.2rem; height: 0; border-top: 3px solid; vertical-align: middle; margin-right: 0.3rem; }
    .swatch.dashed { border-top-style: dashed; }
  `];

  declare scheduler: Pick<SchedulerApi, 'call'> | undefined;
  declare view: SandboxView | undefined;
  /** The service's ARN (the shell passes the selected one). */
  declare service: string | undefined;
  declare chosen: string | undefined;
  declare timeline: Timeline | undefined;
  declare error: string | undefined;
  private inFlight = false;
  private stale = false;

  private current(): ServiceView | undefined {
    const services = this.view?.services ?? [];
    const arn = this.chosen ?? this.service;
    return services.find((s) => s.arn === arn) ?? services[0];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('service') && this.service) this.chosen = undefined;
    if (changed.has('view') || changed.has('service') || changed.has('chosen') || changed.has('scheduler')) void this.load();
  }

  private async load(): Promise<void> {
    if (this.inFlight) { this.stale = true; return; }
    const scheduler = this.scheduler;
    const service = this.current();
    if (!scheduler || !service) { this.timeline = undefined; return; }
    this.inFlight = true;
    try {
      const out = await sandboxCall<Timeline>(scheduler, 'GetTimeline', { cluster: service.clusterName, service: service.serviceName });
      if (out.ok) { this.timeline = out.output; this.error = undefined; } else this.error = outcomeError(out);
    } finally {
      this.inFlight = false;
      if (this.stale) { this.stale = false; void this.load(); }
    }
  }

  protected override render() {
    const view = this.view;
    const service = this.current();
    if (!view || !service) return html`<p class="muted">No services.</p>`;
    const timeline = this.timeline?.serviceName === service.serviceName ? this.timeline : undefined;
    const samples = timeline?.samples ?? [];
    const geometry = timelineGeometry(samples, view.now / 1000);
    const summary = timelineSummary(service.serviceName, samples, timeline?.stuck);
    const box = DEFAULT_BOX;
    return html`
      <div class="controls">
        <label>Service
          <select data-testid="timeline-service" @change=${(e: Event) => { this.chosen = (e.target as HTMLSelectElement).value; }}>
            ${view.services.map((s) => html`<option value=${s.arn} ?selected=${s.arn === service.arn}>${s.serviceName} (${s.clusterName})</option>`)}
          </select>
        </label>
        <span class="muted">min ${service.deploymentConfiguration.minimumHealthyPercent}% · max ${service.deploymentConfiguration.maximumPercent}%
          · MIN ${service.min} · MAX ${service.max}${service.stuck ? html` · <strong>stuck: ${service.stuck}</strong>` : nothing}</span>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <figure style="margin: 0">
        <svg viewBox="0 0 ${box.width} ${box.height}" role="img" aria-labelledby="timeline-summary" data-testid="timeline-chart">
          <g class="axis">
            ${geometry.yTicks.map((t) => svg`<line x1=${box.left} x2=${box.width - box.right} y1=${t.y} y2=${t.y}></line>
              <text x=${box.left - 4} y=${t.y + 3} text-anchor="end">${t.value}</text>`)}
            ${geometry.xTicks.map((t) => svg`<text x=${t.x} y=${box.height - 6} text-anchor="middle">${formatElapsed(t.seconds * 1000)}</text>`)}
          </g>
          ${geometry.band ? svg`<path class="band" d=${geometry.band}></path>` : nothing}
          <path class="limit" d=${geometry.min}></path><path class="limit" d=${geometry.max}></path>
          <path class="desired" d=${geometry.desired}></path>
          ${geometry.series.map((s, i) => svg`
            <path class="running" d=${s.running} stroke=${deploymentSeriesColour(i)} data-deployment=${s.id}></path>
            <path class="pending" d=${s.pending} stroke=${deploymentSeriesColour(i)}></path>`)}
        </svg>
        <figcaption>
          <ul class="legend">
            <li><span class="swatch" style="border-color: var(--ecs-band-color, rgb(26 115 232 / 0.35)); border-top-width: 8px"></span>MIN…MAX band</li>
            <li><span class="swatch dashed" style="border-color: var(--ecs-fg, #202124)"></span>desired</li>
            ${geometry.series.map((s, i) => html`<li><span class="swatch" style="border-color: ${deploymentSeriesColour(i)}"></span>${s.status || 'gone'} ${shortDeploymentId(s.id)}
              running ${s.lastRunning}, <span class="swatch dashed" style="border-color: ${deploymentSeriesColour(i)}"></span>pending ${s.lastPending}</li>`)}
          </ul>
          <p id="timeline-summary" data-testid="timeline-summary">${summary}</p>
        </figcaption>
      </figure>
    `;
  }
}
