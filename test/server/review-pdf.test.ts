/**
 * The monthly review as PDF (SPEC §8) on every store: the agenda's text read back through a PDF
 * text extractor, a chart per KPI, a private pulse answer absent (SPEC §11), the scopes of the
 * Markdown export, and the charts' data equal to the API's.
 *
 * Worked by hand for a1 "Ada Lovelace" (Europe/Berlin), both KPIs monthly, started 2026-09-15
 * (baseline to 2026-09-28), the review of 2026-11 read on 2026-12-02, as of November's end:
 * - `ot` "Tasks on time" (on_time_rate), target 0.9 from 2026-10-01, in force in November.
 *   October: O1 (due 10-07, done 10-06) on time, O2 (due 10-14, done 10-16) late: 1 / 2 = 0.5.
 *   November: T1 (due 11-04, done 11-04), T2 (due 11-11, done 11-10), T3 (due 11-18, done 11-18)
 *   on time, T4 (due 11-25, done 11-27) late: 3 / 4 = 0.75, shown as "75 %" against "90 %".
 * - `ql` "Quality" (quality_score), no target. October: one rating of 3 → 3. November: ratings
 *   4 and 5 → (4 + 5) / 2 = 4.5, shown as "4.50"; no target, shown as "—".
 * - Pulse: W47 shared ("busy but fine") is in the PDF; W46 private ("exhausted") is not.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReview } from '#services/reviews/monthly-reviews';
import { reviewCharts } from '#services/reviews/review-pdf';
import type { Review } from '#shared/review-schemas';
import { toNdjson } from '#test/builders';
import { REVIEW_PULSES } from './review-pulses.ts';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

type Role = 'owner' | 'manager' | 'assistant' | 'coach' | 'viewer';

const fonts = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

const task = (id: string, createdAt: string, dueDate: string, completedAt: string) => ({
  type: 'task',
  id,
  assistant: 'a1',
  title: id,
  labels: [],
  createdAt,
  dueDate,
  completedAt,
  selfInitiated: false,
  priority: false,
});
const rating = (id: string, ratedAt: string, score: number) => ({
  type: 'rating',
  id,
  assistant: 'a1',
  ratedAt,
  score,
});
const EVENTS = [
  task('O1', '2026-10-01T08:00:00Z', '2026-10-07', '2026-10-06T10:00:00Z'),
  task('O2', '2026-10-01T08:00:00Z', '2026-10-14', '2026-10-16T10:00:00Z'),
  task('T1', '2026-11-02T08:00:00Z', '2026-11-04', '2026-11-04T10:00:00Z'),
  task('T2', '2026-11-02T08:00:00Z', '2026-11-11', '2026-11-10T10:00:00Z'),
  task('T3', '2026-11-02T08:00:00Z', '2026-11-18', '2026-11-18T09:00:00Z'),
  task('T4', '2026-11-02T08:00:00Z', '2026-11-25', '2026-11-27T09:00:00Z'),
  rating('R0', '2026-10-15T10:00:00Z', 3),
  rating('R1', '2026-11-10T10:00:00Z', 4),
  rating('R2', '2026-11-20T10:00:00Z', 5),
];

/** Every page's text (one line per text item) and the count of path-drawing operators. */
async function readPdf(bytes: Uint8Array): Promise<{ pages: number; text: string; paths: number }> {
  const pdf = await getDocument({ data: bytes, standardFontDataUrl: fonts }).promise;
  const lines: string[] = [];
  let paths = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item) lines.push(item.str);
    paths += (await page.getOperatorList()).fnArray.filter((op) => op === OPS.constructPath).length;
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, text: lines.join('\n'), paths };
}

describe.each(STORE_KINDS)('the monthly review as PDF on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let base: string;
  let review: Review;
  const tok = (r: Role) => (r === 'owner' ? team.owner.token : team.members[r].token);
  const req = async <T>(method: string, path: string, role: Role, json?: unknown) => {
    const res = await call(t, method, `${base}${path}`, {
      token: tok(role),
      ...(json !== undefined ? { json } : {}),
    });
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    t = await startTestServer(kind);
    team = await makeTeam(t, 'review-pdf');
    base = `/api/v1/workspaces/${team.ws}`;
    expect((await req('PATCH', '/assistants/a1', 'owner', { name: 'Ada Lovelace' })).status).toBe(200);
    t.clock.now = Date.parse('2026-09-15T10:00:00Z');
    for (const [id, name, metric] of [
      ['ot', 'Tasks on time', 'on_time_rate'],
      ['ql', 'Quality', 'quality_score'],
    ] as const) {
      const made = await req('POST', '/kpis', 'manager', {
        id,
        name,
        assistant: 'a1',
        metric,
        direction: 'higher',
        period: 'month',
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      expect((await req('POST', `/kpis/${id}/agree`, 'assistant')).status).toBe(200);
    }
    t.clock.now = Date.parse('2026-10-01T10:00:00Z');
    expect((await req('POST', '/kpis/ot/targets', 'manager', { value: 0.9 })).status).toBe(200);
    expect((await req('POST', '/kpis/ot/targets/agree', 'assistant')).status).toBe(200);
    t.clock.now = Date.parse('2026-11-28T10:00:00Z');
    const sent = await call(t, 'POST', `${base}/events`, { token: tok('owner'), body: toNdjson(EVENTS) });
    expect(sent.status, await sent.clone().text()).toBe(200);
    expect(
      (await call(t, 'POST', `${base}/events`, { token: tok('assistant'), body: toNdjson(REVIEW_PULSES) }))
        .status,
    ).toBe(200);
    t.clock.now = Date.parse('2026-12-02T12:00:00Z');
    const res = await req<Review>('POST', '/reviews', 'manager', { assistant: 'a1', month: '2026-11' });
    expect(res.status).toBe(201);
    review = res.body;
  });
  afterAll(async () => t?.close());

  it('puts the agenda and a chart per KPI in the PDF, and no private pulse answer', async () => {
    const res = await call(t, 'GET', `${base}/reviews/${review.id}.pdf`, { token: tok('manager') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('.pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const pdf = await readPdf(bytes);
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.text).toContain('Monthly review — Ada Lovelace, 2026-11');
    expect(pdf.text).toContain('Tasks on time');
    expect(pdf.text).toContain('Month: 75 % · Target: 90 % · Status: below target');
    expect(pdf.text).toContain('Quality');
    expect(pdf.text).toContain('Month: 4.50 · Target: —');
    expect(pdf.text).toContain('2026-W47: 4 / 5 — busy but fine');
    expect(pdf.text).not.toContain('exhausted');
    // Each chart's legend is drawn as text, and its lines as vector paths.
    expect(pdf.text.split('\n').filter((l) => l === 'Limits')).toHaveLength(2);
    expect(pdf.paths).toBeGreaterThan(20);
  });

  it('answers the same document for ?format=pdf, for every role that may read the review', async () => {
    for (const role of ['owner', 'manager', 'assistant', 'coach', 'viewer'] as const) {
      const res = await call(t, 'GET', `${base}/reviews/${review.id}?format=pdf`, { token: tok(role) });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const pdf = await readPdf(new Uint8Array(await res.arrayBuffer()));
      expect(pdf.text).toContain('Ada Lovelace');
      expect(pdf.text).not.toContain('exhausted');
    }
  });

  it('keeps the PDF to the assistants a role may see, like the Markdown', async () => {
    const other = await req<Review>('POST', '/reviews', 'owner', { assistant: 'a2', month: '2026-11' });
    expect(other.status).toBe(201);
    for (const role of ['manager', 'assistant', 'coach'] as const) {
      expect(
        (await call(t, 'GET', `${base}/reviews/${other.body.id}.pdf`, { token: tok(role) })).status,
      ).toBe(404);
      expect(
        (await call(t, 'GET', `${base}/reviews/${other.body.id}?format=pdf`, { token: tok(role) })).status,
      ).toBe(404);
    }
    expect(
      (await call(t, 'GET', `${base}/reviews/${other.body.id}.pdf`, { token: tok('owner') })).status,
    ).toBe(200);
  });

  it('writes names and comments in Cyrillic, Greek and Vietnamese with the embedded Noto Sans', async () => {
    // pdfkit's Helvetica covers WinAnsi only: these would come back as garbage without the font.
    const name = 'Анна Παπαδοπούλου';
    const comment = 'Спасибо за месяц — ευχαριστώ πολύ — cảm ơn vì tháng này';
    expect((await req('PATCH', '/assistants/a2', 'owner', { name })).status).toBe(200);
    const made = await req<Review>('POST', '/reviews', 'owner', { assistant: 'a2', month: '2026-10' });
    expect(made.status).toBe(201);
    expect((await req('POST', `/reviews/${made.body.id}/comments`, 'owner', { text: comment })).status).toBe(
      201,
    );
    const res = await call(t, 'GET', `${base}/reviews/${made.body.id}.pdf`, { token: tok('owner') });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // Read before the extractor takes the buffer over.
    const raw = new TextDecoder('latin1').decode(bytes);
    const pdf = await readPdf(bytes);
    expect(pdf.text).toContain(`Monthly review — ${name}, 2026-10`);
    expect(pdf.text).toContain(comment);
    // The font is embedded (a subset), not referenced as a standard one.
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('draws each chart from the same values the API gives', async () => {
    const charts = await reviewCharts(t.deps, team.ws, await getReview(t.deps, team.ws, review.id));
    expect(charts.map((c) => c.kpi.id)).toEqual(['ot', 'ql']);
    const expected: Record<string, { oct: number; nov: number }> = {
      ot: { oct: 0.5, nov: 0.75 },
      ql: { oct: 3, nov: 4.5 },
    };
    for (const chart of charts) {
      const categories = (chart.option.xAxis as { data: string[] }).data;
      const values = (chart.option.series as { name: string; data: (number | null)[] }[])[0]!;
      expect(values.name).toBe('Value');
      const drawn = new Map(categories.map((c, i) => [c, values.data[i] ?? null]));
      // The KPI screen's analysis at the agenda's instant: the chart draws exactly its series.
      const api = await req<{ analysis: { series: { period: string; value: number | null }[] } }>(
        'GET',
        `/kpis/${chart.kpi.id}/analysis?asOf=${review.agenda.asOf}`,
        'manager',
      );
      expect(api.status).toBe(200);
      for (const p of api.body.analysis.series) expect(drawn.get(p.period)).toBe(p.value);
      // The review API's month value is the chart's point for the month, and both are the hand-worked one.
      const agendaValue = review.agenda.kpis.find((k) => k.id === chart.kpi.id)?.value;
      expect(drawn.get('2026-11')).toBe(agendaValue);
      expect(drawn.get('2026-11')).toBeCloseTo(expected[chart.kpi.id]!.nov, 12);
      expect(drawn.get('2026-10')).toBeCloseTo(expected[chart.kpi.id]!.oct, 12);
    }
  });
});
