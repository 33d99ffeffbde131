// dist/embed/embed.js: one ES module that defines <ecs-sandbox> for any static page (issue 6 item 2).
//   <script type="module" src="…/embed.js"></script>
//   <ecs-sandbox view="deployment" autoplay><script type="application/json">[…calls…]</script></ecs-sandbox>
// The worker and the WASM core are sibling assets, found relative to this module's URL. Only what the
// placement and deployment views need loads here; `view="full"` imports the playground on first use.
// The component classes are the playground's own (web/components); an element already defined (say,
// by the playground on the same page) is left as it is.
import { EcsClusterMap } from '../components/ecs-cluster-map.component.ts';
import { EcsDeploymentTimeline } from '../components/ecs-deployment-timeline.component.ts';
import { EcsDiscoveryRecords } from '../components/ecs-discovery-records.component.ts';
import { EcsEventLog } from '../components/ecs-event-log.component.ts';
import { EcsPlacementExplanation } from '../components/ecs-placement-explanation.component.ts';
import { EcsSandbox } from './ecs-sandbox.component.ts';

export { EcsSandbox };

const elements: [string, CustomElementConstructor][] = [
  ['ecs-cluster-map', EcsClusterMap],
  ['ecs-event-log', EcsEventLog],
  ['ecs-deployment-timeline', EcsDeploymentTimeline],
  ['ecs-discovery-records', EcsDiscoveryRecords],
  ['ecs-placement-explanation', EcsPlacementExplanation],
  // last: its parts are defined by the time a widget first renders
  ['ecs-sandbox', EcsSandbox],
];

for (const [tag, element] of elements) if (!customElements.get(tag)) customElements.define(tag, element);

declare global {
  interface HTMLElementTagNameMap {
    'ecs-sandbox': EcsSandbox;
  }
}
