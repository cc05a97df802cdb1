/**
 * The events of the SPEC §7 insight scenario worked by hand in kpi-insights.test.ts (its header
 * holds the working): shared with the notification suite, whose producers turn the same insights
 * into notifications.
 */

export const ASOF = '2026-10-14T12:00:00Z';

/** The Wednesday (10:00Z) of 2026-W`week`: W19's is 2026-05-06. */
export function wednesday(week: number): string {
  return new Date(Date.parse('2026-05-06T10:00:00Z') + (week - 19) * 7 * 86_400_000).toISOString();
}

export function insightEvents(): string {
  const out: object[] = [];
  const task = (id: string, category: string, due: string, created: string, completed: string) =>
    out.push({
      type: 'task',
      id,
      assistant: 'a1',
      title: id,
      category,
      labels: [],
      selfInitiated: false,
      priority: false,
      createdAt: created,
      dueDate: due,
      completedAt: completed,
    });
  for (const [week, due, created, done] of [
    ['38', '2026-09-16', '2026-09-14T08:00:00Z', '2026-09-15T10:00:00Z'],
    ['39', '2026-09-23', '2026-09-21T08:00:00Z', '2026-09-22T10:00:00Z'],
    ['40', '2026-09-30', '2026-09-28T08:00:00Z', '2026-09-29T10:00:00Z'],
    ['41', '2026-10-07', '2026-10-05T08:00:00Z', '2026-10-06T10:00:00Z'],
  ] as const)
    for (const n of [1, 2]) task(`admin-${week}-${n}`, 'admin', due, created, done);
  for (const n of [1, 2])
    task(`travel-41-${n}`, 'travel', '2026-10-07', '2026-10-05T08:00:00Z', '2026-10-09T10:00:00Z');
  for (const [id, received, answered] of [
    ['req-40', '2026-09-29T07:00:00Z', '2026-09-29T08:00:00Z'],
    ['req-41', '2026-10-06T07:00:00Z', '2026-10-06T08:00:00Z'],
  ])
    out.push({
      type: 'request',
      id,
      assistant: 'a1',
      channel: 'email',
      receivedAt: received,
      firstResponseAt: answered,
    });
  for (const at of ['09-08', '09-09', '09-15', '09-16', '09-17', '09-18'])
    out.push({
      type: 'proactive',
      id: `pro-${at}`,
      assistant: 'a1',
      occurredAt: `2026-${at}T10:00:00Z`,
      description: at,
    });
  for (let week = 19; week <= 41; week++)
    out.push({
      type: 'rating',
      id: `rate-${week}`,
      assistant: 'a1',
      ratedAt: wednesday(week),
      score: week === 41 ? 1 : (week - 19) % 2 === 0 ? 4 : 5,
    });
  return `${out.map((e) => JSON.stringify(e)).join('\n')}\n`;
}
