import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { SchedulerApi } from '../../src/worker/scheduler-api.ts';
import { positionOfQueryError, queryHints } from '../editors/query-hints.ts';
import { ECS_TARGET, editorStyles } from './ecs-editor-base.ts';

/** How long typing must pause before the expression is checked. */
const DEBOUNCE_MS = 250;

/**
 * A cluster query language expression (semantics 5), checked as you type: after a 250 ms pause the
 * worker runs `ListContainerInstances {filter}`, which parses with the same parser as memberOf and answers
 * a bad expression with the D48 message `Invalid expression at position <n>: <detail>.`
 *
 * @event ecs-query-input - on every edit; `detail.value` is the expression
 * @event ecs-query-validity - after each check; `detail` is `{ value, valid, message? }`
 */
export class EcsQueryInput extends LitElement {
  static override properties = {
    scheduler: { attribute: false },
    value: { attribute: false },
    cluster: { attribute: false },
    label: { attribute: false },
    readonly: { type: Boolean },
    invalid: { type: Boolean },
    state: { state: true },
    message: { state: true },
  };
  static override styles = [editorStyles, css`
    input { width: 100%; font-family: var(--ecs-mono-font, ui-monospace, monospace); }
    .valid { color: var(--ecs-success-color, #137333); font-size: 0.85em; margin: 0; }
    mark { background: var(--ecs-error-color, #b00020); color: var(--ecs-on-accent-color, #fff); padding: 0 0.1em; }
  `];

  declare scheduler: Pick<SchedulerApi, 'call'> | undefined;
  declare value: string;
  declare cluster: string | undefined;
  declare label: string;
  declare readonly: boolean;
  /** Set by the editor when an API call failed on this expression. */
  declare invalid: boolean;
  declare state: 'idle' | 'checking' | 'valid' | 'invalid' | 'unchecked';
  declare message: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private checkId = 0;

  constructor() {
    super();
    this.value = '';
    this.label = 'Expression';
    this.readonly = false;
    this.invalid = false;
    this.state = 'idle';
  }

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('input')?.focus(options);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('value') || changed.has('scheduler')) && this.scheduler && !this.readonly) this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(this.value), DEBOUNCE_MS);
  }

  private async check(value: string): Promise<void> {
    const scheduler = this.scheduler;
    if (!scheduler) return;
    const id = ++this.checkId;
    this.state = 'checking';
    const attempt = (cluster: string | undefined) =>
      scheduler.call(`${ECS_TARGET}.ListContainerInstances`, { ...(cluster ? { cluster } : {}), filter: value, maxResults: 1 });
    try {
      let outcome = await attempt(this.cluster);
      // The cluster only scopes the listing; without it the parser still runs (on `default`).
      if ('error' in outcome && outcome.error.code === 'ClusterNotFoundException' && this.cluster) outcome = await attempt(undefined);
      if (id !== this.checkId) return;
      if (!('error' in outcome)) {
        this.state = 'valid';
        this.message = undefined;
      } else if (outcome.error.code === 'InvalidParameterException') {
        this.state = 'invalid';
        this.message = outcome.error.message;
      } else {
        this.state = 'unchecked';
        this.message = `Could not check the expression (${outcome.error.code}: ${outcome.error.message})`;
      }
    } catch (error) {
      if (id !== this.checkId) return;
      this.state = 'unchecked';
      this.message = `Could not check the expression: ${(error as Error).message ?? error}`;
    }
    this.dispatchEvent(new CustomEvent('ecs-query-validity', { detail: { value, valid: this.state === 'valid', message: this.message } }));
  }

  private renderPosition() {
    const position = this.message ? positionOfQueryError(this.message) : undefined;
    if (position === undefined) return nothing;
    const at = position - 1;
    return html`<p class="hint mono" aria-hidden="true">${this.value.slice(0, at)}<mark>${this.value.slice(at, at + 1) || ' '}</mark>${this.value.slice(at + 1)}</p>`;
  }

  protected override render() {
    const bad = this.invalid || this.state === 'invalid';
    const hints = queryHints(this.value);
    const describedBy = ['status', hints.length ? 'hints' : ''].filter(Boolean).join(' ');
    return html`
      <div class="field">
        <label for="q">${this.label}</label>
        <input id="q" .value=${this.value} ?readonly=${this.readonly} spellcheck="false" autocomplete="off"
          placeholder="attribute:ecs.instance-type =~ t2.*" aria-invalid=${bad ? 'true' : 'false'} aria-describedby=${describedBy}
          @input=${(e: Event) => {
            this.value = (e.target as HTMLInputElement).value;
            this.dispatchEvent(new CustomEvent('ecs-query-input', { detail: { value: this.value } }));
          }}>
        <div id="status" aria-live="polite">
          ${this.state === 'invalid' ? html`<p class="error">${this.message}</p>${this.renderPosition()}` : nothing}
          ${this.state === 'unchecked' ? html`<p class="hint">${this.message}</p>` : nothing}
          ${this.state === 'valid' ? html`<p class="valid">Valid expression.</p>` : nothing}
          ${this.state === 'checking' ? html`<p class="hint">Checking…</p>` : nothing}
        </div>
        ${hints.length ? html`<div id="hints">${hints.map((h) => html`<p class="hint">${h}</p>`)}</div>` : nothing}
      </div>
    `;
  }
}
