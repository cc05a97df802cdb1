/**
 * A report as PDF (SPEC §8): the KPI table against target with the change from the previous range,
 * a trend chart per KPI and per team metric drawn on the server as SVG from the Reports page's own
 * option builder (`trendChartOption`, SPEC §8 "charts in every export match the screen"), and the
 * highlights and comments. The report holds no pulse, so none can reach the PDF (SPEC §11).
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { ChartOption } from '#shared/charts/control-chart-option';
import { trendChartOption } from '#shared/charts/trend-chart-option';
import { formatMetricValue } from '#shared/format/metric-format';
import { formatChange, metricsHeading, STATUS_LABELS } from '#shared/format/report-words';
import type { Report } from '#shared/report-schemas';
import { PDF_FONT, PDF_FONT_BOLD, usePdfFonts } from '../pdf/pdf-fonts.ts';
import { chartSvg } from '../reviews/chart-svg.ts';

const MARGIN = 50;
const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const CHART = { width: PAGE.width - 2 * MARGIN, height: 150 };

/** The standard PDF fonts have no U+2212 minus sign; a hyphen-minus reads the same. */
const printable = (text: string) => text.replace(/\u2212/g, '-');

export interface ReportChart {
  title: string;
  option: ChartOption;
}

/** The charts of a report, in the order the page shows them: each KPI, then each team metric. */
export function reportCharts(r: Report): ReportChart[] {
  return [
    ...r.kpis.map((k) => ({
      title: `${k.name} — ${k.assistantName}`,
      option: trendChartOption({ metric: k.metric, series: k.series, target: k.target }),
    })),
    ...r.metrics.map((m) => ({
      title: r.scope === 'assistant' ? m.name : `${m.name} — all assistants of the report`,
      option: trendChartOption({ metric: m.metric, series: m.series, target: null }),
    })),
  ];
}

function bytesOf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export async function reportPdf(r: Report): Promise<Buffer> {
  const title = `Report — ${r.title}`;
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: title, Creator: 'Tandem' } });
  usePdfFonts(doc);
  const done = bytesOf(doc);
  const width = PAGE.width - 2 * MARGIN;
  const heading = (text: string) => {
    doc.moveDown(0.8).font(PDF_FONT_BOLD).fontSize(14).text(text, { width }).moveDown(0.3);
    doc.font(PDF_FONT).fontSize(10);
  };
  const line = (text: string) => doc.text(printable(text), { width });
  const none = (text: string) => doc.fillColor('#666666').text(text, { width }).fillColor('black');
  const chart = (c: ReportChart) => {
    if (doc.y + CHART.height + 20 > PAGE.height - MARGIN) doc.addPage();
    doc.font(PDF_FONT_BOLD).text(c.title, { width }).font(PDF_FONT);
    const y = doc.y + 2;
    // The SVG is sized in PDF points already; without assumePt its px would be scaled by 0.75.
    SVGtoPDF(doc, chartSvg(c.option, CHART.width, CHART.height), MARGIN, y, {
      width: CHART.width,
      height: CHART.height,
      assumePt: true,
    });
    doc.x = MARGIN;
    doc.y = y + CHART.height + 8;
  };

  doc.font(PDF_FONT_BOLD).fontSize(18).text(title, { width });
  doc.moveDown(0.3).font(PDF_FONT).fontSize(10);
  line(
    `${r.range.from} to ${r.range.to} (${r.range.periods.length} ${r.period}${r.range.periods.length === 1 ? '' : 's'}), compared with ${r.previousRange.from} to ${r.previousRange.to}. Data as of ${r.asOf}.`,
  );
  line(`Assistants: ${r.assistants.map((a) => a.name).join(', ') || 'none'}.`);

  heading('KPIs against target');
  if (r.kpis.length === 0) none('No active KPIs in this report.');
  for (const k of r.kpis) {
    doc.font(PDF_FONT_BOLD).text(`${k.name} — ${k.assistantName}`, { width }).font(PDF_FONT);
    line(
      `Range: ${formatMetricValue(k.metric, k.value)} · Target: ${formatMetricValue(k.metric, k.target)} · ${k.status ? STATUS_LABELS[k.status] : 'No status'} · Previous: ${formatMetricValue(k.metric, k.previous)} · Change: ${formatChange(k.metric, k.change)}`,
    );
    doc.moveDown(0.2);
  }

  heading(metricsHeading(r.scope));
  if (r.metrics.length === 0) none('No data in this range.');
  for (const m of r.metrics)
    line(
      `${m.name}: ${formatMetricValue(m.metric, m.value)} (previous ${formatMetricValue(m.metric, m.previous)}, change ${formatChange(m.metric, m.change)})`,
    );

  const charts = reportCharts(r);
  if (charts.length > 0) {
    // Not a heading alone at the foot of a page: it starts the page of its first chart.
    if (doc.y + CHART.height + 60 > PAGE.height - MARGIN) doc.addPage();
    heading('Trends');
    for (const c of charts) chart(c);
  }

  heading('Highlights');
  if (r.highlights.length === 0) none('None recorded.');
  const nameOf = new Map(r.assistants.map((a) => [a.id, a.name]));
  for (const h of r.highlights)
    line(`• ${h.at.slice(0, 10)}, ${nameOf.get(h.assistant) ?? h.assistant}: ${h.description}`);
  heading('Feedback');
  if (r.feedback.length === 0) none('No ratings or surveys in this range.');
  for (const f of r.feedback)
    line(
      `• ${f.kind} ${f.at.slice(0, 10)}, ${nameOf.get(f.assistant) ?? f.assistant}: ${Math.round(f.score * 100) / 100} / 5${f.from ? ` from ${f.from}` : ''}${f.comment ? `: “${f.comment}”` : ''}`,
    );
  doc.end();
  return done;
}
