import { describe, expect, it } from 'vitest';
import { aSandbox, type TestSandbox } from '../../../builders/sandbox.ts';
import { aTaskDefinition, anInstance } from '../../../builders/placement.ts';
import { regionState } from '../../../../src/domain/new-document.ts';
import { ERA_2018 } from '../../../../src/engine/era.ts';
import { buildPlacementProblem } from '../../../../src/engine/placement/build-placement-problem.ts';
import { placementFailureMessage } from '../../../../src/engine/placement/placement-failure-message.ts';
import { literalPlacementCore } from '../../../../src/reference/literal-placement-core.ts';

function failServiceWeb(s: TestSandbox) {
  const state = regionState(s.api.document, 'us-east-1');
  const built = buildPlacementProblem(state, {
    clusterName: 'default', taskDefinition: state.taskDefinitions[0].definition, group: 'service:web', constraints: [], strategies: [],
    emptyStrategies: 'service-default', count: 2, random: [1, 2, 3, 4], era: ERA_2018,
  });
  return placementFailureMessage('web', literalPlacementCore.placeTasks(built.problem), built);
}

describe('placementFailureMessage (semantics 4.10, 4.11)', () => {
  it('names the closest matching instance and the reason of the stage it failed (EX18 form)', () => {
    const s = aSandbox();
    anInstance(s, { memory: 100 });
    const ports = anInstance(s);
    aTaskDefinition(s, 'web', { portMappings: [{ containerPort: 80, hostPort: 80 }] });
    // task 1 lands on the second instance; task 2 fails there on ports (2 stages passed) and on the first on memory (1)
    expect(failServiceWeb(s)).toBe(
      `(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance ${ports.id}) is already using a port required by your task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
    );
  });

  it('with no ACTIVE instance: the "No Container Instances" variant (D12)', () => {
    const s = aSandbox();
    const only = anInstance(s);
    s.ecs('UpdateContainerInstancesState', { containerInstances: [only.id], status: 'DRAINING' });
    aTaskDefinition(s, 'web');
    expect(failServiceWeb(s)).toBe(
      '(service web) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.',
    );
  });
});
