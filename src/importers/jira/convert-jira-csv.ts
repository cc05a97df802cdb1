/**
 * Jira CSV export → §3 tasks (SPEC §10). Dates (`22/Sep/25 9:26 AM`) are zone-less, in the
 * exporting user's zone and language: read in `--timezone`, month names in several languages.
 * Column names repeat (`Labels` ×n); headers are matched in English and Spanish.
 */
import { DateOrderResolver } from '../common/date-order.ts';
import { type LocalDateTime, parseLocalDateTime } from '../common/local-date-time.ts';
import { formatCivilDate, zonedInstant } from '../common/local-time.ts';
import { CsvHeader, cell, readCsv } from '../common/read-csv.ts';
import type { ImportContext } from '../import-context.ts';
import { ImportError } from '../import-error.ts';
import { type JiraIssue, JiraIssueWriter } from './jira-issue.ts';
import type { JiraOptions } from './jira-options.ts';

const COLS = {
  summary: ['Summary', 'Resumen'],
  key: ['Issue key', 'Clave de incidencia'],
  id: ['Issue id', 'ID de la incidencia'],
  issueType: ['Issue Type', 'Tipo de Incidencia'],
  priority: ['Priority', 'Prioridad'],
  resolution: ['Resolution', 'Resolución'],
  assignee: ['Assignee', 'Responsable'],
  assigneeId: ['Assignee Id', 'ID del responsable'],
  creator: ['Creator', 'Creador', 'Reporter', 'Informador'],
  creatorId: ['Creator Id', 'ID del creador', 'Reporter Id', 'ID del informador'],
  created: ['Created', 'Creada'],
  resolved: ['Resolved', 'Resuelta'],
  due: ['Due date', 'Due Date', 'Fecha de vencimiento'],
  labels: ['Labels', 'Etiquetas'],
} as const;
type Col = keyof typeof COLS;

export async function convertJiraCsv(
  bytes: Uint8Array,
  ctx: ImportContext,
  options: JiraOptions,
): Promise<void> {
  const what = 'Jira CSV';
  const zone = ctx.timezone;
  if (!ctx.timezoneGiven)
    ctx.useDefault('timezone: Jira CSV dates carry no zone; read in UTC (give --timezone)');
  const writer = new JiraIssueWriter(ctx, options);
  let header: CsvHeader | undefined;
  const col = {} as Record<Col, number>;
  let labelCols: number[] = [];
  const resolver = new DateOrderResolver<string[]>(options.dateOrder, ctx, what);

  const instant = (t: LocalDateTime | null) => (t ? zonedInstant(zone, t.date, t.seconds) : undefined);
  const convertRow = (r: string[], line: number): void => {
    const read = (c: Col) => cell(r, col[c]);
    const created = parseLocalDateTime(read('created'), resolver.order);
    const resolvedText = read('resolved');
    const resolved = resolvedText ? parseLocalDateTime(resolvedText, resolver.order) : null;
    const dueText = read('due');
    const due = dueText ? parseLocalDateTime(dueText, resolver.order) : null;
    if ((resolvedText && !resolved) || (dueText && !due)) {
      ctx.skip({
        line,
        externalId: read('id') || read('key'),
        reason: `unreadable date "${resolvedText && !resolved ? resolvedText : dueText}"`,
      });
      return;
    }
    const issue: JiraIssue = {
      where: { line },
      id: read('id'),
      key: read('key'),
      summary: read('summary'),
      issueType: read('issueType'),
      priority: read('priority'),
      resolution: read('resolution'),
      assigneeId: read('assigneeId') || read('assignee'),
      assigneeName: read('assignee'),
      creatorId: read('creatorId') || read('creator'),
      creatorName: read('creator'),
      created: instant(created),
      resolved: instant(resolved),
      // Jira's due date is a date: midnight means "that day" (SPEC §2 date-only deadline).
      ...(due
        ? {
            due:
              !due.hasTime || due.seconds === 0
                ? { date: formatCivilDate(due.date) }
                : { instant: instant(due) as string },
          }
        : {}),
      labels: labelCols.map((i) => cell(r, i)).filter((l) => l.length > 0),
    };
    writer.write(issue);
  };

  await readCsv(bytes, what, (r, line) => {
    if (!header) {
      const h = new CsvHeader(r);
      header = h;
      for (const k of Object.keys(COLS) as Col[]) col[k] = h.find(...COLS[k]);
      labelCols = COLS.labels.flatMap((n) => h.all(n));
      for (const k of ['summary', 'created'] as const)
        if (col[k] < 0)
          throw new ImportError(
            'missing_column',
            `${what}: no "${COLS[k][0]}" column (header: ${h.names.slice(0, 12).join(', ')}, …)`,
            {
              line,
              field: COLS[k][0],
            },
          );
      return;
    }
    resolver.offer(
      r,
      line,
      [cell(r, col.created), cell(r, col.resolved), cell(r, col.due)].map((s) => s.split(' ')[0] ?? ''),
      convertRow,
    );
  });
  if (!header) throw new ImportError('missing_column', `${what}: the file is empty (no header)`, { line: 1 });
  resolver.finish(convertRow);
}
