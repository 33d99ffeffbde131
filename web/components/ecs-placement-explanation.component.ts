import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { DescribeServicesResponse, SandboxView, SchedulerApi } from '../../src/worker/scheduler-api.ts';
import { ecsCall, outcomeError, sandboxCall } from '../view/call.ts';
import { servicesWithPlacementFailures } from '../view/events.ts';
import { placementMatrix, placementVerdict, type PlacementExplanation } from '../view/placement-matrix.ts';
import type { Selection } from '../view/sidebar-tree.ts';
import { panelStyles } from './panel.styles.ts';

/**
 * "Why is this task not placed?": for a service (those with a placement-failure event first) or a task
 * definition, EcsSandbox.DescribePlacement's per-instance rejection matrix — instance, result, reason,
 * detail — and the closest match (4.10). A dry run: nothing changes.
 */
export class EcsPlacementExplanation extends LitElement {
  static override properties = {
    scheduler: { attribute: false },
    view: { attribute: false },
    selection: { attribute: false },
    subject: { state: true },
    count: { state: true },
    result: { state: true },
    error: { state: true },
    loading: { state: true },
  };

  static override styles = [panelStyles, css`
    tr.closest { background: var(--ecs-selected-bg, #e8f0fe); }
    .verdict { margin: 0.3rem 0; }
  `];

  declare scheduler: Pick<SchedulerApi, 'call'> | undefined;
  declare view: SandboxView | undefined;
  declare selection: Selection | undefined;
  /** `service:<arn>` or `taskDefinition:<arn>`. */
  declare subject: string;
  declare count: number;
  declare result: { explanation: PlacementExplanation; count: number; subject: string } | undefined;
  declare error: string | undefined;
  declare loading: boolean;

  constructor() {
    super();
    this.subject = '';
    this.count = 1;
    this.loading = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('selection') && (this.selection?.kind === 'service' || this.selection?.kind === 'taskDefinition')) {
      this.subject = `${this.selection.kind}:${this.selection.id}`;
    }
    if (!this.subject && this.view) {
      const failing = servicesWithPlacementFailures(this.view)[0];
      const service = this.view.services.find((s) => `${s.clusterName}/${s.serviceName}` === failing) ?? this.view.services[0];
      if (service) this.subject = `service:${service.arn}`;
    }
  }

  private async explain(e?: Event) {
    e?.preventDefault();
    const scheduler = this.scheduler;
    const view = this.view;
    if (!scheduler || !view) return;
    this.loading = true;
    this.error = undefined;
    try {
      const request = await this.request(scheduler, view);
      if (typeof request === 'string') { this.error = request; return; }
      const out = await sandboxCall<PlacementExplanation>(scheduler, 'DescribePlacement', request);
      if (out.ok) this.result = { explanation: out.output, count: this.count, subject: this.subject };
      else this.error = outcomeError(out);
    } finally {
      this.loading = false;
    }
  }

  /** The DescribePlacement input: a service's own constraints, strategies and network configuration. */
  private async request(scheduler: Pick<SchedulerApi, 'call'>, view: SandboxView): Promise<Record<string, unknown> | string> {
    const [kind, id] = [this.subject.slice(0, this.subject.indexOf(':')), this.subject.slice(this.subject.indexOf(':') + 1)];
    if (kind === 'taskDefinition') {
      const cluster = view.clusters.find((c) => c.status === 'ACTIVE')?.clusterName ?? 'default';
      return { cluster, taskDefinition: id, count: this.count };
    }
    const service = view.services.find((s) => s.arn === id);
    if (!service) return 'Choose a service or a task definition.';
    const described = await ecsCall<DescribeServicesResponse>(scheduler, 'DescribeServices', { cluster: service.clusterName, services: [service.serviceName] });
    if (!described.ok) return outcomeError(described);
    const s = described.output.services?.[0];
    return {
      cluster: service.clusterName, taskDefinition: s?.taskDefinition ?? service.taskDefinition, count: this.count, group: `service:${service.serviceName}`,
      ...(s?.placementConstraints?.length ? { placementConstraints: s.placementConstraints } : {}),
      ...(s?.placementStrategy?.length ? { placementStrategy: s.placementStrategy } : {}),
      ...(s?.networkConfiguration?.awsvpcConfiguration ? { networkConfiguration: s.networkConfiguration } : {}),
    };
  }

  protected override render() {
    const view = this.view;
    if (!view) return nothing;
    const failing = new Set(servicesWithPlacementFailures(view));
    const rows = this.result ? placementMatrix(this.result.explanation) : [];
    return html`
      <form class="controls" @submit=${this.explain}>
        <label>Explain
          <select data-testid="placement-subject" @change=${(e: Event) => { this.subject = (e.target as HTMLSelectElement).value; }}>
            <optgroup label="Services">
              ${view.services.map((s) => html`<option value="service:${s.arn}" ?selected=${this.subject === `service:${s.arn}`}>
                ${s.serviceName} (${s.clusterName})${failing.has(`${s.clusterName}/${s.serviceName}`) ? ' — could not place a task' : ''}</option>`)}
            </optgroup>
            <optgroup label="Task definitions">
              ${view.taskDefinitions.filter((d) => d.status === 'ACTIVE').map((d) => html`<option value="taskDefinition:${d.arn}" ?selected=${this.subject === `taskDefinition:${d.arn}`}>${d.family}:${d.revision}</option>`)}
            </optgroup>
          </select>
        </label>
        <label>Tasks <input type="number" min="1" max="10" step="1" style="width: 4rem" .value=${String(this.count)}
          @input=${(e: Event) => { this.count = Math.max(1, Math.min(10, Number((e.target as HTMLInputElement).value) || 1)); }}></label>
        <button type="submit" data-testid="placement-explain" ?disabled=${this.loading || !this.subject}>Why is this task not placed?</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.result ? html`
        <p class="verdict" role="status" data-testid="placement-verdict">${placementVerdict(this.result.explanation, this.result.count)}</p>
        <div class="scroll"><table data-testid="placement-matrix">
          <caption class="sr-only">Per-instance placement result</caption>
          <thead><tr><th scope="col">Instance</th><th scope="col">Result</th><th scope="col">Reason</th><th scope="col">Detail</th></tr></thead>
          <tbody>${rows.map((r) => html`<tr class=${r.closest ? 'closest' : ''} data-testid="placement-row">
            <td class="mono" title=${r.containerInstanceArn}>${r.instance}${r.closest ? html` <strong>(closest match)</strong>` : nothing}</td>
            <td>${r.result}</td><td>${r.reason}</td><td>${r.detail}</td></tr>`)}</tbody>
        </table></div>` : html`<p class="muted">Runs EcsSandbox.DescribePlacement, a dry run that changes nothing.</p>`}
    `;
  }
}
