/**
 * Reports for management (SPEC §8): `GET …/reports?scope=assistant|team|client&id=&from=&to=&period=`
 * answers JSON, or with `format=csv|xlsx|pdf` a download of the same report. Reading a report
 * changes nothing, so nothing is audited. Who may read what is the `report.read` row of the matrix:
 * an assistant only their own, a manager or coach only their assistants (a team or client report
 * covers only those), a viewer everything; another workspace answers 404.
 */
import type { z } from 'zod';
import { buildReport } from '#services/reports/build-report';
import { reportCsv } from '#services/reports/report-csv';
import { reportPdf } from '#services/reports/report-pdf';
import { reportXlsx } from '#services/reports/report-xlsx';
import { Report, ReportQuery } from '#shared/report-schemas';
import { memberOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { assertCan } from '../policies/assert-can.ts';
import { route } from '../route-kit.ts';
import { WsParams } from './params.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const get = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/reports',
  tags: ['reports'],
  summary:
    'A report per assistant, team or client over a date range: KPIs against target pooled over the range, the change from the range before, trends per period, highlights; as JSON, CSV, XLSX or PDF',
  request: { params: WsParams, query: ReportQuery },
  responses: {
    200: {
      description: 'The report (JSON by default; `format` picks a download)',
      content: {
        'application/json': { schema: Report },
        'text/csv': { schema: { type: 'string' } },
        [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } },
        'application/pdf': { schema: { type: 'string', format: 'binary' } },
      },
    },
  },
});

/** A file name from the report's own parts, safe in a header. */
const fileName = (q: z.infer<typeof ReportQuery>, ext: string) =>
  `report-${q.scope}${q.id ? `-${q.id}` : ''}-${q.from}-${q.to}.${ext}`.replace(/[^A-Za-z0-9._-]/g, '_');

export function registerReportRoutes(app: TandemApp): void {
  app.openapi(get, async (c) => {
    const { ws } = c.req.valid('param');
    const q = c.req.valid('query');
    const m = memberOf(c);
    const visible = assertCan(m, 'report.read', q.scope === 'assistant' ? q.id : undefined);
    const deps = c.get('deps');
    const report = await buildReport(
      deps,
      ws,
      { scope: q.scope, id: q.id, from: q.from, to: q.to, period: q.period ?? 'week' },
      visible,
    );
    const download = (type: string, ext: string) => {
      c.header('content-type', type);
      c.header('content-disposition', `attachment; filename="${fileName(q, ext)}"`);
    };
    if (q.format === 'csv') {
      download('text/csv; charset=utf-8', 'csv');
      return c.body(reportCsv(report), 200);
    }
    if (q.format === 'xlsx') {
      download(XLSX_TYPE, 'xlsx');
      return c.body(new Uint8Array(await reportXlsx(report)), 200);
    }
    if (q.format === 'pdf') {
      download('application/pdf', 'pdf');
      return c.body(new Uint8Array(await reportPdf(report)), 200);
    }
    return c.json(report, 200);
  });
}
