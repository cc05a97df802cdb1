/**
 * Reports for management (SPEC §8) through the API on every store: numbers worked by hand, the
 * `report.read` scopes of SPEC §1, bad input, the CSV and XLSX read back (a formula cell escaped as
 * OWASP ASVS 1.2.10 says, numbers kept numbers), the PDF read through a PDF text extractor with its
 * charts, and a private pulse answer in none of them (SPEC §11).
 *
 * Worked by hand. a1 (Europe/Berlin) has two weekly KPIs agreed on 2026-10-01, with targets agreed
 * on 2026-10-20: `ot` "Tasks on time" (on_time_rate, target 0.9) and `pro` "Proactive actions"
 * (proactivity, target 2 per week). The report asks 2026-11-04..2026-11-25 by week: the range is
 * widened to whole weeks, 2026-W45..W48 = 2026-11-02..2026-11-29, and the previous range is the four
 * weeks before, W41..W44 = 2026-10-05..2026-11-01. The reports are read on 2026-12-05.
 * - ot, range: T1 (due 11-04, done 11-04), T2 (11-11, done 11-10), T3 (11-18, done 11-18) on time;
 *   W48 holds T4 (due 11-25, done 11-27) late and T5 (due 11-26, done 11-25) on time. Pooled:
 *   4 / 5 = 0.8 (the mean of the weekly values 1, 1, 1, 0.5 would be 0.875). Previous: O1 (due
 *   10-07, done 10-06) on time, O2 (due 10-14, done 10-16) late: 1 / 2 = 0.5. Change +0.3. Target
 *   0.9 in force on 11-02: 0.9 − 0.8 = 0.1 > 5 % of 0.9, so below.
 * - pro, range: PR1 (11-12, W46), PR2 and PR3 (11-19, 11-20, W47): 3 in 4 weeks = 0.75 per week;
 *   previous: PR0 (10-20): 1 / 4 = 0.25. Below its target 2. Series W45..W48: null, 1, 2, null.
 * - done "Tasks completed" (tasks_completed, an activity metric, no target), range: T1…T5 were
 *   completed on 11-04, 11-10, 11-18, 11-27, 11-25: 5 in 4 weeks = 1.25 a week; previous: O1, O2:
 *   2 / 4 = 0.5. For client acme only T1: 0.25 a week.
 * - Month report of 2026-11 (previous 2026-10): ot 4 / 5 = 0.8 against 0.5; pro 3 in November's 30
 *   days = 3 ÷ (30 / 7) = 0.7 per week. Goal G1 (2026-11, met) ends on 11-30, inside November but
 *   after W48, so goal_alignment is 1 in the month report and absent from the weekly one.
 * - a2 (America/New_York, nobody's): A1 (due 11-10, done 11-09, client acme) on time, A2 (due
 *   11-17, done 11-20) late. Team on_time_rate over W45..W48: (4 + 1) / (5 + 2) = 5/7; previous 1/2.
 * - a2's PA1 at 2026-11-30T03:00Z is Sunday 29 November 22:00 in New York: in the team's range, so
 *   the team's proactivity is 3 + 1 = 4 (previous 1) and PA1 is its last highlight.
 * - Client acme: T1 and A1 are acme's, both on time: 1; ot for acme: T1 alone, 1; feedback S1 only.
 * - Pulse: P1 private ('exhausted') and P2 shared; no report holds a pulse at all.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCharts } from '#services/reports/report-pdf';
import type { Report } from '#shared/report-schemas';
import { toNdjson } from '#test/builders';
import { REVIEW_PULSES } from './review-pulses.ts';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

type Role = 'owner' | 'manager' | 'assistant' | 'coach' | 'viewer';

const fonts = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
const INJECTION = '=HYPERLINK("http://evil.example","click")';

const task = (id: string, assistant: string, dueDate: string, completedAt: string, client?: string) => ({
  type: 'task',
  id,
  assistant,
  title: id,
  labels: [],
  createdAt: '2026-10-01T08:00:00Z',
  dueDate,
  completedAt,
  selfInitiated: false,
  priority: false,
  ...(client ? { client } : {}),
});
const proactive = (id: string, occurredAt: string, description: string) => ({
  type: 'proactive',
  id,
  assistant: 'a1',
  occurredAt,
  description,
});
const EVENTS = [
  task('O1', 'a1', '2026-10-07', '2026-10-06T10:00:00Z'),
  task('O2', 'a1', '2026-10-14', '2026-10-16T10:00:00Z'),
  task('T1', 'a1', '2026-11-04', '2026-11-04T10:00:00Z', 'acme'),
  task('T2', 'a1', '2026-11-11', '2026-11-10T10:00:00Z'),
  task('T3', 'a1', '2026-11-18', '2026-11-18T09:00:00Z'),
  task('T4', 'a1', '2026-11-25', '2026-11-27T09:00:00Z'),
  task('T5', 'a1', '2026-11-26', '2026-11-25T09:00:00Z'),
  task('A1', 'a2', '2026-11-10', '2026-11-09T15:00:00Z', 'acme'),
  task('A2', 'a2', '2026-11-17', '2026-11-20T15:00:00Z'),
  proactive('PR0', '2026-10-20T09:00:00Z', 'Cleaned up the shared drive'),
  proactive('PR1', '2026-11-12T09:00:00Z', 'Automated invoice reminders'),
  proactive('PR2', '2026-11-19T09:00:00Z', INJECTION),
  proactive('PR3', '2026-11-20T09:00:00Z', 'Drafted the onboarding checklist'),
  { ...proactive('PA1', '2026-11-30T03:00:00Z', 'Late Sunday fix'), assistant: 'a2' },
  {
    type: 'rating',
    id: 'R1',
    assistant: 'a1',
    ratedAt: '2026-11-10T10:00:00Z',
    score: 4,
    comment: 'Clear summaries',
    rater: 'Dana',
  },
  {
    type: 'rating',
    id: 'R2',
    assistant: 'a1',
    ratedAt: '2026-12-01T10:00:00Z',
    score: 2,
    comment: 'December',
  },
  {
    type: 'survey',
    id: 'S1',
    assistant: 'a1',
    respondedAt: '2026-11-20T09:00:00Z',
    score: 5,
    comment: 'Always on time',
    respondent: 'Acme',
    client: 'acme',
  },
  { type: 'goal', id: 'G1', assistant: 'a1', period: '2026-11', title: 'Close the books', status: 'met' },
];

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

describe.each(STORE_KINDS)('reports on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let other: Team;
  let base: string;
  const tok = (r: Role) => (r === 'owner' ? team.owner.token : team.members[r].token);
  const req = async <T>(method: string, path: string, role: Role, json?: unknown) => {
    const res = await call(t, method, `${base}${path}`, {
      token: tok(role),
      ...(json !== undefined ? { json } : {}),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  const WEEKS = 'from=2026-11-04&to=2026-11-25&period=week';
  const report = async (query: string, role: Role = 'owner') => {
    const res = await req<Report>('GET', `/reports?${query}`, role);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const download = async (query: string, role: Role = 'owner') => {
    const res = await call(t, 'GET', `${base}/reports?${query}`, { token: tok(role) });
    expect(res.status).toBe(200);
    return res;
  };

  beforeAll(async () => {
    t = await startTestServer(kind);
    team = await makeTeam(t, 'reports');
    other = await makeTeam(t, 'reports-other');
    base = `/api/v1/workspaces/${team.ws}`;
    expect((await req('PATCH', '/assistants/a1', 'owner', { name: 'Ada Lovelace' })).status).toBe(200);
    expect((await req('PATCH', '/assistants/a2', 'owner', { name: 'Grace Hopper' })).status).toBe(200);
    expect((await req('PUT', '/clients/acme', 'owner', { name: 'Acme Corp' })).status).toBe(201);
    t.clock.now = Date.parse('2026-10-01T10:00:00Z');
    for (const [id, name, metric] of [
      ['ot', 'Tasks on time', 'on_time_rate'],
      ['pro', 'Proactive actions', 'proactivity'],
      ['done', 'Tasks completed', 'tasks_completed'],
    ] as const) {
      const made = await req('POST', '/kpis', 'manager', {
        id,
        name,
        assistant: 'a1',
        metric,
        direction: 'higher',
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      expect((await req('POST', `/kpis/${id}/agree`, 'assistant')).status).toBe(200);
    }
    t.clock.now = Date.parse('2026-10-20T10:00:00Z');
    for (const [id, value] of [
      ['ot', 0.9],
      ['pro', 2],
    ] as const) {
      expect((await req('POST', `/kpis/${id}/targets`, 'manager', { value })).status).toBe(200);
      expect((await req('POST', `/kpis/${id}/targets/agree`, 'assistant')).status).toBe(200);
    }
    t.clock.now = Date.parse('2026-11-28T10:00:00Z');
    const sent = await call(t, 'POST', `${base}/events`, { token: tok('owner'), body: toNdjson(EVENTS) });
    expect(sent.status, await sent.clone().text()).toBe(200);
    expect(
      (await call(t, 'POST', `${base}/events`, { token: tok('assistant'), body: toNdjson(REVIEW_PULSES) }))
        .status,
    ).toBe(200);
    t.clock.now = Date.parse('2026-12-05T12:00:00Z');
  });
  afterAll(async () => t?.close());

  it("pools an assistant's KPIs over the range, against target and the range before", async () => {
    const r = await report(`scope=assistant&id=a1&${WEEKS}`);
    expect(r.title).toBe('Ada Lovelace');
    expect(r.range).toEqual({
      from: '2026-11-02',
      to: '2026-11-29',
      periods: ['2026-W45', '2026-W46', '2026-W47', '2026-W48'],
    });
    expect(r.previousRange).toEqual({
      from: '2026-10-05',
      to: '2026-11-01',
      periods: ['2026-W41', '2026-W42', '2026-W43', '2026-W44'],
    });
    const ot = r.kpis.find((k) => k.kpi === 'ot');
    expect(ot).toMatchObject({ value: 0.8, previous: 0.5, target: 0.9, status: 'below', assistant: 'a1' });
    expect(ot?.change).toBeCloseTo(0.3, 12);
    expect(ot?.series).toEqual([
      { period: '2026-W45', value: 1 },
      { period: '2026-W46', value: 1 },
      { period: '2026-W47', value: 1 },
      { period: '2026-W48', value: 0.5 },
    ]);
    const pro = r.kpis.find((k) => k.kpi === 'pro');
    expect(pro).toMatchObject({ value: 0.75, previous: 0.25, change: 0.5, target: 2, status: 'below' });
    expect(pro?.series.map((p) => p.value)).toEqual([null, 1, 2, null]);
    expect(r.kpis.find((k) => k.kpi === 'done')).toMatchObject({
      value: 1.25,
      previous: 0.5,
      target: null,
      status: null,
    });
    expect(r.highlights.map((h) => h.description)).toEqual([
      'Automated invoice reminders',
      INJECTION,
      'Drafted the onboarding checklist',
    ]);
    expect(r.feedback.map((f) => [f.kind, f.comment])).toEqual([
      ['rating', 'Clear summaries'],
      ['survey', 'Always on time'],
    ]);
    expect(r.metrics.find((m) => m.metric === 'goal_alignment')).toBeUndefined();
  });

  it('reads a month report in the KPI’s terms: a weekly count per week, goals by their month', async () => {
    const r = await report('scope=assistant&id=a1&from=2026-11-01&to=2026-11-30&period=month');
    expect(r.range.periods).toEqual(['2026-11']);
    expect(r.previousRange.periods).toEqual(['2026-10']);
    expect(r.kpis.find((k) => k.kpi === 'ot')).toMatchObject({ value: 0.8, previous: 0.5 });
    expect(r.kpis.find((k) => k.kpi === 'pro')?.value).toBeCloseTo(0.7, 12);
    expect(r.metrics.find((m) => m.metric === 'goal_alignment')).toMatchObject({ value: 1, basis: 1 });
  });

  it('pools a team over its assistants, and a manager’s team is only their own', async () => {
    const all = await report(`scope=team&${WEEKS}`);
    expect(all.assistants.map((a) => a.id)).toEqual(['a1', 'a2']);
    const ot = all.metrics.find((m) => m.metric === 'on_time_rate');
    expect(ot?.value).toBeCloseTo(5 / 7, 12);
    expect(ot).toMatchObject({ previous: 0.5, basis: 7 });
    // PA1 at 2026-11-30T03:00Z is Sunday 22:00 in New York: a2's W48, inside the range.
    expect(all.metrics.find((m) => m.metric === 'proactivity')).toMatchObject({ value: 4, previous: 1 });
    expect(all.highlights.map((h) => [h.assistant, h.description]).at(-1)).toEqual(['a2', 'Late Sunday fix']);
    for (const [role, query] of [
      ['manager', `scope=team&${WEEKS}`],
      ['owner', `scope=team&id=${team.members.manager.userId}&${WEEKS}`],
      ['owner', `scope=team&id=${team.members.coach.userId}&${WEEKS}`],
      ['assistant', `scope=team&${WEEKS}`],
    ] as const) {
      const mine = await report(query, role);
      expect(mine.assistants.map((a) => a.id)).toEqual(['a1']);
      expect(mine.metrics.find((m) => m.metric === 'on_time_rate')?.value).toBe(0.8);
    }
  });

  it("reports a client's events only", async () => {
    const r = await report(`scope=client&id=acme&${WEEKS}`);
    expect(r.title).toBe('Client Acme Corp');
    expect(r.metrics.find((m) => m.metric === 'on_time_rate')).toMatchObject({ value: 1, basis: 2 });
    expect(r.kpis.find((k) => k.kpi === 'ot')).toMatchObject({ value: 1, previous: null });
    expect(r.kpis.find((k) => k.kpi === 'done')).toMatchObject({ value: 0.25, previous: null });
    expect(r.feedback.map((f) => f.comment)).toEqual(['Always on time']);
    expect(r.highlights).toEqual([]);
  });

  it('lets each role read only what the matrix gives it; another workspace answers 404', async () => {
    for (const role of ['owner', 'manager', 'assistant', 'coach', 'viewer'] as const)
      expect((await req('GET', `/reports?scope=assistant&id=a1&${WEEKS}`, role)).status).toBe(200);
    for (const role of ['manager', 'assistant', 'coach'] as const)
      expect((await req('GET', `/reports?scope=assistant&id=a2&${WEEKS}`, role)).status).toBe(404);
    expect((await req('GET', `/reports?scope=assistant&id=a2&${WEEKS}`, 'viewer')).status).toBe(200);
    const foreign = await call(t, 'GET', `/api/v1/workspaces/${other.ws}/reports?scope=team&${WEEKS}`, {
      token: tok('owner'),
    });
    expect(foreign.status).toBe(404);
    const unsigned = await call(t, 'GET', `${base}/reports?scope=team&${WEEKS}`);
    expect(unsigned.status).toBe(401);
  });

  it('refuses bad input with 400 and the field, and unknown ids with 404', async () => {
    const bad: [string, string][] = [
      [`${WEEKS}`, 'query.scope'],
      ['scope=team&from=2026-11-25&to=2026-11-04', 'query.from'],
      ['scope=team&from=2026-02-30&to=2026-03-04', 'query.from'],
      ['scope=team&from=2026-11-01&to=26-11-04', 'query.to'],
      ['scope=team&from=2000-01-01&to=2026-11-04', 'query.to'],
      ['scope=team&from=9999-12-01&to=9999-12-31', 'query.from'],
      [`scope=assistant&${WEEKS}`, 'query.id'],
      [`scope=client&${WEEKS}`, 'query.id'],
      [`scope=team&${WEEKS}&format=docx`, 'query.format'],
      [`scope=team&${WEEKS}&period=day`, 'query.period'],
      [`scope=team&${WEEKS}&__proto__=1`, 'query.__proto__'],
      [`scope=everyone&${WEEKS}`, 'query.scope'],
      [`scope=assistant&id=${'x'.repeat(200)}&${WEEKS}`, 'query.id'],
    ];
    for (const [query, path] of bad) {
      const res = await req<{ error: { code: string; issues: { path: string }[] } }>(
        'GET',
        `/reports?${query}`,
        'owner',
      );
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(
        res.body.error.issues.map((i) => i.path),
        query,
      ).toContain(path);
    }
    for (const query of [
      `scope=assistant&id=nobody&${WEEKS}`,
      `scope=assistant&id=__proto__&${WEEKS}`,
      `scope=client&id=nobody&${WEEKS}`,
      `scope=team&id=nobody&${WEEKS}`,
      `scope=team&id=${team.members.viewer.userId}&${WEEKS}`,
    ]) {
      const res = await req<{ error: { code: string } }>('GET', `/reports?${query}`, 'owner');
      expect(res.status, query).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
  });

  it('writes the CSV with formula text escaped and numbers as numbers', async () => {
    const res = await download(`scope=assistant&id=a1&${WEEKS}&format=csv`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('.csv');
    const text = await res.text();
    const rows = parse(text, { bom: true, relax_column_count: true }) as string[][];
    const kpi = rows.find((r) => r[0] === 'KPIs' && r[3] === 'ot');
    expect(kpi?.slice(8, 11)).toEqual(['0.8', '0.9', 'below']);
    expect(Number(kpi?.[8])).toBe(0.8);
    const highlight = rows.find((r) => r[0] === 'Highlights' && r[3]?.includes('HYPERLINK'));
    expect(highlight?.[3]).toBe(`'${INJECTION}`);
    expect(text).not.toContain('exhausted');
    expect(text).not.toContain('busy but fine');
  });

  it('writes the XLSX with formula text escaped and numbers as numbers', async () => {
    const res = await download(`scope=assistant&id=a1&${WEEKS}&format=xlsx`);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Report',
      'KPIs',
      'KPI trends',
      'Team metrics',
      'Team trends',
      'Highlights',
      'Feedback',
    ]);
    const kpis = wb.getWorksheet('KPIs');
    const ot = kpis?.getRows(2, kpis.rowCount - 1)?.find((r) => r.getCell(3).value === 'ot');
    expect(ot?.getCell(8).value).toBe(0.8);
    expect(ot?.getCell(8).type).toBe(ExcelJS.ValueType.Number);
    expect(ot?.getCell(8).numFmt).toBe('0.0%');
    const highlights = wb.getWorksheet('Highlights');
    const cells: unknown[] = [];
    highlights?.eachRow((row) => {
      cells.push(row.getCell(3).value);
    });
    expect(cells).toContain(`'${INJECTION}`);
    expect(cells).not.toContain(INJECTION);
    const all: string[] = [];
    for (const s of wb.worksheets) s.eachRow((row) => row.eachCell((c) => all.push(String(c.value))));
    expect(all.join('\n')).not.toContain('exhausted');
  });

  it('renders the PDF with its text and a chart per KPI and team metric, and no pulse', async () => {
    const res = await download(`scope=assistant&id=a1&${WEEKS}&format=pdf`, 'manager');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const pdf = await readPdf(bytes);
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(pdf.text).toContain('Report — Ada Lovelace');
    expect(pdf.text).toContain('Tasks on time — Ada Lovelace');
    expect(pdf.text).toMatch(/Range: 80\s%.*Target: 90\s%.*Below target.*Previous: 50\s%.*Change: \+30\spts/);
    expect(pdf.text).toContain('Automated invoice reminders');
    expect(pdf.text).not.toContain('exhausted');
    expect(pdf.text).not.toContain('busy but fine');
    // Each chart's legend is drawn as text and its lines as vector paths.
    const r = await report(`scope=assistant&id=a1&${WEEKS}`, 'manager');
    const charts = reportCharts(r);
    expect(charts.length).toBe(r.kpis.length + r.metrics.length);
    expect(pdf.text.split('\n').filter((l) => l === 'Value')).toHaveLength(charts.length);
    expect(pdf.paths).toBeGreaterThan(10 * charts.length);
  });

  it('draws each chart from the values the API gives', async () => {
    const r = await report(`scope=team&${WEEKS}`);
    const charts = reportCharts(r);
    const lines = [...r.kpis.map((k) => k.series), ...r.metrics.map((m) => m.series)];
    expect(charts).toHaveLength(lines.length);
    charts.forEach((c, i) => {
      const x = (c.option.xAxis as { data: string[] }).data;
      const values = (c.option.series as { name: string; data: (number | null)[] }[])[0];
      expect(x).toEqual(lines[i]?.map((p) => p.period));
      expect(values?.data).toEqual(lines[i]?.map((p) => p.value));
    });
  });

  it('keeps every pulse out of every format and scope, for the assistant too', async () => {
    const textOf = async (res: Response, format: string): Promise<string> => {
      if (format === 'pdf') return (await readPdf(new Uint8Array(await res.arrayBuffer()))).text;
      if (format !== 'xlsx') return res.text();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const cells: string[] = [];
      for (const s of wb.worksheets) s.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
      return cells.join('\n');
    };
    for (const role of ['owner', 'assistant'] as const)
      for (const scope of ['scope=assistant&id=a1', 'scope=team'])
        for (const format of ['json', 'csv', 'xlsx', 'pdf']) {
          const text = await textOf(await download(`${scope}&${WEEKS}&format=${format}`, role), format);
          expect(text, `${role} ${scope} ${format}`).toContain('Automated invoice reminders');
          expect(text).not.toContain('exhausted');
          expect(text).not.toContain('busy but fine');
          expect(text.toLowerCase()).not.toContain('pulse');
        }
  });
});
