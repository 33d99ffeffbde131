// The common part of the editors (not an element itself): the Form / JSON tabs, calls through the
// worker with errors placed next to their field (web/editors/error-fields.ts), focus on the first
// error, and the `ecs-change` event after every successful call.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import type { SandboxView, SchedulerApi } from '../../src/worker/scheduler-api.ts';
import { fieldOfError, nearestShownField, type ApiError, type EditorKind } from '../editors/error-fields.ts';
import { describeJsonProblem, parseRequestJson, prettyJson } from '../editors/json-text.ts';

export const ECS_TARGET = 'AmazonEC2ContainerServiceV20141113';
/** A request path as an element id: `loadBalancers[0].containerPort` → `f-loadBalancers-0-containerPort`. */
export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
export const errorId = (path: string) => `${fieldId(path)}-error`;

/** What the panel should show after a call (e.g. the service just created). */
export interface Selection { kind: string; id: string }

export interface FieldOptions {
  readonly?: boolean;
  type?: string;
  hint?: string;
  placeholder?: string;
  list?: string;
  inputmode?: 'numeric' | 'text';
}

export const editorStyles = css`
  :host { display: block; font: inherit; color: inherit; }
  h2 { font-size: 1.1em; margin: 0 0 0.5em; }
  .tabs { display: flex; gap: 0.25em; border-bottom: 1px solid var(--ecs-border-color, #dadce0); margin-bottom: 0.75em; }
  .tabs button { border: none; background: none; padding: 0.4em 0.8em; border-bottom: 3px solid transparent; color: inherit; font: inherit; cursor: pointer; }
  .tabs button[aria-selected='true'] { border-bottom-color: var(--ecs-accent-color, #1a73e8); font-weight: 600; }
  form, .grid { display: grid; gap: 0.6em; }
  .field { display: grid; gap: 0.15em; min-width: 0; }
  .row { display: flex; flex-wrap: wrap; gap: 0.6em; align-items: end; }
  .row > .field { flex: 1 1 9em; }
  label, legend { font-weight: 600; font-size: 0.9em; }
  input, select, textarea { font: inherit; padding: 0.3em 0.4em; min-width: 0; max-width: 100%; box-sizing: border-box;
    border: 1px solid var(--ecs-border-color, #9aa0a6); border-radius: 4px; background: var(--ecs-input-background, Field); color: inherit; }
  input[readonly], select:disabled { background: var(--ecs-readonly-background, transparent); border-style: dashed; }
  [aria-invalid='true'] { border-color: var(--ecs-error-color, #b00020); outline-color: var(--ecs-error-color, #b00020); }
  :focus-visible { outline: 2px solid var(--ecs-focus-color, #1a73e8); outline-offset: 2px; }
  fieldset { border: 1px solid var(--ecs-border-color, #dadce0); border-radius: 6px; padding: 0.5em 0.75em 0.75em; margin: 0; min-width: 0; }
  .check { display: flex; gap: 0.4em; align-items: center; font-weight: normal; }
  .hint, .muted { color: var(--ecs-muted-color, #5f6368); font-size: 0.85em; margin: 0; }
  .error { color: var(--ecs-error-color, #b00020); font-size: 0.9em; margin: 0; }
  .error.top { border: 1px solid currentColor; border-radius: 4px; padding: 0.4em 0.6em; }
  .warning { color: var(--ecs-warning-color, #8a5300); font-size: 0.9em; margin: 0; }
  .notice { color: var(--ecs-success-color, #137333); margin: 0; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5em; margin-top: 0.25em; }
  button { font: inherit; padding: 0.35em 0.8em; border-radius: 4px; border: 1px solid var(--ecs-border-color, #9aa0a6);
    background: var(--ecs-button-background, ButtonFace); color: inherit; cursor: pointer; }
  button.primary { background: var(--ecs-accent-color, #1a73e8); color: var(--ecs-on-accent-color, #fff); border-color: transparent; }
  button.danger { color: var(--ecs-error-color, #b00020); }
  button:disabled { opacity: 0.6; cursor: default; }
  .mono { font-family: var(--ecs-mono-font, ui-monospace, monospace); font-size: 0.9em; overflow-wrap: anywhere; }
  .item { border-top: 1px dashed var(--ecs-border-color, #dadce0); padding-top: 0.5em; margin-top: 0.5em; }
`;

export abstract class EcsEditorBase extends LitElement {
  static override properties = {
    scheduler: { attribute: false },
    view: { attribute: false },
    tab: { state: true },
    errors: { state: true },
    topError: { state: true },
    busy: { state: true },
    notice: { state: true },
    jsonText: { state: true },
    jsonProblem: { state: true },
  };
  static override styles = editorStyles;

  declare scheduler: Pick<SchedulerApi, 'call'> | undefined;
  declare view: SandboxView | undefined;
  declare tab: 'form' | 'json';
  declare errors: Record<string, string>;
  declare topError: string | undefined;
  declare busy: boolean;
  declare notice: string | undefined;
  declare jsonText: string;
  declare jsonProblem: string | undefined;

  protected abstract readonly kind: EditorKind;
  /** Paths rendered with an error slot in the last render (nearestShownField maps errors onto them). */
  protected shown = new Set<string>();
  private focusError = false;

  constructor() {
    super();
    this.tab = 'form';
    this.errors = {};
    this.busy = false;
    this.jsonText = '';
  }

  /** The operation (without the target prefix) and request the form stands for. */
  protected abstract jsonRequest(): { operation: string; request: unknown };
  /** Takes a parsed request from the JSON tab into the form. */
  protected abstract jsonToForm(value: Record<string, unknown>): void;
  protected abstract heading(): string;
  protected abstract renderForm(): TemplateResult;
  /** Extra controls above the JSON text (the instance editor picks the operation there). */
  protected renderJsonExtras(): TemplateResult | typeof nothing {
    return nothing;
  }

  /** Calls the API. On success fires `ecs-change`; on failure places AWS's message and focuses it. */
  protected async send(operation: string, input: unknown, request: Record<string, unknown> = input as Record<string, unknown>,
    selection?: Selection | ((output: unknown) => Selection | undefined)): Promise<unknown> {
    const scheduler = this.scheduler;
    if (!scheduler) {
      this.showErrors({ code: 'NotReady', message: 'The sandbox worker is not connected yet.' }, request);
      return undefined;
    }
    this.busy = true;
    this.notice = undefined;
    try {
      const outcome = await scheduler.call(`${ECS_TARGET}.${operation}`, input);
      if ('error' in outcome) {
        this.showErrors(outcome.error, request);
        return undefined;
      }
      this.errors = {};
      this.topError = undefined;
      const selected = typeof selection === 'function' ? selection(outcome.output) : selection;
      this.dispatchEvent(new CustomEvent('ecs-change', {
        detail: { operation, input, output: outcome.output, ...(selected ? { selection: selected } : {}) }, bubbles: true, composed: true,
      }));
      return outcome.output ?? {};
    } catch (error) {
      this.showErrors({ code: 'WorkerError', message: (error as Error).message ?? String(error) }, request);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  protected showErrors(error: ApiError, request: Record<string, unknown>): void {
    const path = fieldOfError(this.kind, error, request);
    const field = path === undefined ? undefined : nearestShownField(path, this.shown);
    const text = `${error.code}: ${error.message}`;
    this.errors = field ? { [field]: text } : {};
    this.topError = field && this.tab === 'form' ? undefined : text;
    this.focusError = true;
  }

  /** The form's own problems (whole numbers): shown like API errors, and nothing is sent. */
  protected showProblems(problems: Record<string, string>): boolean {
    const entries = Object.entries(problems);
    if (!entries.length) return false;
    const errors: Record<string, string> = {};
    for (const [path, message] of entries) errors[nearestShownField(path, this.shown) ?? path] = message;
    this.errors = errors;
    this.topError = undefined;
    this.focusError = true;
    return true;
  }

  protected override updated(): void {
    if (!this.focusError) return;
    this.focusError = false;
    const root = this.renderRoot as ShadowRoot;
    const target = root.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid], .error.top');
    target?.focus();
  }

  protected clearError(path: string): void {
    if (this.errors[path]) {
      const { [path]: _dropped, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  // ── field helpers: a label on every control, the error next to it, tied by aria-describedby ──

  protected errorSlot(path: string): TemplateResult | typeof nothing {
    this.shown.add(path);
    const message = this.errors[path];
    return message ? html`<p class="error" id=${errorId(path)}>${message}</p>` : nothing;
  }

  protected describedBy(path: string, hint?: string): string | typeof nothing {
    const ids = [hint ? `${fieldId(path)}-hint` : '', this.errors[path] ? errorId(path) : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  protected textField(path: string, label: string, value: string, set: (v: string) => void, o: FieldOptions = {}): TemplateResult {
    return html`<div class="field">
      <label for=${fieldId(path)}>${label}</label>
      <input id=${fieldId(path)} type=${o.type ?? 'text'} .value=${value} ?readonly=${o.readonly} placeholder=${o.placeholder ?? nothing}
        inputmode=${o.inputmode ?? nothing} list=${o.list ?? nothing} autocomplete="off"
        aria-invalid=${this.errors[path] ? 'true' : 'false'} aria-describedby=${this.describedBy(path, o.hint)}
        @input=${(e: Event) => { this.clearError(path); set((e.target as HTMLInputElement).value); }}>
      ${o.hint ? html`<p class="hint" id=${`${fieldId(path)}-hint`}>${o.hint}</p>` : nothing}
      ${this.errorSlot(path)}
    </div>`;
  }

  protected numberField(path: string, label: string, value: string, set: (v: string) => void, o: FieldOptions = {}): TemplateResult {
    // type=text with inputmode=numeric: keeps what was typed (the form flags non-numbers itself)
    return this.textField(path, label, value, set, { inputmode: 'numeric', ...o });
  }

  protected selectField(path: string, label: string, value: string, options: readonly (string | [string, string])[],
    set: (v: string) => void, o: FieldOptions = {}): TemplateResult {
    const pairs = options.map((opt) => (typeof opt === 'string' ? [opt, opt] : opt));
    if (!pairs.some(([v]) => v === value)) pairs.push([value, value]);
    return html`<div class="field">
      <label for=${fieldId(path)}>${label}</label>
      <select id=${fieldId(path)} ?disabled=${o.readonly} aria-invalid=${this.errors[path] ? 'true' : 'false'}
        aria-describedby=${this.describedBy(path, o.hint)}
        @change=${(e: Event) => { this.clearError(path); set((e.target as HTMLSelectElement).value); }}>
        ${pairs.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
      </select>
      ${o.hint ? html`<p class="hint" id=${`${fieldId(path)}-hint`}>${o.hint}</p>` : nothing}
      ${this.errorSlot(path)}
    </div>`;
  }

  protected checkField(path: string, label: string, checked: boolean, set: (v: boolean) => void, o: FieldOptions = {}): TemplateResult {
    return html`<div class="field">
      <label class="check"><input id=${fieldId(path)} type="checkbox" .checked=${checked} ?disabled=${o.readonly}
        aria-invalid=${this.errors[path] ? 'true' : 'false'} aria-describedby=${this.describedBy(path, o.hint)}
        @change=${(e: Event) => { this.clearError(path); set((e.target as HTMLInputElement).checked); }}> ${label}</label>
      ${o.hint ? html`<p class="hint" id=${`${fieldId(path)}-hint`}>${o.hint}</p>` : nothing}
      ${this.errorSlot(path)}
    </div>`;
  }

  /** A group (list) with its error under the legend; focusable so focus can move to its error. */
  protected group(path: string, legend: string, body: TemplateResult, hint?: string): TemplateResult {
    const invalid = Boolean(this.errors[path]);
    return html`<fieldset id=${fieldId(path)} tabindex=${invalid ? '-1' : nothing} ?data-invalid=${invalid}
      aria-describedby=${this.describedBy(path, hint)}>
      <legend>${legend}</legend>
      ${hint ? html`<p class="hint" id=${`${fieldId(path)}-hint`}>${hint}</p>` : nothing}
      ${this.errorSlot(path)}
      ${body}
    </fieldset>`;
  }

  // ── tabs and the JSON tab ──

  private selectTab(tab: 'form' | 'json'): void {
    if (tab === this.tab) return;
    if (tab === 'json') {
      this.jsonText = prettyJson(this.jsonRequest().request);
      this.jsonProblem = undefined;
    }
    this.tab = tab;
  }

  private onTabKey(e: KeyboardEvent): void {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const next = this.tab === 'form' ? 'json' : 'form';
    this.selectTab(e.key === 'Home' ? 'form' : e.key === 'End' ? 'json' : next);
    void this.updateComplete.then(() => (this.renderRoot as ShadowRoot).querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus());
  }

  /** Typing in the JSON tab updates the form whenever the text parses (both stay in sync). */
  private onJsonInput(text: string): void {
    this.jsonText = text;
    const parsed = parseRequestJson(text);
    if ('problem' in parsed) {
      this.jsonProblem = describeJsonProblem(parsed.problem);
      return;
    }
    this.jsonProblem = undefined;
    this.jsonToForm(parsed.value);
  }

  /** Applying the JSON tab sends the parsed request as it is. */
  private async onJsonApply(): Promise<void> {
    const parsed = parseRequestJson(this.jsonText);
    if ('problem' in parsed) {
      this.jsonProblem = describeJsonProblem(parsed.problem);
      this.focusError = true;
      return;
    }
    this.jsonToForm(parsed.value);
    await this.applyJsonRequest(this.jsonRequest().operation, parsed.value);
  }

  /** Sends the JSON tab's request; editors with follow-up work (reloading) override it. */
  protected async applyJsonRequest(operation: string, request: Record<string, unknown>): Promise<void> {
    await this.send(operation, request);
  }

  protected override render(): TemplateResult {
    this.shown = new Set();
    const { operation } = this.jsonRequest();
    return html`
      <h2>${this.heading()}</h2>
      <div class="tabs" role="tablist" aria-label="Editor view" @keydown=${this.onTabKey}>
        <button id="tab-form" role="tab" aria-selected=${this.tab === 'form'} aria-controls="panel" tabindex=${this.tab === 'form' ? 0 : -1}
          @click=${() => this.selectTab('form')}>Form</button>
        <button id="tab-json" role="tab" aria-selected=${this.tab === 'json'} aria-controls="panel" tabindex=${this.tab === 'json' ? 0 : -1}
          @click=${() => this.selectTab('json')}>JSON</button>
      </div>
      <div id="panel" role="tabpanel" aria-labelledby=${`tab-${this.tab}`}>
        ${this.topError ? html`<p class="error top" id="top-error" role="alert" tabindex="-1">${this.topError}</p>` : nothing}
        ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
        ${this.tab === 'form' ? this.renderForm() : html`
          ${this.renderJsonExtras()}
          <ecs-json-editor .value=${this.jsonText} .problem=${this.jsonProblem} .operation=${operation} .busy=${this.busy}
            @ecs-json-input=${(e: CustomEvent<{ value: string }>) => this.onJsonInput(e.detail.value)}
            @ecs-json-apply=${() => this.onJsonApply()}></ecs-json-editor>`}
      </div>
    `;
  }
}
