// The task blocks of one instance card as one HTML string: thousands of blocks parse far faster as
// markup than as template instances, and a card is rebuilt only when its signature changes.
import { taskColour } from './colours.ts';
import type { MapTask } from './cluster-map-model.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** The accessible name of a block: the task id first, then what the colour and pattern show. */
export function taskLabel(t: MapTask): string {
  const service = t.task.serviceName ? `service ${t.task.serviceName}, ${t.shade === 'PRIMARY' ? 'primary' : 'older'} deployment` : 'no service';
  const stopping = t.task.desiredStatus === 'STOPPED' ? ', stopping' : '';
  return `Task ${t.task.id}, ${t.task.lastStatus}${stopping}, ${service}`;
}

/**
 * One `<span>` per task: `role="img"` with the task id in its name, a roving `tabindex` (the first
 * block is reachable by Tab, the rest by the arrow keys), classes for the pattern: `old` (an ACTIVE
 * deployment: striped), `pending` (hollow), `stopping` (faded).
 */
export function taskBlocksHtml(tasks: readonly MapTask[]): string {
  let out = '';
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i];
    const cls = `t${t.shade === 'ACTIVE' ? ' old' : ''}${t.pending ? ' pending' : ''}${t.task.desiredStatus === 'STOPPED' ? ' stopping' : ''}`;
    out += `<span class="${cls}" role="img" data-testid="task-block" data-task-id="${escapeHtml(t.task.id)}" data-index="${i}"`
      + ` tabindex="${i === 0 ? 0 : -1}" aria-label="${escapeHtml(taskLabel(t))}" style="--c:${taskColour(t.task.serviceName, t.shade)}"`
      + `></span>`;
  }
  return out;
}
