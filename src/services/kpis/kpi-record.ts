/**
 * Converts between stored KPI rows (with their target rows) and the core `Kpi` (SPEC §5), and
 * reads and writes them. Instants are ISO strings in core and timestamptz in the store.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Kpi, KpiStatus, Party, TargetEntry } from '#core/kpis/kpi';
import type { Direction, KpiMetric } from '#core/kpis/kpi-definition';
import type { Scale } from '#core/stats/scale';
import type { Period } from '#core/time/calendar';
import type { Db, Tx } from '#db/client';
import { kpis, kpiTargets } from '#db/schema/kpis';
import { AppError } from '#src/errors';

export type KpiRow = typeof kpis.$inferSelect;
export type TargetRow = typeof kpiTargets.$inferSelect;

/** A KPI with the name both sides know it by. */
export type NamedKpi = Kpi & { name: string };

const iso = (d: Date | null): string | undefined => (d ? d.toISOString() : undefined);
const at = (s: string | undefined): Date | null => (s === undefined ? null : new Date(s));

export function targetEntry(t: TargetRow): TargetEntry {
  return {
    value: t.value,
    effectiveFrom: t.effectiveFrom,
    setAt: t.setAt.toISOString(),
    setBy: t.setBy as Party,
  };
}

/** The core KPI of a row and its targets (oldest first). */
export function kpiOf(row: KpiRow, targets: readonly TargetRow[]): NamedKpi {
  const agreed: Partial<Record<Party, string>> = {};
  if (row.agreedByManagerAt) agreed.manager = row.agreedByManagerAt.toISOString();
  if (row.agreedByAssistantAt) agreed.assistant = row.agreedByAssistantAt.toISOString();
  const k: NamedKpi = {
    id: row.id,
    name: row.name,
    assistant: row.assistantId,
    metric: row.metric as KpiMetric,
    direction: row.direction as Direction,
    status: row.status as KpiStatus,
    proposedBy: row.proposedBy as Party,
    proposedAt: row.proposedAt.toISOString(),
    agreed,
    targets: [...targets]
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0))
      .map(targetEntry),
  };
  if (row.filter && Object.keys(row.filter).length > 0) k.filter = row.filter;
  if (row.period) k.period = row.period as Period;
  if (row.scale) k.scale = row.scale as Scale;
  if (row.processChanges.length > 0) k.processChanges = row.processChanges;
  const agreedAt = iso(row.agreedAt);
  if (agreedAt) k.agreedAt = agreedAt;
  if (row.startedOn) k.startDate = row.startedOn;
  const retiredAt = iso(row.retiredAt);
  if (retiredAt) k.retiredAt = retiredAt;
  if (row.replacedBy) k.replacedBy = row.replacedBy;
  if (row.replaces) k.replaces = row.replaces;
  if (row.pendingTarget) k.pendingTarget = row.pendingTarget;
  return k;
}

/** Column values of a core KPI (without timestamps of the row itself). */
export function kpiColumns(workspaceId: string, k: NamedKpi): Omit<KpiRow, 'createdAt' | 'updatedAt'> {
  return {
    workspaceId,
    id: k.id,
    assistantId: k.assistant,
    name: k.name,
    metric: k.metric,
    filter: k.filter ?? null,
    direction: k.direction,
    period: k.period ?? null,
    scale: k.scale ?? null,
    status: k.status,
    proposedBy: k.proposedBy,
    proposedAt: new Date(k.proposedAt),
    agreedByManagerAt: at(k.agreed.manager),
    agreedByAssistantAt: at(k.agreed.assistant),
    agreedAt: at(k.agreedAt),
    startedOn: k.startDate ?? null,
    retiredAt: at(k.retiredAt),
    replacedBy: k.replacedBy ?? null,
    replaces: k.replaces ?? null,
    processChanges: k.processChanges ?? [],
    pendingTarget: k.pendingTarget ?? null,
  };
}

/** The KPIs of a workspace, optionally of some assistants only, by id. */
export async function listKpis(db: Db | Tx, ws: string, assistant?: string): Promise<NamedKpi[]> {
  const where = [eq(kpis.workspaceId, ws)];
  if (assistant !== undefined) where.push(eq(kpis.assistantId, assistant));
  const [rows, targets] = await Promise.all([
    db
      .select()
      .from(kpis)
      .where(and(...where))
      .orderBy(asc(kpis.proposedAt), asc(kpis.id)),
    db.select().from(kpiTargets).where(eq(kpiTargets.workspaceId, ws)),
  ]);
  const byKpi = new Map<string, TargetRow[]>();
  for (const t of targets) byKpi.set(t.kpiId, [...(byKpi.get(t.kpiId) ?? []), t]);
  return rows.map((r) => kpiOf(r, byKpi.get(r.id) ?? []));
}

/** One KPI; `not_found` when it is not in the workspace. */
export async function loadKpi(db: Db | Tx, ws: string, id: string): Promise<NamedKpi> {
  const rows = await db
    .select()
    .from(kpis)
    .where(and(eq(kpis.workspaceId, ws), eq(kpis.id, id)));
  const row = rows[0];
  if (!row) throw new AppError('not_found', `No KPI ${id}`);
  const targets = await db
    .select()
    .from(kpiTargets)
    .where(and(eq(kpiTargets.workspaceId, ws), eq(kpiTargets.kpiId, id)));
  return kpiOf(row, targets);
}

/** Writes a KPI's row and its whole target history. */
export async function saveKpi(tx: Tx, ws: string, k: NamedKpi, now: Date, insert = false): Promise<void> {
  const cols = kpiColumns(ws, k);
  if (insert) await tx.insert(kpis).values({ ...cols, createdAt: now, updatedAt: now });
  else
    await tx
      .update(kpis)
      .set({ ...cols, updatedAt: now })
      .where(and(eq(kpis.workspaceId, ws), eq(kpis.id, k.id)));
  await tx.delete(kpiTargets).where(and(eq(kpiTargets.workspaceId, ws), eq(kpiTargets.kpiId, k.id)));
  if (k.targets.length > 0)
    await tx.insert(kpiTargets).values(
      k.targets.map((t) => ({
        workspaceId: ws,
        kpiId: k.id,
        effectiveFrom: t.effectiveFrom,
        value: t.value,
        setAt: new Date(t.setAt),
        setBy: t.setBy,
      })),
    );
}
