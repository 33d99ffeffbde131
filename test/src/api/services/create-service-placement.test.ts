// CreateService 15.1 #17–#24: placement constraints and strategies (4.9, 6.1, 7, D25).
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../../src/api/aws-error.ts';
import { ERA_2018 } from '../../../../src/engine/era.ts';
import { assertValidExpression } from '../../../../src/api/validate/validate-expression.ts';
import { validatePlacement } from '../../../../src/api/validate/validate-placement.ts';
import type { ServiceDraft } from '../../../../src/api/validate/service-draft.ts';
import { aServiceWorld, register, requests, taskDefinitions } from '../../../builders/services.ts';

const ipe = 'InvalidParameterException';
const memberOf = (expression?: string) => (expression === undefined ? { type: 'memberOf' } : { type: 'memberOf', expression });
const distinct = (expression?: string) => (expression === undefined ? { type: 'distinctInstance' } : { type: 'distinctInstance', expression });
const spread = (field?: string) => (field === undefined ? { type: 'spread' } : { type: 'spread', field });
const binpack = (field?: string) => (field === undefined ? { type: 'binpack' } : { type: 'binpack', field });
const VALID = 'attribute:ecs.instance-type == t2.small';
const times = <T>(n: number, x: T) => Array.from({ length: n }, () => x);

/** The 5.8 / D48 text the query-language validator gives for `text`. */
function parseErrorOf(text: string): string {
  try {
    assertValidExpression(text);
  } catch (e) {
    expect(e).toBeInstanceOf(AwsError);
    expect((e as AwsError).code).toBe(ipe);
    return (e as AwsError).message;
  }
  throw new Error(`expected ${JSON.stringify(text)} not to parse`);
}

describe('CreateService: placement (15.1 #17–#24)', () => {
  it.each([
    ['#17', 'FARGATE with a strategy', requests.fargate({ placementStrategy: [spread('instanceId')] }),
      'Placement strategies are not supported with FARGATE launch type.'],
    ['#18', 'FARGATE with a constraint', requests.fargate({ placementConstraints: [distinct()] }),
      'Placement constraints are not supported with FARGATE launch type.'],
    ['#19', '6 strategies (limit 5)', requests.ec2({ placementStrategy: times(6, binpack('cpu')) }),
      'You can specify a maximum of 5 strategy rules per service.'],
    ['#20', '11 service constraints (limit 10)', requests.ec2({ placementConstraints: times(11, distinct()) }),
      'You can specify a maximum of 10 constraints per task.'],
    // `tdc` carries 2 memberOf constraints: 2 + 9 = 11 > 10
    ['#20', '9 service constraints + 2 in the task definition', requests.ec2({ taskDefinition: 'tdc', placementConstraints: times(9, distinct()) }),
      'You can specify a maximum of 10 constraints per task.'],
    ['#22', 'distinctInstance with an expression', requests.ec2({ placementConstraints: [distinct(VALID)] }),
      'An expression cannot be specified for the distinctInstance constraint type.'],
    ['#24', 'binpack on disk', requests.ec2({ placementStrategy: [binpack('disk')] }),
      'Invalid field for binpack strategy: disk. Valid values are cpu and memory.'],
    ['#24', 'binpack without a field (printed as null)', requests.ec2({ placementStrategy: [binpack()] }),
      'Invalid field for binpack strategy: null. Valid values are cpu and memory.'],
    ['#24', 'spread on az', requests.ec2({ placementStrategy: [spread('az')] }), 'Invalid field for spread strategy: az.'],
    ['#24', 'spread on InstanceId (only binpack is case-insensitive)', requests.ec2({ placementStrategy: [spread('InstanceId')] }),
      'Invalid field for spread strategy: InstanceId.'],
    ['#24', 'spread on attribute: with no name', requests.ec2({ placementStrategy: [spread('attribute:')] }),
      'Invalid field for spread strategy: attribute:.'],
    ['#24', 'the second strategy is checked too', requests.ec2({ placementStrategy: [spread('instanceId'), binpack('gpu')] }),
      'Invalid field for binpack strategy: gpu. Valid values are cpu and memory.'],
  ])('%s %s', (_, __, input, message) => {
    const { s } = aServiceWorld();
    register(s, taskDefinitions.bridge('tdc', [{}], { placementConstraints: [memberOf(VALID), memberOf(VALID)] }));
    const e = s.ecsError('CreateService', input);
    expect([e.code, e.message]).toEqual([ipe, message]);
  });

  it.each([
    ['memberOf without an expression (parsed as the empty text)', undefined, ''],
    ['memberOf with an expression that ends early', 'attribute:ecs.instance-type ==', 'attribute:ecs.instance-type =='],
  ])('#23 %s gets the 5.8 parse error', (_, expression, text) => {
    const e = aServiceWorld().s.ecsError('CreateService', requests.ec2({ placementConstraints: [memberOf(expression)] }));
    expect([e.code, e.message]).toEqual([ipe, parseErrorOf(text)]);
  });

  it('#21 is refused earlier by the generic validator (D52) for values outside the model enums', () => {
    const { s } = aServiceWorld();
    const c = s.ecsError('CreateService', requests.ec2({ placementConstraints: [{ type: 'sameInstance' }] }));
    expect([c.code, c.message]).toEqual([ipe, 'placementConstraints.type should be one of [distinctInstance, memberOf]']);
    const st = s.ecsError('CreateService', requests.ec2({ placementStrategy: [{ type: 'roundRobin' }] }));
    expect([st.code, st.message]).toEqual([ipe, 'placementStrategy.type should be one of [random, spread, binpack]']);
  });

  it.each([
    ['a constraint type', { placementConstraints: [{ type: 'sameInstance' }], placementStrategy: [] }, 'Invalid placement constraint type: sameInstance.'],
    ['a strategy type', { placementConstraints: [], placementStrategy: [{ type: 'roundRobin' }] }, 'Invalid placement strategy type: roundRobin.'],
    ['constraints before strategies', { placementConstraints: [{ type: 'x' }], placementStrategy: [{ type: 'y' }] }, 'Invalid placement constraint type: x.'],
  ])('#21 (the rule itself, for values the enum would let through): %s', (_, lists, message) => {
    const draft = {
      launchType: 'EC2', taskDefinition: { containerDefinitions: [], placementConstraints: [] },
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 }, loadBalancers: [], serviceRegistries: [],
      ...lists,
    } as unknown as ServiceDraft;
    expect(() => validatePlacement(ERA_2018, draft)).toThrow(message);
  });

  it('accepts the documented examples and echoes binpack fields in lower case (D25); other fields as given', () => {
    const { s } = aServiceWorld();
    register(s, taskDefinitions.bridge('tdc', [{}], { placementConstraints: [memberOf(VALID)] }));
    const service = s.ecs('CreateService', requests.ec2({
      taskDefinition: 'tdc',
      // 1 in the task definition + 9 here = 10: at the limit
      placementConstraints: [distinct(), distinct(''), ...times(7, memberOf(VALID))],
      placementStrategy: [spread('attribute:ecs.availability-zone'), binpack('MEMORY'), spread('host'), binpack('Cpu'), { type: 'random', field: 'ignored' }],
    })).service;
    expect(service.placementStrategy).toEqual([
      spread('attribute:ecs.availability-zone'), binpack('memory'), spread('host'), binpack('cpu'), { type: 'random', field: 'ignored' },
    ]);
    expect(service.placementConstraints).toEqual([distinct(), distinct(''), ...times(7, memberOf(VALID))]);
  });
});
