// A what-if report as text (an aligned table for a terminal), a Markdown table, or JSON. One column
// per variant, one row per figure; a figure over several seeds prints as `median (min–max)`.
import type { Metric, VariantReport, WhatIfFormat, WhatIfReport } from './what-if-types.ts';

const isNumber = (m: Metric): m is number => typeof m === 'number';

export function formatMetric(m: Metric | undefined, unit = ''): string {
  if (m === undefined) return '—';
  const one = (x: number) => `${Number.isInteger(x) ? x : x.toFixed(x < 10 ? 2 : 1).replace(/\.?0+$/, '')}${unit}`;
  if (isNumber(m)) return one(m);
  return m.min === m.max ? one(m.min) : `${one(m.median)} (${one(m.min)}–${one(m.max)})`;
}

const percent = (m: Metric): Metric =>
  isNumber(m) ? Math.round(m * 1000) / 10 : { min: Math.round(m.min * 1000) / 10, median: Math.round(m.median * 1000) / 10, max: Math.round(m.max * 1000) / 10 };

type Row = { label: string; cells: string[] } | { heading: string };

function rows(report: WhatIfReport): Row[] {
  const variants = report.variants;
  const out: Row[] = [];
  const row = (label: string, cell: (v: VariantReport) => string) => out.push({ label, cells: variants.map(cell) });
  const serviceNames = [...new Set(variants.flatMap((v) => v.services.map((s) => s.name)))];
  for (const name of serviceNames) {
    out.push({ heading: name });
    const of = (v: VariantReport) => v.services.find((s) => s.name === name);
    row('desired', (v) => formatMetric(of(v)?.desired));
    row('running', (v) => formatMetric(of(v)?.running));
    row('unplaced', (v) => formatMetric(of(v)?.unplaced));
    row('stuck', (v) => {
      const s = of(v);
      if (!s?.stuck) return 'no';
      return v.runs > 1 ? `${s.stuck} (${s.stuckRuns}/${v.runs})` : s.stuck;
    });
    row('deployment', (v) => {
      const s = of(v);
      return s?.deploymentSeconds === undefined ? 'not steady' : formatMetric(s.deploymentSeconds, ' s');
    });
    row('lowest healthy', (v) => formatMetric(of(v)?.lowestHealthy));
    row('highest total', (v) => formatMetric(of(v)?.highestTotal));
    row('below desired', (v) => formatMetric(of(v)?.secondsBelowDesired, ' s'));
  }
  out.push({ heading: 'balance' });
  const zones = [...new Set(variants.flatMap((v) => Object.keys(v.balance.perAz)))].sort();
  for (const zone of zones) row(`tasks in ${zone}`, (v) => formatMetric(v.balance.perAz[zone] ?? 0));
  row('per instance max', (v) => formatMetric(v.balance.perInstanceMax));
  row('per instance min', (v) => formatMetric(v.balance.perInstanceMin));
  row('instances', (v) => formatMetric(v.balance.instances));
  out.push({ heading: 'utilization' });
  row('cpu', (v) => formatMetric(percent(v.utilization.cpu), '%'));
  row('memory', (v) => formatMetric(percent(v.utilization.memory), '%'));
  out.push({ heading: 'events' });
  row('events', (v) => formatMetric(v.events.reduce<number>((n, e) => n + (isNumber(e.count) ? e.count : e.count.median), 0)));
  row('kinds only here', (v) => String(v.eventsOnlyHere.length));
  return out;
}

function title(report: WhatIfReport): string {
  const seeds = report.seeds.length === 1 ? `seed ${report.seeds[0]}` : `${report.seeds.length} seeds (${report.seeds[0]}–${report.seeds[report.seeds.length - 1]})`;
  return `What-if: ${report.variants.length} variant${report.variants.length === 1 ? '' : 's'} in ${report.region}, ${seeds}, at most ${report.maxSeconds} s after the timeline`;
}

/** Placement failures and the events only a variant has, below the table. */
function notes(report: WhatIfReport): string[] {
  const lines: string[] = [];
  for (const v of report.variants) {
    for (const s of v.services) if (s.lastPlacementFailure) lines.push(`${v.name}: ${s.lastPlacementFailure}`);
  }
  const only = report.variants.filter((v) => v.eventsOnlyHere.length > 0);
  const out: string[] = [];
  if (lines.length) out.push('Placement failures:', ...lines.map((l) => `  ${l}`));
  if (only.length) {
    out.push(`Events not in ${report.variants[0].name}:`);
    for (const v of only) for (const t of v.eventsOnlyHere) out.push(`  ${v.name}: ${t}`);
  }
  return out;
}

function text(report: WhatIfReport): string {
  const table = rows(report);
  const names = report.variants.map((v) => v.name);
  const labelWidth = Math.max(...table.map((r) => ('label' in r ? r.label.length + 2 : r.heading.length)), 0);
  const widths = names.map((n, i) => Math.max(n.length, ...table.map((r) => ('cells' in r ? r.cells[i].length : 0))));
  const line = (label: string, cells: string[]) =>
    [label.padEnd(labelWidth), ...cells.map((c, i) => c.padEnd(widths[i]))].join('  ').trimEnd();
  const body = [line('', names)];
  for (const r of table) body.push('heading' in r ? r.heading : line(`  ${r.label}`, r.cells));
  const extra = notes(report);
  return [title(report), '', ...body, ...(extra.length ? ['', ...extra] : [])].join('\n') + '\n';
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|');

function markdown(report: WhatIfReport): string {
  const names = report.variants.map((v) => v.name);
  const out = [`**${mdCell(title(report))}**`, '', `| | ${names.map(mdCell).join(' | ')} |`, `|---|${names.map(() => '---:').join('|')}|`];
  for (const r of rows(report)) {
    out.push('heading' in r ? `| **${mdCell(r.heading)}** |${names.map(() => ' ').join('|')}|` : `| ${mdCell(r.label)} | ${r.cells.map(mdCell).join(' | ')} |`);
  }
  const extra = notes(report);
  if (extra.length) out.push('', ...extra.map((l) => (l.startsWith('  ') ? `- ${mdCell(l.trim())}` : l)));
  return out.join('\n') + '\n';
}

export function formatWhatIf(report: WhatIfReport, format: WhatIfFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'md':
      return markdown(report);
    case 'text':
      return text(report);
  }
}
