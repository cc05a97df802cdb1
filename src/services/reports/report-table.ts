/**
 * A report as tables of cells, the one source of the CSV (sections one under the other) and the
 * XLSX (a sheet per section) exports. Values are the report's numbers as computed, never rounded
 * (SPEC §4) and never turned into text; every text cell is escaped against formula injection
 * (OWASP ASVS 1.2.10) here, so neither writer can forget it.
 */
import type { Report } from '#shared/report-schemas';
import { escapeSpreadsheetText } from './escape-spreadsheet-text.ts';

export type Cell = string | number | null;

export interface ReportSection {
  name: string;
  header: string[];
  rows: Cell[][];
  /** Columns holding a metric value, and the metric whose kind (rate, score …) formats them. */
  valueColumns: number[];
  metricColumn: number | null;
}

const safe = (cells: Cell[]): Cell[] => cells.map((c) => escapeSpreadsheetText(c));

export function reportSections(r: Report): ReportSection[] {
  const range = `${r.range.from}..${r.range.to}`;
  const previous = `${r.previousRange.from}..${r.previousRange.to}`;
  return [
    {
      name: 'Report',
      header: ['title', 'scope', 'id', 'from', 'to', 'period', 'previous from', 'previous to', 'as of'],
      rows: [
        safe([
          r.title,
          r.scope,
          r.id,
          r.range.from,
          r.range.to,
          r.period,
          r.previousRange.from,
          r.previousRange.to,
          r.asOf,
        ]),
      ],
      valueColumns: [],
      metricColumn: null,
    },
    {
      name: 'KPIs',
      header: [
        'assistant',
        'assistant name',
        'kpi',
        'name',
        'metric',
        'kpi period',
        'range',
        'value',
        'target',
        'status',
        'previous range',
        'previous',
        'change',
      ],
      rows: r.kpis.map((k) =>
        safe([
          k.assistant,
          k.assistantName,
          k.kpi,
          k.name,
          k.metric,
          k.kpiPeriod,
          range,
          k.value,
          k.target,
          k.status,
          previous,
          k.previous,
          k.change,
        ]),
      ),
      valueColumns: [7, 8, 11, 12],
      metricColumn: 4,
    },
    {
      name: 'KPI trends',
      header: ['assistant', 'kpi', 'name', 'metric', 'period', 'value'],
      rows: r.kpis.flatMap((k) =>
        k.series.map((p) => safe([k.assistant, k.kpi, k.name, k.metric, p.period, p.value])),
      ),
      valueColumns: [5],
      metricColumn: 3,
    },
    {
      name: 'Team metrics',
      header: ['metric', 'name', 'range', 'value', 'basis', 'previous range', 'previous', 'change'],
      rows: r.metrics.map((m) =>
        safe([m.metric, m.name, range, m.value, m.basis, previous, m.previous, m.change]),
      ),
      valueColumns: [3, 6, 7],
      metricColumn: 0,
    },
    {
      name: 'Team trends',
      header: ['metric', 'name', 'period', 'value'],
      rows: r.metrics.flatMap((m) => m.series.map((p) => safe([m.metric, m.name, p.period, p.value]))),
      valueColumns: [3],
      metricColumn: 0,
    },
    {
      name: 'Highlights',
      header: ['assistant', 'at', 'description'],
      rows: r.highlights.map((h) => safe([h.assistant, h.at, h.description])),
      valueColumns: [],
      metricColumn: null,
    },
    {
      name: 'Feedback',
      header: ['assistant', 'kind', 'at', 'score', 'from', 'comment'],
      rows: r.feedback.map((f) => safe([f.assistant, f.kind, f.at, f.score, f.from, f.comment])),
      valueColumns: [],
      metricColumn: null,
    },
  ];
}
