/**
 * One Jira issue as both exports (CSV and XML) give it, and its conversion to a §3 task (SPEC
 * §10): due date (Jira's due date is a date; a due time of midnight is read as date-only),
 * completion at the resolution date, cancellation for the cancel resolutions, labels → category.
 */
import { endNotBeforeStart } from '../common/end-not-before-start.ts';
import type { ImportContext } from '../import-context.ts';
import { DEFAULT_CANCEL_RESOLUTIONS, type JiraOptions } from './jira-options.ts';

export interface JiraIssue {
  /** Where the issue is in the file (line or item). */
  where: { line?: number; entry?: string };
  id: string;
  key: string;
  summary: string;
  issueType: string;
  priority: string;
  resolution: string;
  assigneeId: string;
  assigneeName: string;
  creatorId: string;
  creatorName: string;
  /** Instants already in text form (with offset), or undefined. */
  created?: string;
  resolved?: string;
  due?: { date: string } | { instant: string };
  labels: string[];
}

export class JiraIssueWriter {
  private readonly categoryOf: Map<string, string>;
  private readonly priorityLevels: Set<string>;
  private readonly priorityLabels: Set<string>;
  private readonly cancel: Set<string>;

  constructor(
    private readonly ctx: ImportContext,
    options: JiraOptions,
  ) {
    this.categoryOf = new Map(
      Object.entries(options.categoryLabels ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    this.priorityLevels = new Set((options.priorityLevels ?? []).map((s) => s.toLowerCase()));
    this.priorityLabels = new Set((options.priorityLabels ?? []).map((s) => s.toLowerCase()));
    this.cancel = new Set(
      (options.cancelResolutions ?? DEFAULT_CANCEL_RESOLUTIONS).map((s) => s.toLowerCase()),
    );
    if (!options.priorityLevels && !options.priorityLabels)
      ctx.useDefault('priorityLevels/priorityLabels: none given, so no issue is priority');
    if (!options.categoryLabels)
      ctx.useDefault('categoryLabels: none given, so tasks keep their labels but get no category');
    if (!options.cancelResolutions)
      ctx.useDefault(`cancelResolutions: ${DEFAULT_CANCEL_RESOLUTIONS.join(', ')} mean cancelled`);
  }

  write(i: JiraIssue): void {
    const { ctx } = this;
    const ext = i.id || i.key;
    if (!ext) {
      ctx.skip({ ...i.where, reason: 'no issue id or key' });
      return;
    }
    if (!i.created) {
      ctx.skip({ ...i.where, externalId: ext, reason: 'no readable Created date' });
      return;
    }
    const mapped = i.assigneeId ? ctx.identity('jira', i.assigneeId, i.assigneeName || undefined) : undefined;
    const creatorMapped = i.creatorId
      ? ctx.identity('jira', i.creatorId, i.creatorName || undefined)
      : undefined;
    const assistant = ctx.attribute(mapped);
    if (assistant === undefined) {
      ctx.skip({
        ...i.where,
        externalId: ext,
        reason: i.assigneeId ? `assignee jira:${i.assigneeId} maps to no assistant` : 'unassigned issue',
      });
      return;
    }
    const resolution = i.resolution.toLowerCase();
    const resolved = i.resolved && resolution !== '' && resolution !== 'unresolved' ? i.resolved : undefined;
    const cancelled = resolved !== undefined && this.cancel.has(resolution);
    const end = endNotBeforeStart(
      ctx,
      i.created,
      resolved,
      cancelled ? 'cancelledAt' : 'completedAt',
      `issue ${i.key || ext}`,
    );
    const category = [...i.labels, i.issueType]
      .map((l) => this.categoryOf.get(l.toLowerCase()))
      .find((x) => x !== undefined);
    const priority =
      this.priorityLevels.has(i.priority.toLowerCase()) ||
      i.labels.some((l) => this.priorityLabels.has(l.toLowerCase()));
    // Created by the assistant and assigned to them: Jira keeps no record of who assigned it.
    const selfInitiated = creatorMapped !== undefined && creatorMapped === assistant;
    ctx.emit(
      {
        type: 'task',
        externalId: ext,
        assistant,
        title: i.key && i.summary ? `${i.key} ${i.summary}` : i.summary || i.key,
        ...(category !== undefined ? { category } : {}),
        labels: i.labels,
        createdAt: i.created,
        ...(i.due && 'date' in i.due ? { dueDate: i.due.date } : {}),
        ...(i.due && 'instant' in i.due ? { due: i.due.instant } : {}),
        ...(end && !cancelled ? { completedAt: end } : {}),
        ...(end && cancelled ? { cancelledAt: end } : {}),
        selfInitiated,
        priority,
      },
      i.where,
    );
    if (selfInitiated)
      ctx.emit(
        {
          type: 'proactive',
          externalId: ext,
          assistant,
          occurredAt: i.created,
          description: `Created issue ${i.key || ext}`,
        },
        i.where,
      );
  }
}
