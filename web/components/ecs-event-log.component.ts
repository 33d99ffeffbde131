import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { SandboxView } from '../../src/worker/scheduler-api.ts';
import { isPlacementFailure, mergeEvents, splitLongMessage, type LogEvent } from '../view/events.ts';
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
    details.message summary { cursor: pointer; }
    details.message summary:focus-visible { outline: 3px solid var(--ecs-focus, #1a73e8); outline-offset: 1px; }
    .more { color: var(--ecs-muted-color, #5f6368); }
    .message { overflow-wrap: anywhere; min-width: 0; }
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
      <!-- keyed: a new event adds its row and the others keep their text (unkeyed, every row's long
           message changed and was shaped again at each view: most of a frame's layout at 5,000 tasks) -->
      <ol part="list" data-testid="events-list" aria-label="Service events, newest first">
        ${repeat(this.events, (e) => `${e.clusterName}/${e.serviceName}/${e.id}`, (e) => html`
          <li class=${isPlacementFailure(e.message) ? 'failure' : ''} data-testid="event">
            <time datetime=${new Date(e.createdAt).toISOString()} title=${`${formatUtc(e.createdAt)} UTC`}>${view ? formatClock(e.createdAt, view.startedAt) : ''}</time>
            <span class="mono">${e.serviceName}</span>
            ${this.renderMessage(e.message)}
          </li>`)}
      </ol>
    `;
  }

  /** A long message (thousands of task ids) shows its beginning; the rest is one keypress away and laid out only when opened. */
  private renderMessage(message: string) {
    const { head, rest } = splitLongMessage(message);
    if (rest === undefined) return html`<span class="message">${message}</span>`;
    return html`<details class="message"><summary>${head}… <span class="more">(${rest.length} more characters)</span></summary>${rest}</details>`;
  }
}
