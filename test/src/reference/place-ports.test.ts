// The ports stage on its own (semantics 4.5; contract 1, "ports"): mappings in order, each seeing the
// ones before it; the 100-port cap per protocol; the lowest free ephemeral port.
import { describe, expect, it } from 'vitest';
import { MAX_RESERVED_PORTS_PER_PROTOCOL, placePorts, type InstancePorts } from '../../../src/reference/place-ports.ts';
import { ERA_2018 } from '../../../src/engine/era.ts';
import { dynamicPort, encodedPort, staticPort } from '../../builders/placement-problem.ts';

const instance = (over: Partial<InstancePorts> = {}): InstancePorts => ({
  used: new Set([22, 2375, 2376, 51678, 51679]), reservedTcpCount: 5, reservedUdpCount: 0,
  ephemeralFirst: 49153, ephemeralLast: 65535, ...over,
});

describe('placePorts', () => {
  it('the cap is the era constant', () => {
    expect(MAX_RESERVED_PORTS_PER_PROTOCOL).toBe(ERA_2018.maxReservedHostPortsPerInstance);
  });

  it.each<[string, Partial<InstancePorts>, number[], number[] | null]>([
    ['no mappings → nothing bound', {}, [], []],
    ['static 80', {}, [staticPort(80)], [80]],
    ['static 22 (reserved) → null', {}, [staticPort(22)], null],
    ['tcp 22 reserved, udp 22 free', {}, [staticPort(22, 'udp')], [encodedPort(22, 'udp')]],
    ['reserved tcp 99: 99 + 1 = 100 → fits', { reservedTcpCount: 99 }, [staticPort(80)], [80]],
    ['reserved tcp 100: 101 > 100 → null', { reservedTcpCount: 100 }, [staticPort(80)], null],
    ['reserved udp 100 blocks udp only', { reservedUdpCount: 100 }, [staticPort(80)], [80]],
    ['reserved udp 100, static udp → null', { reservedUdpCount: 100 }, [staticPort(80, 'udp')], null],
    ['reserved tcp 99, two static tcp: 99 + 1 + 1 = 101 → null', { reservedTcpCount: 99 }, [staticPort(80), staticPort(81)], null],
    ['reserved tcp 99, static tcp + static udp → both fit', { reservedTcpCount: 99 }, [staticPort(80), staticPort(80, 'udp')], [80, encodedPort(80, 'udp')]],
    ['reserved tcp 100, dynamic still fits (not counted)', { reservedTcpCount: 100 }, [dynamicPort()], [49153]],
    ['dynamic skips used ports', { used: new Set([49153, 49154]) }, [dynamicPort()], [49155]],
    ['dynamic skips 51678/51679 inside the range', { ephemeralFirst: 51678 }, [dynamicPort()], [51680]],
    ['dynamic range exhausted → null', { ephemeralFirst: 51678, ephemeralLast: 51679 }, [dynamicPort()], null],
    ['three dynamic mappings: 49153, 49154, 49155', {}, [dynamicPort(), dynamicPort(), dynamicPort()], [49153, 49154, 49155]],
    ['dynamic then static of the same port → null', {}, [dynamicPort(), staticPort(49153)], null],
    ['dynamic tcp and dynamic udp both get 49153', {}, [dynamicPort(), dynamicPort('udp')], [49153, encodedPort(49153, 'udp')]],
  ])('%s', (_, over, mappings, expected) => {
    expect(placePorts(mappings, instance(over))).toEqual(expected);
  });

  it('never changes the instance\'s used set', () => {
    const i = instance();
    placePorts([staticPort(80), dynamicPort()], i);
    expect([...i.used]).toEqual([22, 2375, 2376, 51678, 51679]);
  });
});
