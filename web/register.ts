// Defines every element of the page. Component files have no side effects; this is the one place
// that registers tags, so an embedding page can import the classes without defining them.
import { EcsCoreStatus } from './components/ecs-core-status.component.ts';
import { EcsServiceList } from './components/ecs-service-list.component.ts';

const elements: [string, CustomElementConstructor][] = [
  ['ecs-core-status', EcsCoreStatus],
  ['ecs-service-list', EcsServiceList],
];

for (const [tag, element] of elements) if (!customElements.get(tag)) customElements.define(tag, element);

declare global {
  interface HTMLElementTagNameMap {
    'ecs-core-status': EcsCoreStatus;
    'ecs-service-list': EcsServiceList;
  }
}
