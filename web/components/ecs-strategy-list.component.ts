import { LitElement, html, nothing } from 'lit';
import { STRATEGY_TYPES } from '../editors/aws-shapes.ts';
import { MAX_STRATEGIES, STRATEGY_FIELDS, defaultStrategyField, moveRow, type StrategyRow } from '../editors/placement-form.ts';
import { editorStyles } from './ecs-editor-base.ts';

/**
 * Placement strategies as an ordered list of up to 5 (semantics 6.1, 6.2): each a type and the field
 * that type takes (binpack: cpu | memory; spread: instanceId, host or attribute:<name>; random: none).
 *
 * @event ecs-rows-change - after every edit; `detail.rows` is the new StrategyRow[]
 */
export class EcsStrategyList extends LitElement {
  static override properties = {
    rows: { attribute: false },
    readonly: { type: Boolean },
  };
  static override styles = editorStyles;

  declare rows: StrategyRow[];
  declare readonly: boolean;

  constructor() {
    super();
    this.rows = [];
    this.readonly = false;
  }

  private change(rows: StrategyRow[], focus?: string): void {
    this.dispatchEvent(new CustomEvent('ecs-rows-change', { detail: { rows } }));
    if (focus) void this.updateComplete.then(() => requestAnimationFrame(() => this.renderRoot.querySelector<HTMLElement>(focus)?.focus()));
  }

  private set(i: number, patch: Partial<StrategyRow>): void {
    this.change(this.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  }

  protected override render() {
    const n = this.rows.length;
    return html`
      ${n === 0 ? html`<p class="muted">No strategy: EC2 tasks are spread over Availability Zones, then instances (6.7).</p>` : nothing}
      <ol class="grid" style="list-style: none; padding: 0; margin: 0">
        ${this.rows.map((row, i) => html`<li class="item"><div class="row">
          <div class="field">
            <label for=${`type-${i}`}>Strategy ${i + 1} type</label>
            <select id=${`type-${i}`} ?disabled=${this.readonly}
              @change=${(e: Event) => { const type = (e.target as HTMLSelectElement).value; this.set(i, { type, field: defaultStrategyField(type) }); }}>
              ${[...new Set([...STRATEGY_TYPES, row.type])].map((t) => html`<option value=${t} ?selected=${t === row.type}>${t}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for=${`field-${i}`}>Strategy ${i + 1} field</label>
            <input id=${`field-${i}`} .value=${row.field} list=${`fields-${row.type}`} ?readonly=${this.readonly || row.type === 'random'}
              aria-describedby=${`fields-hint-${i}`} autocomplete="off"
              @input=${(e: Event) => this.set(i, { field: (e.target as HTMLInputElement).value })}>
            <p class="hint" id=${`fields-hint-${i}`}>${row.type === 'random' ? 'random takes no field.'
              : row.type === 'spread' ? 'instanceId, host or attribute:<name>.' : `One of ${(STRATEGY_FIELDS[row.type] ?? []).join(', ')}.`}</p>
          </div>
          ${this.readonly ? nothing : html`<div class="actions" role="group" aria-label=${`Strategy ${i + 1}`}>
            <button type="button" id=${`up-${i}`} ?disabled=${i === 0} @click=${() => this.change(moveRow(this.rows, i, -1), `#up-${i - 1}`)}
              aria-label=${`Move strategy ${i + 1} up`}>↑</button>
            <button type="button" id=${`down-${i}`} ?disabled=${i === n - 1} @click=${() => this.change(moveRow(this.rows, i, 1), `#down-${i + 1}`)}
              aria-label=${`Move strategy ${i + 1} down`}>↓</button>
            <button type="button" class="danger" @click=${() => this.change(this.rows.filter((_, j) => j !== i), '#add')}
              aria-label=${`Remove strategy ${i + 1}`}>Remove</button>
          </div>`}
        </div></li>`)}
      </ol>
      ${Object.entries(STRATEGY_FIELDS).map(([type, fields]) => html`<datalist id=${`fields-${type}`}>${fields.map((f) => html`<option value=${f}></option>`)}</datalist>`)}
      ${this.readonly ? nothing : html`<div class="actions">
        <button type="button" id="add" ?disabled=${n >= MAX_STRATEGIES}
          @click=${() => this.change([...this.rows, { type: 'spread', field: defaultStrategyField('spread') }], `#type-${n}`)}>Add strategy</button>
        <span class="hint">Applied in order${n >= MAX_STRATEGIES ? `; at most ${MAX_STRATEGIES}` : ''}.</span>
      </div>`}
    `;
  }
}
