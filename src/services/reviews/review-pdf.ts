/**
 * A monthly review as PDF (SPEC §8 "exportable"): the agenda of the Markdown export in the same
 * order, and each KPI's control chart drawn on the server as SVG from the screen's own option
 * builder (`controlChartOption`, SPEC §8 "charts in every export match the screen"), with the
 * KPI analysis as of the agenda's instant. Private pulse answers are not in the agenda, so they
 * cannot reach the PDF (SPEC §11).
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { baselineLabels, processChangeLabels, targetsBySeries } from '#shared/charts/control-chart-input';
import { type ChartOption, controlChartOption } from '#shared/charts/control-chart-option';
import { planSummary } from '#shared/format/plan-summary';
import { AppError } from '#src/errors';
import { kpiAnalysis } from '../kpis/kpi-analysis.ts';
import { PDF_FONT, PDF_FONT_BOLD, usePdfFonts } from '../pdf/pdf-fonts.ts';
import type { ServiceDeps } from '../service-context.ts';
import { chartSvg } from './chart-svg.ts';
import { getReview, type ReviewEntry, type ReviewView } from './monthly-reviews.ts';
import type { AgendaKpi } from './review-agenda.ts';
import { formatKpiValue, per, reviewNames, STATUS_WORDS } from './review-markdown.ts';

const MARGIN = 50;
const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const CHART = { width: PAGE.width - 2 * MARGIN, height: 220 };

export interface ReviewChart {
  kpi: AgendaKpi;
  /** The option the screen's chart would be given for this KPI as of the agenda's instant. */
  option: ChartOption;
}

/**
 * Each agenda KPI's control chart option, from the same analysis the KPI screen reads
 * (`GET …/kpis/{id}/analysis?asOf=`) at the agenda's instant. A KPI removed since has none.
 */
export async function reviewCharts(deps: ServiceDeps, ws: string, r: ReviewView): Promise<ReviewChart[]> {
  const asOf = Date.parse(r.agenda.asOf);
  const out: ReviewChart[] = [];
  for (const kpi of r.agenda.kpis) {
    let view: Awaited<ReturnType<typeof kpiAnalysis>>;
    try {
      view = await kpiAnalysis(deps, ws, kpi.id, asOf);
    } catch (e) {
      if (e instanceof AppError && e.code === 'not_found') continue;
      throw e;
    }
    if (view.analysis.series.length === 0) continue;
    const option = controlChartOption({
      analysis: view.analysis,
      metric: kpi.metric,
      targets: targetsBySeries(view),
      baseline: baselineLabels(view),
      processChanges: processChangeLabels(view),
    });
    out.push({ kpi, option });
  }
  return out;
}

/** Collects a pdfkit document's bytes. */
function bytesOf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** The PDF of a review with its charts; `name` turns a user id into the person's name. */
export async function renderReviewPdf(
  r: ReviewView,
  assistantName: string,
  name: (id: string) => string,
  charts: readonly ReviewChart[],
): Promise<Buffer> {
  const a = r.agenda;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Monthly review — ${assistantName}, ${r.month}`, Creator: 'Tandem' },
  });
  usePdfFonts(doc);
  const done = bytesOf(doc);
  const width = PAGE.width - 2 * MARGIN;
  const heading = (text: string) => {
    doc.moveDown(0.8).font(PDF_FONT_BOLD).fontSize(14).text(text, { width }).moveDown(0.3);
    doc.font(PDF_FONT).fontSize(10);
  };
  const line = (text: string) => doc.text(text, { width });
  const none = (text: string) => doc.fillColor('#666666').text(text, { width }).fillColor('black');
  const entries = (list: readonly ReviewEntry[]) => {
    for (const e of list) {
      doc.font(PDF_FONT_BOLD).text(`${name(e.author)} (${e.side}, ${e.at}):`, { width });
      doc.font(PDF_FONT).text(e.text.trim(), { width, indent: 12 }).moveDown(0.3);
    }
  };

  doc.font(PDF_FONT_BOLD).fontSize(18).text(`Monthly review — ${assistantName}, ${r.month}`, { width });
  doc.moveDown(0.3).font(PDF_FONT).fontSize(10);
  line(
    r.locked
      ? `Signed by both sides and locked on ${r.lockedAt}.`
      : `Draft: the agenda is generated from the data as of ${a.asOf}${a.complete ? '' : ' (the month is still running)'}.`,
  );

  heading('KPIs against target');
  if (a.kpis.length === 0) none('No active KPIs this month.');
  const chartOf = new Map(charts.map((c) => [c.kpi.id, c]));
  for (const k of a.kpis) {
    doc.font(PDF_FONT_BOLD).text(k.name, { width });
    doc.font(PDF_FONT);
    line(
      `Month: ${formatKpiValue(k.metric, k.value)}${per(k)} · Target: ${formatKpiValue(k.metric, k.target)} · Status: ${k.status ? STATUS_WORDS[k.status] : '—'} · Trend: ${k.trend?.direction ?? '—'}`,
    );
    line(`Signals: ${k.signals.map((s) => `${s.period} ${s.rule} (${s.side})`).join(', ') || 'none'}`);
    const chart = chartOf.get(k.id);
    if (chart) {
      if (doc.y + CHART.height > PAGE.height - MARGIN) doc.addPage();
      const y = doc.y + 4;
      SVGtoPDF(doc, chartSvg(chart.option, CHART.width, CHART.height), MARGIN, y, {
        width: CHART.width,
        height: CHART.height,
        // The SVG is sized in PDF points already; without this its px would be scaled by 0.75.
        assumePt: true,
      });
      doc.x = MARGIN;
      doc.y = y + CHART.height + 6;
    }
    doc.moveDown(0.5);
  }

  heading('Coaching prompts');
  if (a.prompts.length === 0) none('None this month.');
  for (const p of a.prompts) line(`• ${p.title} — ${p.message}`);
  heading('Highlights');
  if (a.highlights.length === 0) none('None recorded.');
  for (const h of a.highlights) line(`• ${h.at.slice(0, 10)}: ${h.description}`);
  heading('Feedback');
  if (a.feedback.length === 0) none('No ratings or surveys this month.');
  for (const f of a.feedback)
    line(
      `• ${f.kind} ${f.at.slice(0, 10)}, ${Math.round(f.score * 100) / 100} / 5${f.from ? ` from ${f.from}` : ''}${f.comment ? `: “${f.comment}”` : ''}`,
    );
  heading('Check-ins');
  if (a.checkins.length === 0) none('No check-ins this month.');
  for (const c of a.checkins) {
    doc.font(PDF_FONT_BOLD).text(c.date, { width }).font(PDF_FONT);
    line(`Manager: ${c.managerNotes.trim() || '(none)'}`);
    line(`Assistant: ${c.assistantNotes.trim() || '(none)'}`);
    doc.moveDown(0.3);
  }
  heading('Open action items');
  if (a.openItems.length === 0) none('None open.');
  for (const i of a.openItems) line(`• ${i.text} — ${name(i.owner)}, due ${i.dueDate}`);
  heading('Development plans');
  const plans = a.development ?? [];
  if (plans.length === 0) none('No development plans open this month.');
  for (const p of plans)
    line(
      `• ${p.title}${p.subject ? ` (${p.subject})` : ''}, since ${p.startedOn}, ${p.status}: ${planSummary(p)}`,
    );
  heading('Goals');
  if (a.goals.length === 0) none('No goals for this month or quarter.');
  for (const g of a.goals) line(`• ${g.title} (${g.period}): ${g.status.replace('_', ' ')}`);
  heading('Pulse (shared by the assistant)');
  if (a.pulse.length === 0) none('Nothing shared.');
  for (const p of a.pulse) line(`• ${p.week}: ${p.score} / 5${p.comment ? ` — ${p.comment}` : ''}`);
  heading('Comments');
  if (r.comments.length === 0) none('No comments.');
  entries(r.comments);
  heading('Sign-off');
  for (const side of ['manager', 'assistant'] as const) {
    const s = r.signed[side];
    line(
      `${side === 'manager' ? 'Manager' : 'Assistant'}: ${s ? `${name(s.by)}, ${s.at}` : 'not signed yet'}`,
    );
  }
  if (r.amendments.length > 0) {
    heading('Amendments after sign-off');
    entries(r.amendments);
  }
  doc.end();
  return done;
}

/** Loads a review, the names in it and its charts, and renders the PDF. */
export async function reviewPdf(deps: ServiceDeps, ws: string, id: string): Promise<Buffer> {
  const r = await getReview(deps, ws, id);
  const { assistantName, name } = await reviewNames(deps, ws, r);
  return renderReviewPdf(r, assistantName, name, await reviewCharts(deps, ws, r));
}
