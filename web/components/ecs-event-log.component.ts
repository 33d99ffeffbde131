import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { SandboxView } from '../../src/worker/scheduler-api.ts';
import { isPlacementFailure, mergeEvents, type LogEvent } from '../view/events.ts';
import { formatClock, formatUtc } from '../view/format.ts';
import { panelStyles } from './panel.styles.ts';

/**
 * Every service's events (16), newest first, with a filter by service.
 *
 * @csspart list - the events list
 */
export class EcsEventLog extends LitElement {
  static override properties = {
    view: { attribute: false },
    service: { state: true },
  };

  static override styles = [panelStyles, css`
    ol { list-style: none; margin: 0; padding: 0; font-size: 0.88em; }
    li { display: grid; grid-template-columns: 6.5rem 8rem 1fr; gap: 0.5rem; padding: 0.2rem 0; border-bottom: 1px solid var(--ecs-border-color, #eceff1); }
    li.failure .message { color: var(--ecs-warn-color, #b06000); }
    time { font-variant-numeric: tabular-nums; }
    @media (max-width: 600px) { li { grid-template-columns: 1fr; gap: 0; } }
  `];

  declare view: SandboxView | undefined;
  /** `cluster/service`, or empty for all. */
  declare service: string;
  private events: LogEvent[] = [];

  constructor() {
    super();
    this.service = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') || changed.has('service')) this.events = this.view ? mergeEvents(this.view, this.service || undefined, 300) : [];
  }

  protected override render() {
    const view = this.view;
    return html`
      <div class="controls">
        <label>Service
          <select data-testid="events-filter" @change=${(e: Event) => { this.service = (e.target as HTMLSelectElement).value; }}>
            <option value="" ?selected=${!this.service}>All services</option>
            ${view?.services.map((s) => { const key = `${s.clusterName}/${s.serviceName}`; return html`<option value=${key} ?selected=${this.service === key}>${s.serviceName} (${s.clusterName})</option>`; })}
          </select>
        </label>
        <span class="muted">${this.events.length} event${this.events.length === 1 ? '' : 's'}, newest first</span>
      </div>
      ${this.events.length === 0 ? html`<p class="muted">No events yet. Press Play or Run until steady.</p>` : nothing}
      <ol part="list" data-testid="events-list" aria-label="Service events, newest first">
        ${this.events.map((e) => html`
          <li class=${isPlacementFailure(e.message) ? 'failure' : ''} data-testid="event">
            <time datetime=${new Date(e.createdAt).toISOString()} title=${`${formatUtc(e.createdAt)} UTC`}>${view ? formatClock(e.createdAt, view.startedAt) : ''}</time>
            <span class="mono">${e.serviceName}</span>
            <span class="message">${e.message}</span>
          </li>`)}
      </ol>
    `;
  }
}
