// A task definition's port mappings as placement sees them (semantics 4.5): container then mapping
// order; host mode binds the container port; awsvpc and none bind no host port.
import type { TaskDefinitionRecord } from '../../domain/records.ts';
import { PROTOCOL_TCP, PROTOCOL_UDP } from '../../placement/placement-codes.ts';

export interface PortMappingSlot {
  containerName: string;
  containerPort: number;
  protocol: 'tcp' | 'udp';
  /** 0 = dynamic (bridge without hostPort). */
  hostPort: number;
}

/** A port as the cores see it: (protocol << 16) | port (placement contract). */
export const encodePort = (protocol: string | undefined, port: number): number =>
  ((protocol === 'udp' ? PROTOCOL_UDP : PROTOCOL_TCP) << 16) | port;

export function taskPortMappingsOf(definition: TaskDefinitionRecord['definition']): PortMappingSlot[] {
  const mode = definition.networkMode ?? 'bridge';
  if (mode === 'awsvpc' || mode === 'none') return [];
  return definition.containerDefinitions.flatMap((c) => (c.portMappings ?? []).map((m) => ({
    containerName: c.name ?? '',
    containerPort: m.containerPort ?? 0,
    protocol: m.protocol === 'udp' ? 'udp' as const : 'tcp' as const,
    // host mode: the host port is the container port (4.5)
    hostPort: mode === 'host' ? (m.hostPort || m.containerPort || 0) : (m.hostPort ?? 0),
  })));
}
