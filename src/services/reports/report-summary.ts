/**
 * A report's summary as plain text and as HTML, for messages that carry a report (a scheduled
 * digest by e-mail or Slack, SPEC §8): each KPI against target with the change from the previous
 * range, the team's metrics and the count of highlights and comments. Coaching tone (SPEC §7): a
 * KPI below target is listed as something to talk about, never ranked. Everything in the HTML
 * that came from people is escaped.
 */
import { formatMetricValue } from '#shared/format/metric-format';
import { formatChange, metricsHeading, STATUS_LABELS } from '#shared/format/report-words';
import type { Report } from '#shared/report-schemas';

interface Line {
  label: string;
  text: string;
}

function lines(r: Report): { title: string; range: string; kpis: Line[]; team: Line[]; notes: string[] } {
  const notes: string[] = [];
  const below = r.kpis.filter((k) => k.status === 'below').length;
  if (below > 0)
    notes.push(
      `${below} KPI${below === 1 ? ' is' : 's are'} below target: worth asking what support would help.`,
    );
  notes.push(
    `${r.highlights.length} highlight${r.highlights.length === 1 ? '' : 's'} and ${r.feedback.length} rating or survey comment${r.feedback.length === 1 ? '' : 's'} in the range.`,
  );
  return {
    title: `Report — ${r.title}`,
    range: `${r.range.from} to ${r.range.to}, compared with ${r.previousRange.from} to ${r.previousRange.to}`,
    kpis: r.kpis.map((k) => ({
      label: `${k.name} (${k.assistantName})`,
      text: `${formatMetricValue(k.metric, k.value)}, target ${formatMetricValue(k.metric, k.target)}${k.status ? ` — ${STATUS_LABELS[k.status]}` : ''}; change ${formatChange(k.metric, k.change)}`,
    })),
    team: r.metrics.map((m) => ({
      label: m.name,
      text: `${formatMetricValue(m.metric, m.value)}; change ${formatChange(m.metric, m.change)}`,
    })),
    notes,
  };
}

export function reportSummaryText(r: Report): string {
  const l = lines(r);
  const out = [l.title, l.range, ''];
  out.push('KPIs:');
  if (l.kpis.length === 0) out.push('- no active KPIs');
  for (const k of l.kpis) out.push(`- ${k.label}: ${k.text}`);
  if (l.team.length > 0) {
    out.push('', `${metricsHeading(r.scope)}:`);
    for (const t of l.team) out.push(`- ${t.label}: ${t.text}`);
  }
  out.push('', ...l.notes);
  return `${out.join('\n')}\n`;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

export function reportSummaryHtml(r: Report): string {
  const l = lines(r);
  const list = (xs: Line[]) =>
    `<ul>${xs.map((x) => `<li><strong>${esc(x.label)}</strong>: ${esc(x.text)}</li>`).join('')}</ul>`;
  return [
    `<h2>${esc(l.title)}</h2>`,
    `<p>${esc(l.range)}</p>`,
    '<h3>KPIs</h3>',
    l.kpis.length === 0 ? '<p>No active KPIs.</p>' : list(l.kpis),
    ...(l.team.length > 0 ? [`<h3>${esc(metricsHeading(r.scope))}</h3>`, list(l.team)] : []),
    ...l.notes.map((n) => `<p>${esc(n)}</p>`),
  ].join('\n');
}
