import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { editorStyles } from './ecs-editor-base.ts';

/** `CreateService` → `create-service`, as the AWS CLI names the command. */
const cliCommand = (operation: string) => operation.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

/**
 * The JSON tab of an editor: the request in the AWS CLI `--cli-input-json` shape, editable. The editor
 * owns the text; this element reports edits and the Apply press.
 *
 * @event ecs-json-input - on every edit; `detail.value` is the text
 * @event ecs-json-apply - when Apply is pressed (or Ctrl/⌘+Enter in the text)
 * @cssprop --ecs-mono-font
 */
export class EcsJsonEditor extends LitElement {
  static override properties = {
    value: { attribute: false },
    problem: { attribute: false },
    operation: { attribute: false },
    busy: { type: Boolean },
  };
  static override styles = [editorStyles, css`
    textarea { width: 100%; min-height: 18em; font-family: var(--ecs-mono-font, ui-monospace, monospace); font-size: 0.85em; resize: vertical; tab-size: 2; }
  `];

  declare value: string;
  declare problem: string | undefined;
  declare operation: string;
  declare busy: boolean;
  private applied = false;

  constructor() {
    super();
    this.value = '';
    this.operation = '';
    this.busy = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.applied && changed.has('problem') && this.problem) this.renderRoot.querySelector('textarea')?.focus();
    this.applied = false;
  }

  private apply(): void {
    this.applied = true;
    this.dispatchEvent(new CustomEvent('ecs-json-apply', { bubbles: true, composed: true }));
  }

  protected override render() {
    return html`
      <div class="field">
        <label for="json">Request JSON for <span class="mono">aws ecs ${cliCommand(this.operation)} --cli-input-json</span></label>
        <textarea id="json" spellcheck="false" .value=${this.value} aria-invalid=${this.problem ? 'true' : 'false'}
          aria-describedby=${this.problem ? 'json-problem json-hint' : 'json-hint'}
          @input=${(e: Event) => this.dispatchEvent(new CustomEvent('ecs-json-input', { detail: { value: (e.target as HTMLTextAreaElement).value } }))}
          @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); this.apply(); } }}></textarea>
        <p class="hint" id="json-hint">Edits show in the form as soon as the JSON parses. Apply sends this request as it is (Ctrl+Enter).</p>
        ${this.problem ? html`<p class="error" id="json-problem" role="alert">${this.problem}</p>` : nothing}
      </div>
      <div class="actions"><button class="primary" type="button" ?disabled=${this.busy} @click=${this.apply}>Apply JSON</button></div>
    `;
  }
}
