// `check`'s report as text (one line per service), JSON (the CheckReport) or a Markdown table.
import type { CheckReport, ServiceCheck } from './check-report.ts';
import { CLI } from '../messages.ts';
import { mdCell, type OutputFormat } from './output-format.ts';

const phaseLabel = (r: ServiceCheck) => (r.phase ? CLI.phase[r.phase] : '');
const failedCount = (report: CheckReport) => report.services.filter((s) => s.outcome !== 'ok').length;

function summary(report: CheckReport): string {
  const phases = report.phases.map((p) => `${CLI.phase[p.phase]} ${p.seconds} s`).join(', ');
  const failed = failedCount(report);
  const n = report.services.length;
  const head = n === 0 ? CLI.noServices : failed === 0 ? CLI.summaryOk(n) : CLI.summaryFailed(failed, n);
  return `${head} (${phases})`;
}

function text(report: CheckReport): string {
  const lines = report.services.map((r) => {
    const mark = r.outcome === 'ok' ? 'ok  ' : 'FAIL';
    const where = `${r.region} ${r.cluster}/${r.service}`;
    return `${mark}  ${where}${r.phase ? ` (${phaseLabel(r)})` : ''}: ${r.reason}`;
  });
  return [...lines, summary(report)].join('\n');
}

function markdown(report: CheckReport): string {
  const rows = report.services.map((r) =>
    `| ${mdCell(`${r.cluster}/${r.service}`)} | ${r.region} | ${r.outcome === 'ok' ? 'ok' : `**${r.outcome}**`} | ${phaseLabel(r)} | ${mdCell(r.reason)} |`);
  return [
    '| Service | Region | Result | Phase | Reason |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    summary(report),
  ].join('\n');
}

export function formatCheck(report: CheckReport, format: OutputFormat): string {
  if (format === 'json') return JSON.stringify(report, null, 2);
  return format === 'md' ? markdown(report) : text(report);
}
