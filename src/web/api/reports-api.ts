/**
 * Reports for management (SPEC §8): the report the Reports page shows and the addresses its
 * downloads come from, typed by the shared schemas (src/shared/report-schemas.ts).
 */
import type { Report, ReportFormat, ReportScope } from '#shared/report-schemas';
import { apiUrl } from './api-client.ts';
import { paths } from './paths.ts';
import { useWsQuery } from './workspace-queries.ts';

export interface ReportParams {
  scope: ReportScope;
  id?: string | undefined;
  from: string;
  to: string;
  period: 'week' | 'month' | 'quarter';
}

const query = (p: ReportParams) => ({ scope: p.scope, id: p.id, from: p.from, to: p.to, period: p.period });

/** The report; asked for only once the scope has what it needs (an assistant or a client). */
export function useReport(ws: string, p: ReportParams, enabled: boolean) {
  return useWsQuery<Report>(ws, 'reports', query(p), { enabled });
}

/** Where a format of the report downloads from (`GET …/reports?…&format=`). */
export function reportDownloadUrl(
  ws: string,
  p: ReportParams,
  format: Exclude<ReportFormat, 'json'>,
): string {
  return apiUrl(paths.ws(ws, 'reports'), { ...query(p), format });
}
