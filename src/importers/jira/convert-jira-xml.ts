/**
 * Jira XML export (RSS 0.92, one `<item>` per issue) → §3 tasks (SPEC §10). Dates are RFC 822
 * with an offset, so no zone is needed. Documents declaring entities are refused (no entity
 * expansion, so no "billion laughs").
 */
import { XMLParser } from 'fast-xml-parser';
import { decodeText } from '../common/decode-text.ts';
import { formatInZone, localDateOf } from '../common/local-time.ts';
import { isObject, type JsonObject } from '../common/read-json.ts';
import { parseRfcDate } from '../common/rfc-date.ts';
import type { ImportContext } from '../import-context.ts';
import { ImportError } from '../import-error.ts';
import { JiraIssueWriter } from './jira-issue.ts';
import type { JiraOptions } from './jira-options.ts';

function text(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (isObject(v) && Object.hasOwn(v, '#text')) return text(v['#text']);
  return '';
}

function attr(v: unknown, name: string): string {
  return isObject(v) ? text(v[`@_${name}`]) : '';
}

function list(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

export function convertJiraXml(bytes: Uint8Array, ctx: ImportContext, options: JiraOptions): void {
  const what = 'Jira XML';
  const xml = decodeText(bytes, what);
  if (/<!DOCTYPE[^>]*\[/i.test(xml) || /<!ENTITY/i.test(xml))
    throw new ImportError('invalid_xml', `${what}: documents that declare entities are not read`);
  let doc: unknown;
  try {
    doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      processEntities: true,
      htmlEntities: false,
      parseTagValue: false,
      parseAttributeValue: false,
      isArray: (name) => name === 'item' || name === 'label',
    }).parse(xml, true);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const line = /line[: ]+(\d+)/i.exec(msg);
    throw new ImportError('invalid_xml', `${what}: ${msg}`, line ? { line: Number(line[1]) } : {});
  }
  const channel = isObject(doc) && isObject(doc.rss) ? (doc.rss as JsonObject).channel : undefined;
  if (!isObject(channel))
    throw new ImportError('invalid_xml', `${what}: no <rss><channel> — not a Jira XML export`);
  const writer = new JiraIssueWriter(ctx, options);
  const zone = ctx.timezone;
  const instant = (v: unknown) => {
    const s = text(v);
    const d = s ? parseRfcDate(s) : null;
    return d ? formatInZone(d.ms, zone) : undefined;
  };
  list(channel.item).forEach((it, index) => {
    const entry = `item ${index + 1}`;
    if (!isObject(it)) {
      ctx.skip({ entry, reason: 'not an element' });
      return;
    }
    const dueText = text(it.due);
    const due = dueText ? parseRfcDate(dueText) : null;
    if (dueText && !due) {
      ctx.skip({ entry, externalId: attr(it.key, 'id'), reason: `unreadable due date "${dueText}"` });
      return;
    }
    const labels = isObject(it.labels)
      ? list(it.labels.label)
          .map(text)
          .filter((l) => l.length > 0)
      : [];
    const assigneeId = attr(it.assignee, 'accountid') || attr(it.assignee, 'username');
    const reporterId = attr(it.reporter, 'accountid') || attr(it.reporter, 'username');
    writer.write({
      where: { entry },
      id: attr(it.key, 'id'),
      key: text(it.key),
      summary: text(it.summary),
      issueType: text(it.type),
      priority: text(it.priority),
      resolution: text(it.resolution),
      // Jira writes accountid "-1" for "Unassigned".
      assigneeId: assigneeId === '-1' ? '' : assigneeId,
      assigneeName: assigneeId === '-1' ? '' : text(it.assignee),
      creatorId: reporterId === '-1' ? '' : reporterId,
      creatorName: text(it.reporter),
      created: instant(it.created),
      resolved: instant(it.resolved),
      // Jira's due date is a date printed as midnight with the server's offset: keep its date.
      ...(due ? { due: { date: localDateOf(due.ms + offsetOf(dueText), 'UTC') } } : {}),
      labels,
    });
  });
}

/** The offset written in an RFC 822 date, in ms (to recover the date as written). */
function offsetOf(s: string): number {
  const m = /([+-])(\d{2})(\d{2})\s*$/.exec(s.trim());
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
}
