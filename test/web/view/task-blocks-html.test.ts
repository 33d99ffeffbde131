import { describe, expect, it } from 'vitest';
import { buildClusterMap } from '../../../web/view/cluster-map-model.ts';
import { escapeHtml, taskBlocksHtml, taskLabel } from '../../../web/view/task-blocks-html.ts';
import { taskColour } from '../../../web/view/colours.ts';
import { aView } from './fixtures.ts';

describe('task blocks markup', () => {
  it('escapes markup characters', () => expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'));

  it('one span per task, the task id in its accessible name, the first one tabbable', () => {
    const tasks = buildClusterMap(aView())[0].instances[1].tasks; // t-2 (old deployment), t-3 (pending)
    expect(taskLabel(tasks[0])).toBe('Task t-2, RUNNING, service web, older deployment');
    expect(taskLabel(tasks[1])).toBe('Task t-3, PENDING, service web, primary deployment');
    expect(taskBlocksHtml(tasks)).toBe(
      `<span class="t old" role="img" data-testid="task-block" data-task-id="t-2" data-index="0" tabindex="0" aria-label="Task t-2, RUNNING, service web, older deployment" style="--c:${taskColour('web', 'ACTIVE')}"></span>`
      + `<span class="t pending" role="img" data-testid="task-block" data-task-id="t-3" data-index="1" tabindex="-1" aria-label="Task t-3, PENDING, service web, primary deployment" style="--c:${taskColour('web', 'PRIMARY')}"></span>`);
  });

  it('stopping tasks say so', () => {
    const [m] = buildClusterMap(aView())[1].instances;
    m.tasks[0].task.desiredStatus = 'STOPPED';
    expect(taskLabel(m.tasks[0])).toBe('Task t-1, RUNNING, stopping, service web, primary deployment');
    expect(taskBlocksHtml(m.tasks)).toContain('class="t stopping"');
  });
});
