import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { CallOutcome, SchedulerApi, ScenarioStatus, ScenarioSummary } from '../../src/worker/scheduler-api.ts';
import { sandboxCall } from '../view/call.ts';
import { copyName, itemLabel, libraryMoved, reloadedByOtherTab, savedAtText, scenarioNotes, uniqueName } from '../view/scenario-library-model.ts';
import { exportFileName, exportFileText, importSizeProblem, rawFileName, scenarioNameFromFile } from '../share/scenario-file.ts';
import { encodeShareFragment } from '../share/share-link.ts';
import { shareUrl } from '../share/share-hash.ts';

/** The worker's library methods and `call` (for ExportScenario): what this element uses of SchedulerApi. */
export type LibraryScheduler = Pick<SchedulerApi,
  'call' | 'listScenarios' | 'currentScenario' | 'newScenario' | 'openScenario' | 'duplicateScenario' |
  'renameScenario' | 'deleteScenario' | 'importScenario' | 'readRawScenario'>;

/** How often the open scenario's status is read (another tab's changes, saves) while the page is visible. */
export const STATUS_POLL_MS = 2000;

type Failure = { text: string; raw?: ScenarioSummary };

/**
 * The scenario library (issue 5 item 4): the stored scenarios with open, rename (inline: Enter saves,
 * Escape cancels), duplicate, delete (with a confirmation) and, for a damaged record, its problem and
 * "Download raw data"; new (from the demo or empty), export to a file, import from a file (also by
 * dropping it: see `importFile`), and the share link. It reads currentScenario() every 2 s while
 * the page is visible and says, in a polite live region, when another tab changed the open scenario.
 *
 * @event ecs-scenario-change - another scenario is open, or the open one was reloaded from another tab;
 *   `detail.reason` is `open`, `new`, `import`, `delete` or `other-tab`. The shell reads the view again.
 */
export class EcsScenarioLibrary extends LitElement {
  static override properties = {
    scheduler: { attribute: false },
    clockRunning: { attribute: false },
    scenarios: { state: true },
    status: { state: true },
    unavailable: { state: true },
    renaming: { state: true },
    confirming: { state: true },
    busy: { state: true },
    message: { state: true },
    failure: { state: true },
    link: { state: true },
  };

  static override styles = css`
    :host { display: block; font: inherit; }
    h2 { font-size: 0.95rem; margin: 0.6rem 0 0.25rem; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { padding: 0.2rem 0.25rem; border-radius: 4px; }
    li[data-open='true'] { background: var(--ecs-selected-bg, #e8f0fe); }
    .name-row { display: flex; align-items: baseline; gap: 0.35rem; flex-wrap: wrap; }
    .open { font: inherit; font-weight: 600; background: none; border: none; padding: 0.1rem 0; color: var(--ecs-accent, #1a73e8);
      text-decoration: underline; cursor: pointer; text-align: left; overflow-wrap: anywhere; }
    .open[aria-current='true'] { color: inherit; text-decoration: none; cursor: default; }
    .meta { color: var(--ecs-muted-color, #5f6368); font-size: 0.82em; }
    .badge { font-size: 0.78em; border: 1px solid var(--ecs-error-color, #b00020); color: var(--ecs-error-color, #b00020);
      border-radius: 1em; padding: 0 0.45em; }
    .problem { color: var(--ecs-error-color, #b00020); font-size: 0.85em; margin: 0.1rem 0; overflow-wrap: anywhere; }
    .item-actions, .actions { display: flex; flex-wrap: wrap; gap: 0.25rem; margin-top: 0.2rem; }
    .actions { margin-top: 0.5rem; }
    button { font: inherit; font-size: 0.85em; padding: 0.1rem 0.45rem; border: 1px solid var(--ecs-border-color, #dadce0);
      border-radius: 4px; background: var(--ecs-bg, #fff); color: inherit; cursor: pointer; }
    button:disabled { opacity: 0.6; cursor: default; }
    button.danger { border-color: var(--ecs-error-color, #b00020); color: var(--ecs-error-color, #b00020); }
    button:focus-visible, input:focus-visible { outline: 3px solid var(--ecs-focus, #1a73e8); outline-offset: 1px; }
    input[type='text'] { font: inherit; width: 100%; box-sizing: border-box; background: var(--ecs-bg, #fff); color: inherit;
      border: 1px solid var(--ecs-border-color, #dadce0); border-radius: 4px; padding: 0.1rem 0.3rem; }
    .confirm { border: 1px solid var(--ecs-error-color, #b00020); border-radius: 4px; padding: 0.3rem; margin-top: 0.2rem; }
    .confirm p { margin: 0 0 0.25rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    .notice { margin: 0.35rem 0 0; font-size: 0.88em; overflow-wrap: anywhere; }
    .notice:empty { display: none; }
    .error { color: var(--ecs-error-color, #b00020); }
    .sync { color: var(--ecs-warn-color, #a04e00); }
    .share label { display: block; font-size: 0.85em; margin-top: 0.35rem; }
  `;

  declare scheduler: LibraryScheduler | undefined;
  /** The simulated clock runs (the view says realtime): saves happen every 2 s, not only after edits. */
  declare clockRunning: boolean;
  declare scenarios: ScenarioSummary[] | undefined;
  declare status: ScenarioStatus | undefined;
  declare unavailable: string | undefined;
  declare renaming: string | undefined;
  declare confirming: string | undefined;
  declare busy: boolean;
  declare message: string;
  declare failure: Failure | undefined;
  declare link: string | undefined;

  private timer: ReturnType<typeof setTimeout> | undefined;
  private reading: Promise<void> | undefined;
  /** The next reading follows this tab's own library action: read the list, infer no other tab's reload. */
  private afterOwnAction = false;
  private actionEpoch = 0;
  private connected = false;

  constructor() {
    super();
    this.clockRunning = false;
    this.busy = false;
    this.message = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    this.schedule();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('scheduler') && this.scheduler) void this.read();
  }

  private onVisibility = () => {
    if (document.visibilityState === 'visible') void this.read();
  };

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.connected) this.timer = setTimeout(() => void this.read(), STATUS_POLL_MS);
  }

  /** Reads the open scenario's status, and the list when the library moved. One reading at a time. */
  read(): Promise<void> {
    this.reading ??= this.readNow().finally(() => {
      this.reading = undefined;
      this.schedule();
    });
    return this.reading;
  }

  private async readNow(): Promise<void> {
    const scheduler = this.scheduler;
    if (!scheduler || (document.visibilityState === 'hidden' && this.status)) return;
    // an action of this tab during (or just before) this reading explains any change it sees
    let own = this.afterOwnAction || this.busy;
    this.afterOwnAction = false;
    const epoch = this.actionEpoch;
    try {
      const current = await scheduler.currentScenario();
      own ||= epoch !== this.actionEpoch;
      if ('error' in current) {
        this.unavailable = `${current.error.code}: ${current.error.message}`;
        return;
      }
      const prev = this.status;
      const next = current.output;
      const moved = own || libraryMoved(prev, next) || !this.scenarios;
      this.status = next;
      this.unavailable = undefined;
      if (!own && reloadedByOtherTab(prev, next, this.clockRunning)) {
        this.message = `“${next.scenario!.name}” was changed in another tab; this tab now shows its latest state.`;
        this.changed('other-tab');
      }
      if (moved) {
        const list = await scheduler.listScenarios();
        if ('output' in list) this.scenarios = list.output;
      }
    } catch (error) {
      this.unavailable = `The scenario library is not available: ${(error as Error)?.message ?? String(error)}`;
    }
  }

  private changed(reason: 'open' | 'new' | 'import' | 'delete' | 'other-tab') {
    this.dispatchEvent(new CustomEvent('ecs-scenario-change', { detail: { reason }, bubbles: true, composed: true }));
  }

  /** Runs one library action: its failure is shown (and nothing else changes), then status and list are read again. */
  private async act<T>(run: (s: LibraryScheduler) => Promise<CallOutcome<T>>, onDone: (output: T) => void, raw?: ScenarioSummary): Promise<boolean> {
    const scheduler = this.scheduler;
    if (!scheduler || this.busy) return false;
    this.busy = true;
    this.actionEpoch++;
    this.failure = undefined;
    let ok = false;
    try {
      const outcome = await run(scheduler);
      if ('error' in outcome) {
        this.failure = { text: `${outcome.error.code}: ${outcome.error.message}`, ...(raw ? { raw } : {}) };
      } else {
        ok = true;
        onDone(outcome.output);
      }
    } catch (error) {
      this.failure = { text: `The scheduler worker did not answer: ${(error as Error)?.message ?? String(error)}` };
    } finally {
      this.busy = false;
    }
    // the list is read again whatever happened (a failed open marks the record damaged); what this
    // tab just did is not "another tab's change"
    this.afterOwnAction = true;
    await this.reading;
    await this.read();
    return ok;
  }

  private get names(): string[] {
    return (this.scenarios ?? []).map((s) => s.name);
  }

  private get openName(): string {
    return this.status?.scenario?.name ?? 'scenario';
  }

  private open(s: ScenarioSummary) {
    void this.act((api) => api.openScenario(s.id), (opened) => {
      this.message = `Opened “${opened.name}”.`;
      this.link = undefined;
      this.changed('open');
    }, s);
  }

  private create(from: 'demo' | 'empty') {
    const name = uniqueName(from === 'demo' ? 'Demo' : 'Untitled', this.names);
    void this.act((api) => api.newScenario(name, from), (created) => {
      this.message = `Created “${created.name}” and opened it.`;
      this.link = undefined;
      this.changed('new');
    });
  }

  private duplicate(s: ScenarioSummary) {
    const name = copyName(s.name, this.names);
    void this.act((api) => api.duplicateScenario(s.id, name), (copy) => { this.message = `Duplicated “${s.name}” as “${copy.name}”.`; });
  }

  private startRename(s: ScenarioSummary) {
    this.confirming = undefined;
    this.renaming = s.id;
    void this.updateComplete.then(() => {
      const input = this.renderRoot.querySelector<HTMLInputElement>('[data-testid="rename-input"]');
      input?.focus();
      input?.select();
    });
  }

  private stopRename(s: ScenarioSummary) {
    this.renaming = undefined;
    this.focusLater(`[data-scenario-id="${CSS.escape(s.id)}"] [data-testid="rename-scenario"]`);
  }

  private async commitRename(s: ScenarioSummary, value: string) {
    if (value.trim() === s.name) return this.stopRename(s);
    const ok = await this.act((api) => api.renameScenario(s.id, value), (renamed) => { this.message = `Renamed “${s.name}” to “${renamed.name}”.`; });
    if (ok) this.stopRename(s);
    else this.focusLater('[data-testid="rename-input"]'); // the field stays open with the worker's message below
  }

  private onRenameKey(e: KeyboardEvent, s: ScenarioSummary) {
    if (e.key === 'Enter') {
      e.preventDefault();
      void this.commitRename(s, (e.target as HTMLInputElement).value);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.stopRename(s);
    }
  }

  private askDelete(s: ScenarioSummary) {
    this.renaming = undefined;
    this.confirming = s.id;
    this.focusLater('[data-testid="confirm-delete"]');
  }

  private cancelDelete(s: ScenarioSummary) {
    this.confirming = undefined;
    this.focusLater(`[data-scenario-id="${CSS.escape(s.id)}"] [data-testid="delete-scenario"]`);
  }

  private async deleteConfirmed(s: ScenarioSummary) {
    const wasOpen = s.id === this.status?.scenario?.id;
    this.confirming = undefined;
    const ok = await this.act((api) => api.deleteScenario(s.id), () => {
      this.message = wasOpen ? `Deleted “${s.name}”; another scenario is open now.` : `Deleted “${s.name}”.`;
      if (wasOpen) this.changed('delete');
    });
    if (ok) this.focusLater('#library-heading');
  }

  private async downloadRaw(s: ScenarioSummary) {
    await this.act((api) => api.readRawScenario(s.id), (text) => {
      download(rawFileName(s.name), text);
      this.message = `Downloaded the stored data of “${s.name}” as ${rawFileName(s.name)}.`;
    }, s);
  }

  private async exportCurrent() {
    const scheduler = this.scheduler;
    if (!scheduler) return;
    this.failure = undefined;
    const exported = await sandboxCall(scheduler, 'ExportScenario');
    if (!exported.ok) {
      this.failure = { text: `Export failed: ${exported.code}: ${exported.message}` };
      return;
    }
    const fileName = exportFileName(this.openName);
    download(fileName, exportFileText(exported.output));
    this.message = `Exported ${fileName}.`;
  }

  /** Imports a scenario file (the file input, or one dropped on the sidebar). A refused file changes nothing. */
  async importFile(file: File): Promise<void> {
    this.failure = undefined;
    const tooBig = importSizeProblem(file.name, file.size);
    if (tooBig) {
      this.failure = { text: tooBig };
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      this.failure = { text: `${file.name} could not be read: ${(error as Error)?.message ?? String(error)}. Nothing was changed.` };
      return;
    }
    const keep = this.openName;
    const ok = await this.act((api) => api.importScenario(text, scenarioNameFromFile(file.name)), (imported) => {
      this.message = `Imported ${file.name} as “${imported.name}” and opened it.`;
      this.link = undefined;
      this.changed('import');
    });
    const refused = this.failure as Failure | undefined;
    if (!ok && refused) this.failure = { text: `${file.name} was not imported: ${refused.text} “${keep}” is still open; nothing was changed.` };
  }

  private onFileChosen(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again imports it again
    if (file) void this.importFile(file);
  }

  private async copyShareLink() {
    const scheduler = this.scheduler;
    if (!scheduler) return;
    this.failure = undefined;
    this.link = undefined;
    const exported = await sandboxCall(scheduler, 'ExportScenario');
    if (!exported.ok) {
      this.failure = { text: `The share link could not be made: ${exported.code}: ${exported.message}` };
      return;
    }
    const encoded = await encodeShareFragment(JSON.stringify(exported.output));
    if (!encoded.ok) {
      this.failure = { text: encoded.problem };
      return;
    }
    const link = shareUrl(location, encoded.fragment);
    this.link = link;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      this.message = `Share link copied to the clipboard (${link.length.toLocaleString('en')} characters).`;
    } catch {
      this.message = 'The clipboard is not available here: copy the link from the Share link field.';
      await this.updateComplete;
      const field = this.renderRoot.querySelector<HTMLInputElement>('[data-testid="share-link-field"]');
      field?.focus();
      field?.select();
    }
  }

  private focusLater(selector: string) {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  protected override render() {
    const openId = this.status?.scenario?.id;
    const notes = this.status ? scenarioNotes(this.status) : [];
    return html`
      <h2 id="library-heading" tabindex="-1">Scenarios</h2>
      ${this.scenarios ? html`
        <ul data-testid="scenario-list" aria-labelledby="library-heading" aria-busy=${this.busy ? 'true' : 'false'}>
          ${this.scenarios.map((s) => this.renderItem(s, s.id === openId))}
        </ul>` : html`<p class="meta">${this.unavailable ?? 'Reading the scenario library…'}</p>`}
      <div class="actions" role="group" aria-label="Scenario library actions">
        <button data-testid="new-scenario-demo" ?disabled=${this.busy || !this.scenarios} @click=${() => this.create('demo')}>New from demo</button>
        <button data-testid="new-scenario-empty" ?disabled=${this.busy || !this.scenarios} @click=${() => this.create('empty')}>New empty</button>
        <button data-testid="export-scenario" ?disabled=${!this.scheduler} @click=${() => void this.exportCurrent()}>Export</button>
        <button data-testid="import-scenario" ?disabled=${this.busy || !this.scenarios}
          @click=${() => this.renderRoot.querySelector<HTMLInputElement>('[data-testid="import-file"]')?.click()}>Import…</button>
        <input type="file" class="visually-hidden" tabindex="-1" data-testid="import-file" aria-label="Import a scenario file"
          accept=".json,application/json" @change=${this.onFileChosen}>
        <button data-testid="copy-share-link" ?disabled=${!this.scheduler} @click=${() => void this.copyShareLink()}>Copy share link</button>
      </div>
      ${this.link ? html`<div class="share">
        <label for="share-link">Share link</label>
        <input id="share-link" type="text" readonly data-testid="share-link-field" .value=${this.link} @focus=${(e: Event) => (e.target as HTMLInputElement).select()}>
      </div>` : nothing}
      <p class="notice" role="status" data-testid="library-status">${this.message}</p>
      <div role="alert" data-testid="library-error-region">${this.failure ? html`
        <p class="notice error" data-testid="library-error">${this.failure.text}</p>
        <div class="item-actions">
          ${this.failure.raw?.problem || (this.failure.raw && /Corrupt|Unsupported/.test(this.failure.text)) ? html`
            <button data-testid="download-raw-scenario" aria-label="Download raw data of ${itemLabel(this.failure.raw)}"
              @click=${() => void this.downloadRaw(this.failure!.raw!)}>Download raw data</button>` : nothing}
          <button data-testid="dismiss-library-error" @click=${() => { this.failure = undefined; }}>Dismiss</button>
        </div>` : nothing}</div>
      <div class="notice sync" role="status" data-testid="scenario-sync">${notes.map((n) => html`<p class="notice">${n}</p>`)}</div>
    `;
  }

  private renderItem(s: ScenarioSummary, isOpen: boolean) {
    const label = itemLabel(s);
    return html`
      <li data-testid="scenario-item" data-scenario-id=${s.id} data-scenario-name=${s.name} data-open=${isOpen ? 'true' : 'false'}
        data-damaged=${s.problem ? 'true' : 'false'}>
        <div class="name-row">
          ${this.renaming === s.id ? html`
            <label class="visually-hidden" for="rename-${s.id}">New name for ${label}</label>
            <input type="text" id="rename-${s.id}" data-testid="rename-input" .value=${s.name} maxlength="100" ?disabled=${this.busy}
              @keydown=${(e: KeyboardEvent) => this.onRenameKey(e, s)}>`
          : html`
            <button class="open" data-testid="open-scenario" aria-label="Open ${label}" aria-current=${isOpen ? 'true' : 'false'}
              ?disabled=${isOpen || this.busy} @click=${() => this.open(s)}>${s.name}</button>
            ${isOpen ? html`<span class="meta">(open${this.status?.unsaved ? ', saving…' : ''})</span>` : nothing}`}
          ${s.problem ? html`<span class="badge" data-testid="scenario-damaged">damaged</span>` : nothing}
        </div>
        <div class="meta" data-testid="scenario-saved-at">${savedAtText(s.savedAt)}</div>
        ${s.problem ? html`<p class="problem" data-testid="scenario-problem">${s.problem}</p>` : nothing}
        ${this.confirming === s.id ? html`
          <div class="confirm" role="group" aria-label="Confirm deleting ${label}" data-testid="delete-confirm"
            @keydown=${(e: KeyboardEvent) => { if (e.key === 'Escape') { e.preventDefault(); this.cancelDelete(s); } }}>
            <p>Delete scenario “${s.name}”? This cannot be undone.</p>
            <button class="danger" data-testid="confirm-delete" ?disabled=${this.busy} @click=${() => void this.deleteConfirmed(s)}>Delete ${s.name}</button>
            <button data-testid="cancel-delete" @click=${() => this.cancelDelete(s)}>Cancel</button>
          </div>` : html`
          <div class="item-actions">
            <button data-testid="rename-scenario" aria-label="Rename ${label}" ?disabled=${this.busy} @click=${() => this.startRename(s)}>Rename</button>
            <button data-testid="duplicate-scenario" aria-label="Duplicate ${label}" ?disabled=${this.busy || !!s.problem}
              @click=${() => this.duplicate(s)}>Duplicate</button>
            <button class="danger" data-testid="delete-scenario" aria-label="Delete ${label}" ?disabled=${this.busy}
              @click=${() => this.askDelete(s)}>Delete</button>
            ${s.problem ? html`<button data-testid="download-raw-scenario" aria-label="Download raw data of ${label}"
              ?disabled=${this.busy} @click=${() => void this.downloadRaw(s)}>Download raw data</button>` : nothing}
          </div>`}
      </li>`;
  }
}

/** Saves `text` as a file through a temporary object URL. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
