// `view="full"`: the playground's elements, loaded by the first full widget of a page (a chunk of its
// own, so placement and deployment widgets never download the editors). The scenario library and the
// core status are left out: a widget stores nothing and has no library.
import { EcsPlayground } from '../components/ecs-playground.component.ts';
import { EcsScenarioSidebar } from '../components/ecs-scenario-sidebar.component.ts';
import { EcsTargetHealth } from '../components/ecs-target-health.component.ts';
import { EcsToolbar } from '../components/ecs-toolbar.component.ts';
import { EcsClusterEditor } from '../components/ecs-cluster-editor.component.ts';
import { EcsConstraintList } from '../components/ecs-constraint-list.component.ts';
import { EcsEditorPanel } from '../components/ecs-editor-panel.component.ts';
import { EcsInstanceEditor } from '../components/ecs-instance-editor.component.ts';
import { EcsJsonEditor } from '../components/ecs-json-editor.component.ts';
import { EcsQueryInput } from '../components/ecs-query-input.component.ts';
import { EcsServiceEditor } from '../components/ecs-service-editor.component.ts';
import { EcsStrategyList } from '../components/ecs-strategy-list.component.ts';
import { EcsTaskDefinitionEditor } from '../components/ecs-task-definition-editor.component.ts';

const elements: [string, CustomElementConstructor][] = [
  ['ecs-toolbar', EcsToolbar],
  ['ecs-scenario-sidebar', EcsScenarioSidebar],
  ['ecs-target-health', EcsTargetHealth],
  ['ecs-json-editor', EcsJsonEditor],
  ['ecs-query-input', EcsQueryInput],
  ['ecs-constraint-list', EcsConstraintList],
  ['ecs-strategy-list', EcsStrategyList],
  ['ecs-service-editor', EcsServiceEditor],
  ['ecs-task-definition-editor', EcsTaskDefinitionEditor],
  ['ecs-instance-editor', EcsInstanceEditor],
  ['ecs-cluster-editor', EcsClusterEditor],
  ['ecs-editor-panel', EcsEditorPanel],
  ['ecs-playground', EcsPlayground],
];

for (const [tag, element] of elements) if (!customElements.get(tag)) customElements.define(tag, element);
