import { LitElement, html } from 'lit';
import type { SandboxView } from '../../src/worker/scheduler-api.ts';
import { shortArn } from '../view/format.ts';
import { panelStyles } from './panel.styles.ts';

/** Load balancer targets of the services (13): target, port, state and reason, per target group or Classic load balancer. */
export class EcsTargetHealth extends LitElement {
  static override properties = { view: { attribute: false } };
  static override styles = panelStyles;
  declare view: SandboxView | undefined;

  protected override render() {
    const targets = this.view?.targets ?? [];
    if (targets.length === 0) return html`<p class="muted">No load balancer targets.</p>`;
    return html`
      <div class="scroll"><table data-testid="targets-table">
        <caption class="sr-only">Load balancer targets</caption>
        <thead><tr><th scope="col">Service</th><th scope="col">Load balancer</th><th scope="col">Target</th><th scope="col">Port</th><th scope="col">State</th><th scope="col">Reason</th></tr></thead>
        <tbody>${targets.map((t) => html`<tr data-testid="target">
          <td class="mono">${t.serviceName}</td>
          <td class="mono" title=${t.targetGroupArn ?? t.loadBalancerName ?? ''}>${t.targetGroupArn ? shortArn(t.targetGroupArn.replace(/\/[0-9a-f]+$/, '')) : t.loadBalancerName}</td>
          <td class="mono">${t.targetId}</td><td class="mono">${t.port}</td><td>${t.state}</td><td>${t.reason ?? ''}</td></tr>`)}
        </tbody>
      </table></div>`;
  }
}
