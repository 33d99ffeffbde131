// The scenario sidebar's tree, built from a SandboxView (no DOM): clusters with their instances, task
// definitions, services and service-discovery registries. Selection ids are stable across views.
import type { SandboxView } from '../../src/worker/scheduler-api.ts';
import { shortArn } from './format.ts';

export type SelectionKind = 'cluster' | 'instance' | 'taskDefinition' | 'service' | 'registry' | 'task';

/**
 * What `ecs-select` carries. Ids: cluster → clusterName; instance → InstanceView.id (the container
 * instance id); taskDefinition → its ARN; service → its ARN; registry → the discovery service's ARN; task (from the map) → the task id.
 */
export interface Selection {
  kind: SelectionKind;
  id: string;
}

export interface TreeNode {
  key: string;
  label: string;
  /** Extra text for the accessible name and a muted suffix (status, counts). */
  detail?: string;
  selection?: Selection;
  children?: TreeNode[];
}

export const selectionKey = (s: Selection) => `${s.kind}:${s.id}`;

export function buildSidebarTree(view: Pick<SandboxView, 'clusters' | 'instances' | 'taskDefinitions' | 'services' | 'discovery'>): TreeNode[] {
  const clusters: TreeNode = {
    key: 'group:clusters', label: 'Clusters',
    children: view.clusters.map((c) => ({
      key: `cluster:${c.clusterName}`, label: c.clusterName, detail: c.status === 'ACTIVE' ? undefined : c.status,
      selection: { kind: 'cluster', id: c.clusterName },
      children: view.instances.filter((i) => i.clusterName === c.clusterName).map((i) => ({
        key: `instance:${i.id}`, label: i.ec2InstanceId,
        detail: [i.instanceType, i.availabilityZone, i.status !== 'ACTIVE' ? i.status : '', i.agentConnected ? '' : 'disconnected'].filter(Boolean).join(' · '),
        selection: { kind: 'instance', id: i.id },
      })),
    })),
  };
  const taskDefinitions: TreeNode = {
    key: 'group:taskDefinitions', label: 'Task definitions',
    children: view.taskDefinitions.map((d) => ({
      key: `taskDefinition:${d.arn}`, label: `${d.family}:${d.revision}`,
      detail: [d.networkMode, d.status !== 'ACTIVE' ? d.status : ''].filter(Boolean).join(' · '),
      selection: { kind: 'taskDefinition', id: d.arn },
    })),
  };
  const services: TreeNode = {
    key: 'group:services', label: 'Services',
    children: view.services.map((s) => ({
      key: `service:${s.arn}`, label: s.serviceName,
      detail: `${s.clusterName} · ${s.running}/${s.desiredCount} running${s.status !== 'ACTIVE' ? ` · ${s.status}` : ''}`,
      selection: { kind: 'service', id: s.arn },
    })),
  };
  const registries: TreeNode = {
    key: 'group:registries', label: 'Registries',
    children: view.discovery.map((r) => ({
      key: `registry:${r.serviceArn}`, label: `${r.serviceName}.${r.namespaceName}`,
      detail: `${r.instances.length} instance${r.instances.length === 1 ? '' : 's'} · ${shortArn(r.serviceArn)}`,
      selection: { kind: 'registry', id: r.serviceArn },
    })),
  };
  return [clusters, taskDefinitions, services, registries];
}

/** Children shown per node: a 5,000-instance cluster must not put 5,000 rows in the DOM. */
export const MAX_CHILDREN = 200;

export interface VisibleRow {
  node: TreeNode;
  level: number;
  expanded: boolean;
  hasChildren: boolean;
  parentKey?: string;
}

/** The rows a reader walks with the arrow keys: expanded nodes show their children. */
export function visibleRows(nodes: readonly TreeNode[], collapsed: ReadonlySet<string>, level = 1, parentKey?: string): VisibleRow[] {
  const out: VisibleRow[] = [];
  for (const node of nodes) {
    const hasChildren = (node.children?.length ?? 0) > 0;
    const expanded = hasChildren && !collapsed.has(node.key);
    out.push({ node, level, expanded, hasChildren, ...(parentKey ? { parentKey } : {}) });
    if (expanded) out.push(...visibleRows(node.children!.slice(0, MAX_CHILDREN), collapsed, level + 1, node.key));
  }
  return out;
}

/** WAI-ARIA tree keys: the row index the key moves focus to, and whether it toggles the row. */
export function treeKey(rows: readonly VisibleRow[], index: number, key: string): { index: number; toggle?: 'expand' | 'collapse' } {
  const row = rows[index];
  switch (key) {
    case 'ArrowDown': return { index: Math.min(rows.length - 1, index + 1) };
    case 'ArrowUp': return { index: Math.max(0, index - 1) };
    case 'Home': return { index: 0 };
    case 'End': return { index: rows.length - 1 };
    case 'ArrowRight':
      if (!row?.hasChildren) return { index };
      return row.expanded ? { index: index + 1 } : { index, toggle: 'expand' };
    case 'ArrowLeft':
      if (row?.hasChildren && row.expanded) return { index, toggle: 'collapse' };
      if (row?.parentKey) return { index: rows.findIndex((r) => r.node.key === row.parentKey) };
      return { index };
    default: return { index };
  }
}
