import { LitElement, html, nothing } from 'lit';
import type { SandboxView } from '../../src/worker/scheduler-api.ts';
import { panelStyles } from './panel.styles.ts';

/** Service discovery (Route 53 Auto Naming) records: one row per registered instance (14). */
export class EcsDiscoveryRecords extends LitElement {
  static override properties = { view: { attribute: false } };
  static override styles = panelStyles;
  declare view: SandboxView | undefined;

  protected override render() {
    const records = this.view?.discovery ?? [];
    if (records.length === 0) return html`<p class="muted">No service discovery registries.</p>`;
    return html`
      <div class="scroll"><table data-testid="discovery-table">
        <caption class="sr-only">Service discovery records</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Instance id</th><th scope="col">IPv4</th><th scope="col">Port</th><th scope="col">Health</th></tr></thead>
        <tbody>
          ${records.map((r) => r.instances.length === 0
            ? html`<tr><td class="mono">${r.serviceName}.${r.namespaceName}</td><td colspan="4" class="muted">no instances registered</td></tr>`
            : r.instances.map((i) => html`<tr data-testid="discovery-record">
              <td class="mono">${r.serviceName}.${r.namespaceName}</td><td class="mono">${i.instanceId}</td>
              <td class="mono">${i.ipv4 ?? nothing}</td><td class="mono">${i.port ?? nothing}</td><td>${i.healthStatus}</td></tr>`))}
        </tbody>
      </table></div>`;
  }
}
