// Defines every element of the page. Component files have no side effects; this is the one place
// that registers tags, so an embedding page can import the classes without defining them.
// Others add their tags with targeted edits: one import line and one row each.
import { EcsClusterMap } from './components/ecs-cluster-map.component.ts';
import { EcsCoreStatus } from './components/ecs-core-status.component.ts';
import { EcsDeploymentTimeline } from './components/ecs-deployment-timeline.component.ts';
import { EcsDiscoveryRecords } from './components/ecs-discovery-records.component.ts';
import { EcsEventLog } from './components/ecs-event-log.component.ts';
import { EcsPlacementExplanation } from './components/ecs-placement-explanation.component.ts';
import { EcsPlayground } from './components/ecs-playground.component.ts';
import { EcsScenarioLibrary } from './components/ecs-scenario-library.component.ts';
import { EcsScenarioSidebar } from './components/ecs-scenario-sidebar.component.ts';
import { EcsTargetHealth } from './components/ecs-target-health.component.ts';
import { EcsToolbar } from './components/ecs-toolbar.component.ts';
import { EcsClusterEditor } from './components/ecs-cluster-editor.component.ts';
import { EcsConstraintList } from './components/ecs-constraint-list.component.ts';
import { EcsEditorPanel } from './components/ecs-editor-panel.component.ts';
import { EcsInstanceEditor } from './components/ecs-instance-editor.component.ts';
import { EcsJsonEditor } from './components/ecs-json-editor.component.ts';
import { EcsQueryInput } from './components/ecs-query-input.component.ts';
import { EcsServiceEditor } from './components/ecs-service-editor.component.ts';
import { EcsStrategyList } from './components/ecs-strategy-list.component.ts';
import { EcsTaskDefinitionEditor } from './components/ecs-task-definition-editor.component.ts';
import type { EcsWhatIf } from './components/ecs-what-if.component.ts';

const elements: [string, CustomElementConstructor][] = [
  ['ecs-core-status', EcsCoreStatus],
  ['ecs-toolbar', EcsToolbar],
  ['ecs-scenario-library', EcsScenarioLibrary],
  ['ecs-scenario-sidebar', EcsScenarioSidebar],
  ['ecs-cluster-map', EcsClusterMap],
  ['ecs-event-log', EcsEventLog],
  ['ecs-deployment-timeline', EcsDeploymentTimeline],
  ['ecs-discovery-records', EcsDiscoveryRecords],
  ['ecs-target-health', EcsTargetHealth],
  ['ecs-placement-explanation', EcsPlacementExplanation],
  // editors (ecs-editor-panel and its parts) go here
  ['ecs-json-editor', EcsJsonEditor],
  ['ecs-query-input', EcsQueryInput],
  ['ecs-constraint-list', EcsConstraintList],
  ['ecs-strategy-list', EcsStrategyList],
  ['ecs-service-editor', EcsServiceEditor],
  ['ecs-task-definition-editor', EcsTaskDefinitionEditor],
  ['ecs-instance-editor', EcsInstanceEditor],
  ['ecs-cluster-editor', EcsClusterEditor],
  ['ecs-editor-panel', EcsEditorPanel],
  // the shell last: its children are defined by the time it first renders
  ['ecs-playground', EcsPlayground],
];

for (const [tag, element] of elements) if (!customElements.get(tag)) customElements.define(tag, element);

// The what-if view (issue 6) is a chunk of its own, loaded right after start-up rather than with the
// page: the initial JS stays within its 60 KB gzip budget. `<ecs-what-if>` upgrades once defined.
if (!customElements.get('ecs-what-if')) {
  void import('./components/ecs-what-if.component.ts').then(({ EcsWhatIf: element }) => {
    if (!customElements.get('ecs-what-if')) customElements.define('ecs-what-if', element);
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'ecs-core-status': EcsCoreStatus;
    'ecs-toolbar': EcsToolbar;
    'ecs-scenario-library': EcsScenarioLibrary;
    'ecs-scenario-sidebar': EcsScenarioSidebar;
    'ecs-cluster-map': EcsClusterMap;
    'ecs-event-log': EcsEventLog;
    'ecs-deployment-timeline': EcsDeploymentTimeline;
    'ecs-discovery-records': EcsDiscoveryRecords;
    'ecs-target-health': EcsTargetHealth;
    'ecs-placement-explanation': EcsPlacementExplanation;
    'ecs-json-editor': EcsJsonEditor;
    'ecs-query-input': EcsQueryInput;
    'ecs-constraint-list': EcsConstraintList;
    'ecs-strategy-list': EcsStrategyList;
    'ecs-service-editor': EcsServiceEditor;
    'ecs-task-definition-editor': EcsTaskDefinitionEditor;
    'ecs-instance-editor': EcsInstanceEditor;
    'ecs-cluster-editor': EcsClusterEditor;
    'ecs-editor-panel': EcsEditorPanel;
    'ecs-what-if': EcsWhatIf;
    'ecs-playground': EcsPlayground;
  }
}
