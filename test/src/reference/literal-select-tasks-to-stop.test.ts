// Scale-in selection by the literal reference core (semantics 8; contract "selectTasksToStop").
import { describe, expect, it } from 'vitest';
import { literalPlacementCore } from '../../../src/reference/literal-placement-core.ts';
import { seedStreams, uniformInt, type RandomState } from '../../../src/shared/xoshiro128.ts';
import { aScaleInProblem, binpack, random, spread, type ScaleInProblemBuilder } from '../../builders/placement-problem.ts';

const stop = (b: ScaleInProblemBuilder) => literalPlacementCore.selectTasksToStop(b.build());
const stream = (seed = 1): RandomState => [...seedStreams(seed).placement];
const list = (a: ArrayLike<number>) => Array.from(a);
/** The default chain of 6.7, which the builder of a real problem would expand an empty list into. */
const withDefaultChain = (b: ScaleInProblemBuilder) => b.withStrategy(spread('az')).withStrategy(spread('instanceId'));

describe('selectTasksToStop: draining first (8)', () => {
  it('a task on a DRAINING instance goes first, even though spread would pick i0 (3 tasks vs 1)', () => {
    const out = stop(withDefaultChain(aScaleInProblem().withInstance({ az: 'a' }).withInstance({ az: 'a', draining: true })
      .withTasks(3, { instance: 0 }).withTask({ instance: 1 })));
    expect(list(out.chosen)).toEqual([3]);
  });
  it('once the DRAINING instance\'s tasks are chosen, the others are candidates again', () => {
    const out = stop(withDefaultChain(aScaleInProblem().withInstance({ az: 'a' }).withInstance({ az: 'a', draining: true })
      .withTask({ instance: 0 }).withTask({ instance: 1 }).withCount(2)));
    expect(list(out.chosen)).toEqual([1, 0]);
  });
});

describe('selectTasksToStop: reversed spread', () => {
  it('default chain: the AZ with the most tasks (a = 2 + 1 = 3 > b = 2), then its instance with the most (i0: 2)', () => {
    const out = stop(withDefaultChain(aScaleInProblem().withInstance({ az: 'a' }).withInstance({ az: 'a' }).withInstance({ az: 'b' })
      .withTasks(2, { instance: 0 }).withTask({ instance: 1 }).withTasks(2, { instance: 2 })));
    // on i0: tasks 0 and 1; rule 2 keeps the most recent (task 1); nothing drawn
    expect([list(out.chosen), list(out.random)]).toEqual([[1], stream()]);
  });
  it('counts cover every instance, not only those with stoppable tasks: b = 1 + 4 (no stoppable) > a = 2', () => {
    const out = stop(aScaleInProblem().withInstance({ az: 'a' }).withInstance({ az: 'b' }).withInstance({ az: 'b', groupTasks: 4 })
      .withTasks(2, { instance: 0 }).withTask({ instance: 1 }).withStrategy(spread('az')));
    expect(list(out.chosen)).toEqual([2]);
  });
  it('a key with no stoppable task cannot win: a = 5 (no stoppable task), b = 1, c = 2 → c', () => {
    const out = stop(aScaleInProblem().withInstance({ az: 'a', groupTasks: 5 }).withInstance({ az: 'b' }).withInstance({ az: 'c' })
      .withTask({ instance: 1 }).withTasks(2, { instance: 2 }).withStrategy(spread('az')));
    // on i2: tasks 1 and 2, rule 2 keeps the newer (2)
    expect(list(out.chosen)).toEqual([2]);
  });
  it('reversed spread on a missing attribute: missing = 1 + 2 = 3 > a = 2 → the newest task on i1 or i2', () => {
    const out = stop(aScaleInProblem().withInstance({ az: 'a' }).withInstance().withInstance()
      .withTasks(2, { instance: 0 }).withTask({ instance: 1 }).withTasks(2, { instance: 2 }).withStrategy(spread('az')));
    // T = {i1, i2}; rule 2: task 4 (the last declared) is the newest
    expect(list(out.chosen)).toEqual([4]);
  });
  it('each pick lowers its instance\'s count: i0 and i1 both hold 2; picks alternate i1 (newest), i0, i1, i0', () => {
    const out = stop(aScaleInProblem().withInstances(2)
      .withTask({ instance: 0, createdAt: 1 }).withTask({ instance: 0, createdAt: 3 })
      .withTask({ instance: 1, createdAt: 2 }).withTask({ instance: 1, createdAt: 4 })
      .withStrategy(spread('instanceId')).withCount(4));
    // pick 1: 2 = 2 → both; newest is task 3 (t = 4) on i1. pick 2: i0 2 > i1 1 → i0, newest task 1.
    // pick 3: 1 = 1 → both; newest left is task 2 (t = 2) on i1. pick 4: task 0.
    expect([list(out.chosen), list(out.random)]).toEqual([[3, 1, 2, 0], stream()]);
  });
});

describe('selectTasksToStop: reversed binpack with D49', () => {
  it('free + the largest candidate task: i0 500 + 1024 = 1524 > i1 1000 + 256 = 1256 → i0 (free alone would pick i1)', () => {
    const out = stop(aScaleInProblem().withInstance({ memory: 500 }).withInstance({ memory: 1000 })
      .withTask({ instance: 0, memory: 1024 }).withTask({ instance: 1, memory: 256 }).withStrategy(binpack('memory')));
    expect(list(out.chosen)).toEqual([0]);
  });
  it('the MAX over the instance\'s tasks, not the sum or min: i0 0 + max(256, 2048) = 2048 > i1 1000 + 1024 = 2024', () => {
    const out = stop(aScaleInProblem().withInstance({ memory: 0 }).withInstance({ memory: 1000 })
      .withTask({ instance: 0, memory: 256 }).withTask({ instance: 0, memory: 2048 }).withTask({ instance: 1, memory: 1024 })
      .withStrategy(binpack('memory')));
    // then on i0: rule 2 keeps the newest, task 1 (not necessarily the largest)
    expect(list(out.chosen)).toEqual([1]);
  });
  it('binpack(cpu): i0 1024 + 512 = 1536 < i1 1024 + 1024 = 2048 → i1', () => {
    const out = stop(aScaleInProblem().withInstance({ cpu: 1024 }).withInstance({ cpu: 1024 })
      .withTask({ instance: 0, cpu: 512 }).withTask({ instance: 1, cpu: 1024 }).withStrategy(binpack('cpu')));
    expect(list(out.chosen)).toEqual([1]);
  });
  it('only candidate tasks count: with a DRAINING instance, i0\'s tasks are out; i1 and i2 are compared', () => {
    const out = stop(aScaleInProblem().withInstance({ memory: 9000 }).withInstance({ memory: 100, draining: true })
      .withInstance({ memory: 200, draining: true })
      .withTask({ instance: 0 }).withTask({ instance: 1, memory: 300 }).withTask({ instance: 2, memory: 100 })
      .withStrategy(binpack('memory')));
    // i1 100 + 300 = 400 > i2 200 + 100 = 300 → task 1
    expect(list(out.chosen)).toEqual([1]);
  });
});

describe('selectTasksToStop: random', () => {
  it('draws one of the candidate tasks in (instance, taskOrder) order; rules 1–2 do not apply', () => {
    // task 0 on i1; tasks 1 (created 5, PENDING) and 2 (created 3) on i0 → order [2, 1, 0]
    const out = stop(aScaleInProblem().withInstances(2)
      .withTask({ instance: 1, createdAt: 9 }).withTask({ instance: 0, createdAt: 5, pending: true }).withTask({ instance: 0, createdAt: 3 })
      .withStrategy(random()).withStrategy(binpack('memory')).withSeed(11));
    const expected = stream(11);
    expect(list(out.chosen)).toEqual([[2, 1, 0][uniformInt(expected, 3)]]);
    expect(list(out.random)).toEqual(expected);
  });
  it('random after spread draws among the tasks on the instances spread kept', () => {
    const out = stop(aScaleInProblem().withInstances(3).withTasks(2, { instance: 1 }).withTask({ instance: 0 }).withTasks(2, { instance: 2 })
      .withStrategy(spread('instanceId')).withStrategy(random()).withSeed(3));
    // counts 1, 2, 2 → {i1, i2}: tasks in order [0, 1, 3, 4]
    const expected = stream(3);
    expect(list(out.chosen)).toEqual([[0, 1, 3, 4][uniformInt(expected, 4)]]);
    expect(list(out.random)).toEqual(expected);
  });
  it('one candidate task: random draws nothing', () => {
    const out = stop(aScaleInProblem().withInstance().withTask({ instance: 0 }).withStrategy(random()));
    expect([list(out.chosen), list(out.random)]).toEqual([[0], stream()]);
  });
});

describe('selectTasksToStop: rules 1–3 on the instances left', () => {
  it('rule 1: PENDING before RUNNING, even an older one', () => {
    const out = stop(aScaleInProblem().withInstance().withTask({ instance: 0, pending: true, createdAt: 1 }).withTask({ instance: 0, createdAt: 2 }));
    expect(list(out.chosen)).toEqual([0]);
  });
  it('rule 2: the most recently created', () => {
    const out = stop(aScaleInProblem().withInstance().withTask({ instance: 0, createdAt: 7 }).withTask({ instance: 0, createdAt: 2 }));
    expect(list(out.chosen)).toEqual([0]);
  });
  it('rule 3: equal times across tied instances → a draw in (instance, createdAt, id) order', () => {
    // no strategy: T = {i0, i1}. Tasks at time 5: task 0 on i1 (id a), task 1 on i0 (id z), task 2 on i0 (id b);
    // task 3 is older. Order: i0 b (2), i0 z (1), i1 a (0).
    const out = stop(aScaleInProblem().withInstances(2)
      .withTask({ instance: 1, createdAt: 5, id: 'a' }).withTask({ instance: 0, createdAt: 5, id: 'z' })
      .withTask({ instance: 0, createdAt: 5, id: 'b' }).withTask({ instance: 1, createdAt: 1, id: 'c' }).withSeed(21));
    const expected = stream(21);
    expect(list(out.chosen)).toEqual([[2, 1, 0][uniformInt(expected, 3)]]);
    expect(list(out.random)).toEqual(expected);
  });
  it('count larger than the tasks: all of them, then stop', () => {
    const out = stop(aScaleInProblem().withInstance().withTasks(2, { instance: 0 }).withCount(5));
    expect(list(out.chosen)).toEqual([1, 0]);
  });
  it('count 0 or no tasks: nothing chosen, nothing drawn', () => {
    expect(list(stop(aScaleInProblem().withInstance().withTask({ instance: 0 }).withCount(0)).chosen)).toEqual([]);
    const none = stop(aScaleInProblem().withInstances(2).withCount(3));
    expect([list(none.chosen), list(none.random)]).toEqual([[], stream()]);
  });
});
