// Plain text formatting for the playground (no DOM): simulated clock, ids, amounts.

/** `1h 02m 03s` style elapsed time since the scenario started; negative spans read as 0s. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h}h ${pad(m)}m ${pad(s)}s`;
  if (m > 0) return `${m}m ${pad(s)}s`;
  return `${s}s`;
}

/** The simulated clock as the toolbar shows it: `T+1m 05s`. */
export const formatClock = (now: number, startedAt: number) => `T+${formatElapsed(now - startedAt)}`;

/** The simulated wall time of a moment, in UTC: `2018-05-22 00:01:05`. */
export function formatUtc(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

/** The last path segment of an ARN: `…:task-definition/web:3` → `web:3`; anything else as it is. */
export function shortArn(arn: string | undefined): string {
  if (!arn) return '';
  const i = arn.lastIndexOf('/');
  return i >= 0 && i < arn.length - 1 ? arn.slice(i + 1) : arn;
}

/** The first 8 characters of a UUID-like id, enough to tell tasks apart on screen. */
export const shortId = (id: string) => (id.length > 8 ? id.slice(0, 8) : id);
/** A deployment id (`ecs-svc/` and 19 digits) by its last 8 digits: the first 8 characters are the same for every deployment. */
export const shortDeploymentId = (id: string) => id.replace(/^ecs-svc\//, '').slice(-8);

/** `used / registered` as a 0–100 percentage, clamped (an over-committed instance reads 100). */
export function percent(used: number, registered: number): number {
  if (!(registered > 0)) return 0;
  return Math.min(100, Math.max(0, Math.round((used / registered) * 100)));
}

/** `512 / 2048 (25%)`. */
export const usageText = (used: number, registered: number) => `${used} / ${registered} (${percent(used, registered)}%)`;

/** Host ports of a task as `web:80→32768/tcp`, comma separated; `none` without. */
export function hostPortsText(ports: readonly { containerName: string; containerPort: number; hostPort: number; protocol: string }[]): string {
  if (ports.length === 0) return 'none';
  return ports.map((p) => `${p.containerName}:${p.containerPort}→${p.hostPort}/${p.protocol}`).join(', ');
}
