/** The readable report `tandem analyze` prints without --json: one block per KPI. */
import type { KpiDefinition } from '#core/kpis/kpi-definition';
import { kpiPeriod } from '#core/kpis/kpi-definition';
import type { KpiAnalysis, PeriodForecast } from '#core/stats/analyze-kpi';

function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (!Number.isFinite(v)) return String(v);
  return Number.isInteger(v) ? String(v) : v.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}

function forecastLine(label: string, f: PeriodForecast | null): string {
  return f === null
    ? `  ${label}: —`
    : `  ${label} ${f.period}: ${fmt(f.value)} (80 % interval ${fmt(f.lower)} to ${fmt(f.upper)})`;
}

/** Formats analyses (with their KPI definitions, for the headings) as text. */
export function formatAnalysisTable(
  analyses: readonly KpiAnalysis[],
  kpis: readonly KpiDefinition[],
): string {
  if (analyses.length === 0) return 'No KPI to analyse.\n';
  const byId = new Map(kpis.map((k) => [k.id, k]));
  const blocks = analyses.map((a) => {
    const k = byId.get(a.kpi);
    const filter = Object.entries(k?.filter ?? {})
      .map(([key, v]) => `${key}=${v}`)
      .join(' ');
    const head = k
      ? `KPI ${a.kpi} — ${k.assistant}, ${k.metric}${filter ? ` (${filter})` : ''}, ${kpiPeriod(k)}, ${k.direction} is better`
      : `KPI ${a.kpi}`;
    const lines = [head];
    const signalAt = new Map<string, string[]>();
    for (const s of a.signals)
      signalAt.set(s.period, [...(signalAt.get(s.period) ?? []), `${s.rule} ${s.side}`]);
    const phaseAt = new Map(a.phases.map((p) => [p.from, p]));
    if (a.series.length === 0) lines.push('  no complete bucket with data yet');
    for (const p of a.series) {
      const ph = phaseAt.get(p.period);
      const phase = ph
        ? `  ← phase: centre ${fmt(ph.centre)}, limits ${fmt(ph.lower)} to ${fmt(ph.upper)}`
        : '';
      const sig = signalAt.get(p.period);
      lines.push(
        `  ${p.period.padEnd(9)} ${fmt(p.value).padStart(10)}${sig ? `  signal: ${sig.join(', ')}` : ''}${phase}`,
      );
    }
    lines.push(
      a.trend === null
        ? '  trend: — (needs 4 values)'
        : `  trend: ${a.trend.direction} (slope ${fmt(a.trend.slope)} per ${k ? kpiPeriod(k) : 'bucket'}, p ${fmt(a.trend.p)})`,
    );
    if (a.forecast === null) lines.push('  forecast: — (needs 4 values)');
    else {
      lines.push('  forecast:');
      lines.push(forecastLine('month', a.forecast.month));
      lines.push(forecastLine('quarter', a.forecast.quarter));
      lines.push(`  back-test MAE: ${fmt(a.forecast.backtestMAE)}`);
    }
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}
