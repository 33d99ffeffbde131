import { describe, expect, it } from 'vitest';
import { MAX_CHILDREN, buildSidebarTree, selectionKey, treeKey, visibleRows } from '../../../web/view/sidebar-tree.ts';
import { anInstance, aView } from './fixtures.ts';

describe('sidebar tree', () => {
  it('lists clusters → instances, task definitions, services and registries with stable selections', () => {
    const tree = buildSidebarTree(aView());
    expect(tree.map((n) => [n.label, n.children?.length])).toEqual([['Clusters', 1], ['Task definitions', 1], ['Services', 2], ['Registries', 1]]);
    const cluster = tree[0].children![0];
    expect(cluster.selection).toEqual({ kind: 'cluster', id: 'demo' });
    expect(cluster.children!.map((c) => [c.label, c.detail, c.selection])).toEqual([
      ['i-ci-1', 'm5.large · us-east-1b', { kind: 'instance', id: 'ci-1' }],
      ['i-ci-2', 'm5.large · us-east-1a · DRAINING', { kind: 'instance', id: 'ci-2' }],
      ['i-ci-3', 'm5.large · us-east-1a · disconnected', { kind: 'instance', id: 'ci-3' }],
    ]);
    expect(tree[1].children![0]).toMatchObject({ label: 'web:1', selection: { kind: 'taskDefinition', id: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1' } });
    expect(tree[2].children![0]).toMatchObject({ label: 'web', detail: 'demo · 2/2 running', selection: { kind: 'service', id: 'arn:aws:ecs:us-east-1:123456789012:service/web' } });
    expect(tree[3].children![0]).toMatchObject({ label: 'web.demo.local', detail: '0 instances · srv-1' });
    expect(selectionKey({ kind: 'instance', id: 'ci-1' })).toBe('instance:ci-1');
  });

  it('visible rows follow expansion; a collapsed node hides its children', () => {
    const tree = buildSidebarTree(aView());
    expect(visibleRows(tree, new Set()).map((r) => `${r.level}:${r.node.label}`)).toEqual([
      '1:Clusters', '2:demo', '3:i-ci-1', '3:i-ci-2', '3:i-ci-3', '1:Task definitions', '2:web:1', '1:Services', '2:web', '2:api', '1:Registries', '2:web.demo.local',
    ]);
    expect(visibleRows(tree, new Set(['cluster:demo', 'group:services'])).map((r) => r.node.label)).toEqual([
      'Clusters', 'demo', 'Task definitions', 'web:1', 'Services', 'Registries', 'web.demo.local',
    ]);
  });

  it('shows at most MAX_CHILDREN children of a node', () => {
    const view = aView();
    view.instances = Array.from({ length: MAX_CHILDREN + 5 }, (_, i) => anInstance(`ci-${i}`, 'us-east-1a'));
    expect(visibleRows(buildSidebarTree(view), new Set()).filter((r) => r.level === 3)).toHaveLength(MAX_CHILDREN);
  });

  it('keys move and toggle as a WAI-ARIA tree', () => {
    const rows = visibleRows(buildSidebarTree(aView()), new Set());
    expect(treeKey(rows, 0, 'ArrowDown')).toEqual({ index: 1 });
    expect(treeKey(rows, 0, 'ArrowUp')).toEqual({ index: 0 });
    expect(treeKey(rows, 1, 'ArrowRight')).toEqual({ index: 2 }); // expanded: into the first child
    expect(treeKey(rows, 1, 'ArrowLeft')).toEqual({ index: 1, toggle: 'collapse' });
    expect(treeKey(rows, 3, 'ArrowLeft')).toEqual({ index: 1 }); // a leaf: to its parent
    expect(treeKey(rows, 3, 'ArrowRight')).toEqual({ index: 3 });
    expect(treeKey(rows, 4, 'End')).toEqual({ index: rows.length - 1 });
    const collapsed = visibleRows(buildSidebarTree(aView()), new Set(['cluster:demo']));
    expect(treeKey(collapsed, 1, 'ArrowRight')).toEqual({ index: 1, toggle: 'expand' });
  });
});
