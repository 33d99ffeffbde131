import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type {
  CallOutcome, DescribeServicesResponse, ListServicesResponse, LoadBalancer, PlacementStrategy, SchedulerApi, Service,
  ServiceRegistry,
} from '../../src/worker/scheduler-api.ts';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

const ECS = 'AmazonEC2ContainerServiceV20141113';
/** DescribeServices takes at most 10 names per call (semantics 15.4 #3). */
const DESCRIBE_BATCH = 10;

class CallFailed extends Error {}

async function callOrThrow<T>(scheduler: Pick<SchedulerApi, 'call'>, op: string, input: unknown): Promise<T> {
  const outcome: CallOutcome = await scheduler.call(`${ECS}.${op}`, input);
  if ('error' in outcome) throw new CallFailed(`${op}: ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.output as T;
}

/** The last path segment of an ARN: `…:task-definition/web:3` → `web:3`. */
const shortArn = (arn: string | undefined) => (arn ?? '').slice((arn ?? '').lastIndexOf('/') + 1) || (arn ?? '');

const strategyText = (s: PlacementStrategy) => (s.field ? `${s.type}(${s.field})` : `${s.type}`);
/** `targetgroup/demo-web/5ea1…` → `demo-web`; a Classic ELB by its name. */
const loadBalancerName = (lb: LoadBalancer) => (lb.targetGroupArn ? shortArn(lb.targetGroupArn.replace(/\/[0-9a-f]+$/, '')) : lb.loadBalancerName ?? '');
const registryTarget = (r: ServiceRegistry) =>
  (r.containerName ? `${r.containerName}:${r.containerPort ?? ''}` : r.port !== undefined ? `port ${r.port}` : '');

/**
 * The services of one cluster, as DescribeServices reports them through the worker.
 *
 * @event ecs-services-loaded - after each successful load; `detail.services` holds the API18 shapes
 * @cssprop --ecs-border-color
 */
export class EcsServiceList extends LitElement {
  static override properties = {
    scheduler: { attribute: false },
    cluster: { reflect: true },
    state: { reflect: true },
    services: { state: true },
    error: { state: true },
  };

  static override styles = css`
    :host { display: block; font: inherit; }
    .bar { display: flex; gap: 1em; align-items: baseline; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; margin-top: 0.5em; }
    th, td { border-bottom: 1px solid var(--ecs-border-color, #dadce0); padding: 0.35em 0.6em; text-align: left; vertical-align: top; }
    th { font-weight: 600; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    ul, ol { margin: 0; padding: 0; list-style: none; }
    .deployments li + li, .load-balancers li + li, .service-registries li + li { margin-top: 0.35em; }
    td.counts { white-space: nowrap; }
    li .counts { display: block; font-size: 0.85em; white-space: nowrap; }
    .mono { font-family: var(--ecs-mono-font, ui-monospace, monospace); font-size: 0.85em; }
    /* strategies apply in order (semantics 6.2) */
    .placement-strategy li + li::before { content: '→ '; }
    .target { display: block; }
    .service-registries li, .load-balancers li { white-space: nowrap; }
    .error { color: var(--ecs-error-color, #b00020); }
    .muted { color: var(--ecs-muted-color, #5f6368); }
  `;

  declare scheduler: Pick<SchedulerApi, 'call'> | undefined;
  declare cluster: string;
  declare state: LoadState;
  declare services: Service[];
  declare error: string | undefined;
  private callId = 0;

  constructor() {
    super();
    this.cluster = 'default';
    this.state = 'idle';
    this.services = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('scheduler') || changed.has('cluster')) && this.scheduler) void this.refresh();
  }

  /** Reloads the list; results of an older call that finishes later are discarded. */
  async refresh(): Promise<void> {
    const scheduler = this.scheduler;
    if (!scheduler) return;
    const id = ++this.callId;
    const cluster = this.cluster;
    this.state = 'loading';
    try {
      const arns: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await callOrThrow<ListServicesResponse>(scheduler, 'ListServices', { cluster, ...(nextToken ? { nextToken } : {}) });
        arns.push(...(page.serviceArns ?? []));
        nextToken = page.nextToken;
      } while (nextToken);
      const services: Service[] = [];
      for (let i = 0; i < arns.length; i += DESCRIBE_BATCH) {
        const page = await callOrThrow<DescribeServicesResponse>(scheduler, 'DescribeServices', { cluster, services: arns.slice(i, i + DESCRIBE_BATCH) });
        services.push(...(page.services ?? []));
      }
      if (id !== this.callId) return;
      this.services = services;
      this.error = undefined;
      this.state = 'ready';
      this.dispatchEvent(new CustomEvent('ecs-services-loaded', { detail: { services }, bubbles: true, composed: true }));
    } catch (error) {
      if (id !== this.callId) return;
      this.error = error instanceof CallFailed ? error.message : `The worker did not answer: ${(error as Error).message ?? error}`;
      this.state = 'error';
    }
  }

  protected override render() {
    return html`
      <div class="bar">
        <h2>Services in cluster <span class="mono">${this.cluster}</span></h2>
        <button @click=${() => this.refresh()} ?disabled=${!this.scheduler}>Refresh</button>
      </div>
      ${this.state === 'error' ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.state === 'loading' && this.services.length === 0 ? html`<p class="muted">Loading…</p>` : nothing}
      ${this.state === 'ready' && this.services.length === 0 ? html`<p class="muted">No services.</p>` : nothing}
      ${this.services.length ? this.renderTable() : nothing}
    `;
  }

  private renderTable() {
    return html`
      <div class="scroll"><table>
        <thead><tr>
          <th>serviceName</th><th>status</th><th title="desiredCount / runningCount / pendingCount">desired / running / pending</th>
          <th>launchType</th><th>taskDefinition</th><th>deployments</th><th>placementStrategy</th>
          <th>loadBalancers</th><th>serviceRegistries</th>
        </tr></thead>
        <tbody>${this.services.map((s) => this.renderRow(s))}</tbody>
      </table></div>
    `;
  }

  private renderRow(s: Service) {
    return html`
      <tr data-service=${s.serviceName ?? ''}>
        <td class="name" title=${s.serviceArn ?? ''}>${s.serviceName}</td>
        <td class="status">${s.status}</td>
        <td class="num counts"><span class="desired">${s.desiredCount}</span> / <span class="running">${s.runningCount}</span> / <span class="pending">${s.pendingCount}</span></td>
        <td class="launch-type">${s.launchType ?? 'EC2'}</td>
        <td class="task-definition mono" title=${s.taskDefinition ?? ''}>${shortArn(s.taskDefinition)}</td>
        <td class="deployments"><ul>${(s.deployments ?? []).map((d) => html`
          <li title=${d.id ?? ''}>${d.status} <span class="mono">${shortArn(d.taskDefinition)}</span>
            <span class="counts muted">desired ${d.desiredCount} · running ${d.runningCount} · pending ${d.pendingCount}</span></li>`)}</ul></td>
        <td class="placement-strategy mono">${s.placementStrategy?.length
          ? html`<ol>${s.placementStrategy.map((p) => html`<li>${strategyText(p)}</li>`)}</ol>`
          : html`<span class="muted">none</span>`}</td>
        <td class="load-balancers mono"><ul>${(s.loadBalancers ?? []).map((lb) => html`<li title=${lb.targetGroupArn ?? ''}>${loadBalancerName(lb)} <span class="target">→ ${lb.containerName}:${lb.containerPort}</span></li>`)}</ul></td>
        <td class="service-registries mono"><ul>${(s.serviceRegistries ?? []).map((r) => html`<li title=${r.registryArn ?? ''}>${shortArn(r.registryArn)} <span class="target">→ ${registryTarget(r)}</span></li>`)}</ul></td>
      </tr>
    `;
  }
}
