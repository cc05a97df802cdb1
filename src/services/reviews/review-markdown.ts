/**
 * A monthly review as Markdown (SPEC §8 "exportable"): the agenda in the order the meeting takes
 * it, the comments, both sign-offs and any amendments after the lock. People's own words are
 * quoted (`> `) so a note cannot pose as a heading of the document.
 */
import { and, eq } from 'drizzle-orm';
import { valueScaleOf } from '#core/insights/insight-catalogue';
import { assistants } from '#db/schema/assistants';
import { members } from '#db/schema/members';
import { users } from '#db/schema/users';
import { planSummary } from '#shared/format/plan-summary';
import type { ServiceDeps } from '../service-context.ts';
import { getReview, type ReviewEntry, type ReviewView } from './monthly-reviews.ts';
import type { AgendaKpi } from './review-agenda.ts';

function minutes(v: number): string {
  const m = Math.round(v);
  if (m < 60) return `${m} min`;
  return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** A KPI value in its metric's unit: rates as %, response times in working h/min (SPEC §4). */
export function formatKpiValue(metric: string, v: number | null): string {
  if (v === null) return '—';
  const scale = valueScaleOf(metric);
  if (scale === 'rate') return `${Math.round(v * 1000) / 10} %`;
  if (scale === 'minutes') return minutes(v);
  if (scale === 'score') return (Math.round(v * 100) / 100).toFixed(2);
  return String(Math.round(v * 10) / 10);
}

const quote = (text: string): string =>
  text.trim() === ''
    ? '> _(none)_'
    : text
        .trim()
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n');

/** Table cells: a pipe or a line break would end the cell. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export const STATUS_WORDS: Record<string, string> = { met: 'met', near: 'near', below: 'below target' };
/** A count KPI's month is written per its own period (SPEC §5); rates, scores and times need no unit. */
export const per = (k: AgendaKpi): string => {
  const scale = valueScaleOf(k.metric);
  const counted = scale === undefined || scale === 'count';
  return counted && k.period !== 'month' ? ` (per ${k.period})` : '';
};

function entries(list: readonly ReviewEntry[], name: (id: string) => string): string[] {
  return list.flatMap((e) => [`**${name(e.author)}** (${e.side}, ${e.at}):`, '', quote(e.text), '']);
}

/** The Markdown document of a review; `name` turns a user id into the person's name. */
export function renderReviewMarkdown(
  r: ReviewView,
  assistantName: string,
  name: (id: string) => string,
): string {
  const a = r.agenda;
  const out: string[] = [
    `# Monthly review — ${assistantName}, ${r.month}`,
    '',
    r.locked
      ? `Signed by both sides and locked on ${r.lockedAt}.`
      : `Draft: the agenda is generated from the data as of ${a.asOf}${a.complete ? '' : ' (the month is still running)'}.`,
    '',
    '## KPIs against target',
    '',
  ];
  if (a.kpis.length === 0) out.push('No active KPIs this month.', '');
  else {
    out.push('| KPI | Month | Target | Status | Trend | Signals |', '| --- | --- | --- | --- | --- | --- |');
    for (const k of a.kpis)
      out.push(
        `| ${cell(k.name)} | ${formatKpiValue(k.metric, k.value)}${per(k)} | ${formatKpiValue(k.metric, k.target)} | ${k.status ? STATUS_WORDS[k.status] : '—'} | ${k.trend?.direction ?? '—'} | ${k.signals.map((s) => `${s.period} ${s.rule}`).join(', ') || '—'} |`,
      );
    out.push('');
  }
  out.push('## Coaching prompts', '');
  if (a.prompts.length === 0) out.push('None this month.', '');
  for (const p of a.prompts) out.push(`- **${cell(p.title)}** — ${cell(p.message)}`);
  if (a.prompts.length > 0) out.push('');
  out.push('## Highlights', '');
  if (a.highlights.length === 0) out.push('None recorded.', '');
  for (const h of a.highlights) out.push(`- ${h.at.slice(0, 10)}: ${cell(h.description)}`);
  if (a.highlights.length > 0) out.push('');
  out.push('## Feedback', '');
  if (a.feedback.length === 0) out.push('No ratings or surveys this month.', '');
  for (const f of a.feedback)
    out.push(
      `- ${f.kind} ${f.at.slice(0, 10)}, ${Math.round(f.score * 100) / 100} / 5${f.from ? ` from ${cell(f.from)}` : ''}${f.comment ? `: “${cell(f.comment)}”` : ''}`,
    );
  if (a.feedback.length > 0) out.push('');
  out.push('## Check-ins', '');
  if (a.checkins.length === 0) out.push('No check-ins this month.', '');
  for (const c of a.checkins)
    out.push(
      `### ${c.date}`,
      '',
      'Manager:',
      '',
      quote(c.managerNotes),
      '',
      'Assistant:',
      '',
      quote(c.assistantNotes),
      '',
    );
  out.push('## Open action items', '');
  if (a.openItems.length === 0) out.push('None open.', '');
  for (const i of a.openItems) out.push(`- [ ] ${cell(i.text)} — ${name(i.owner)}, due ${i.dueDate}`);
  if (a.openItems.length > 0) out.push('');
  // SPEC §8: each plan's progress beside its KPI's movement since it started.
  const plans = a.development ?? [];
  out.push('## Development plans', '');
  if (plans.length === 0) out.push('No development plans open this month.', '');
  for (const p of plans)
    out.push(
      `- **${cell(p.title)}**${p.subject ? ` (${cell(p.subject)})` : ''}, since ${p.startedOn}, ${p.status}: ${planSummary(p)}`,
    );
  if (plans.length > 0) out.push('');
  out.push('## Goals', '');
  if (a.goals.length === 0) out.push('No goals for this month or quarter.', '');
  for (const g of a.goals) out.push(`- ${cell(g.title)} (${g.period}): ${g.status.replace('_', ' ')}`);
  if (a.goals.length > 0) out.push('');
  out.push('## Pulse (shared by the assistant)', '');
  if (a.pulse.length === 0) out.push('Nothing shared.', '');
  for (const p of a.pulse) out.push(`- ${p.week}: ${p.score} / 5${p.comment ? ` — ${cell(p.comment)}` : ''}`);
  if (a.pulse.length > 0) out.push('');
  out.push('## Comments', '');
  if (r.comments.length === 0) out.push('No comments.', '');
  out.push(...entries(r.comments, name));
  out.push('## Sign-off', '');
  for (const side of ['manager', 'assistant'] as const) {
    const s = r.signed[side];
    out.push(
      `- ${side === 'manager' ? 'Manager' : 'Assistant'}: ${s ? `${name(s.by)}, ${s.at}` : 'not signed yet'}`,
    );
  }
  out.push('');
  if (r.amendments.length > 0) {
    out.push('## Amendments after sign-off', '');
    out.push(...entries(r.amendments, name));
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The assistant's name and a user-id-to-name lookup for a review's documents. */
export async function reviewNames(
  deps: ServiceDeps,
  ws: string,
  r: ReviewView,
): Promise<{ assistantName: string; name: (id: string) => string }> {
  const people = await deps.db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.workspaceId, ws));
  const names = new Map(people.map((p) => [p.id, p.name ?? p.email]));
  const a = (
    await deps.db
      .select({ name: assistants.name })
      .from(assistants)
      .where(and(eq(assistants.workspaceId, ws), eq(assistants.id, r.assistant)))
  )[0];
  return { assistantName: a?.name ?? r.assistant, name: (u) => names.get(u) ?? u };
}

/** Loads a review and the names of the people in it, and renders it. */
export async function reviewMarkdown(deps: ServiceDeps, ws: string, id: string): Promise<string> {
  const r = await getReview(deps, ws, id);
  const { assistantName, name } = await reviewNames(deps, ws, r);
  return renderReviewMarkdown(r, assistantName, name);
}
