/**
 * The agreement state machine (SPEC §5): either side proposes; the KPI becomes active only when
 * both the manager and the assistant have agreed to the same terms (changing the terms asks the
 * other side again); active KPIs can be retired or replaced. Activation respects the active-KPI
 * limit, and a target waits for the end of the baseline.
 */
import { AppError } from '../../errors.ts';
import { assertTargetAllowed } from './baseline.ts';
import { type Kpi, PARTIES, type Party } from './kpi.ts';
import { assertKpiFilter, assertProcessChanges, isKpiMetric, type KpiDefinition } from './kpi-definition.ts';
import { assertCanActivate, DEFAULT_ACTIVE_KPI_LIMIT } from './kpi-limit.ts';

/** Who acts, when (instant) and on which local date in the assistant's zone. */
export interface Stamp {
  by: Party;
  at: string;
  today: string;
}

export type KpiTerms = Omit<KpiDefinition, 'target'> & { target?: number | null };

function assertTerms(terms: KpiTerms): void {
  if (!isKpiMetric(terms.metric))
    throw new AppError('validation_failed', `Unknown metric ${String(terms.metric)}`, {
      metric: terms.metric,
    });
  assertKpiFilter(terms);
  assertProcessChanges(terms);
  // A target follows the baseline, which only starts once both sides agree (SPEC §5).
  if (terms.target !== undefined && terms.target !== null) assertTargetAllowed({ id: terms.id }, '');
}

/** A KPI leaving service drops any target proposal still waiting for agreement. */
function withoutPendingTarget(kpi: Kpi): Kpi {
  const { pendingTarget: _dropped, ...rest } = kpi;
  return rest;
}

function otherParty(p: Party): Party {
  return p === 'manager' ? 'assistant' : 'manager';
}

/** A new proposal by one side; the proposer's agreement is implied. */
export function proposeKpi(terms: KpiTerms, stamp: Stamp): Kpi {
  assertTerms(terms);
  const { target: _target, ...definition } = terms;
  return {
    ...definition,
    status: 'proposed',
    proposedBy: stamp.by,
    proposedAt: stamp.at,
    agreed: { [stamp.by]: stamp.at },
    targets: [],
  };
}

/** A proposal to replace an active KPI: it takes the old one's place once both sides agree. */
export function proposeReplacement(old: Kpi, terms: KpiTerms, stamp: Stamp): Kpi {
  if (old.status !== 'active')
    throw new AppError('conflict', `Only an active KPI can be replaced; ${old.id} is ${old.status}`, {
      kpi: old.id,
      status: old.status,
    });
  if (terms.assistant !== old.assistant)
    throw new AppError('validation_failed', 'A replacement belongs to the same assistant', { kpi: old.id });
  return { ...proposeKpi(terms, stamp), replaces: old.id };
}

/** Changes a proposal's terms; the other side's agreement is asked again. */
export function amendKpi(
  kpi: Kpi,
  changes: Partial<Pick<KpiDefinition, 'metric' | 'filter' | 'direction' | 'period' | 'scale'>>,
  stamp: Stamp,
): Kpi {
  if (kpi.status !== 'proposed')
    throw new AppError('conflict', `Only a proposed KPI can be changed; ${kpi.id} is ${kpi.status}`, {
      kpi: kpi.id,
      status: kpi.status,
    });
  const next = { ...kpi, ...changes };
  assertTerms(next);
  return { ...next, agreed: { [stamp.by]: stamp.at } };
}

export interface AgreeOptions {
  /** The assistant's other KPIs (any status), to apply the limit and mark a replaced one. */
  others: readonly Kpi[];
  /** Active-KPI limit (workspace setting, default 5). */
  limit?: number;
}

export interface AgreeResult {
  kpi: Kpi;
  /** The KPI this one replaced, now `replaced`; null otherwise. */
  replaced: Kpi | null;
}

/** One side agrees; with both agreed the KPI is active from today and its baseline starts. */
export function agreeKpi(kpi: Kpi, stamp: Stamp, opts: AgreeOptions): AgreeResult {
  if (kpi.status !== 'proposed')
    throw new AppError('conflict', `${kpi.id} is ${kpi.status}; only a proposal can be agreed`, {
      kpi: kpi.id,
      status: kpi.status,
    });
  if (kpi.agreed[stamp.by] !== undefined)
    throw new AppError(
      'conflict',
      `The ${stamp.by} has already agreed; waiting for the ${otherParty(stamp.by)}`,
      {
        kpi: kpi.id,
        waitingFor: otherParty(stamp.by),
      },
    );
  const agreed = { ...kpi.agreed, [stamp.by]: stamp.at };
  if (!PARTIES.every((p) => agreed[p] !== undefined)) return { kpi: { ...kpi, agreed }, replaced: null };
  const old = kpi.replaces === undefined ? undefined : opts.others.find((o) => o.id === kpi.replaces);
  const replacing = old !== undefined && old.status === 'active';
  const active = opts.others.filter(
    (o) => o.status === 'active' && o.assistant === kpi.assistant && o.id !== kpi.id,
  ).length;
  assertCanActivate(replacing ? active - 1 : active, opts.limit ?? DEFAULT_ACTIVE_KPI_LIMIT);
  const next: Kpi = { ...kpi, agreed, status: 'active', agreedAt: stamp.at, startDate: stamp.today };
  return {
    kpi: next,
    replaced: replacing
      ? { ...withoutPendingTarget(old), status: 'replaced', replacedBy: kpi.id, retiredAt: stamp.at }
      : null,
  };
}

/** Retires an active KPI, or withdraws a proposal. */
export function retireKpi(kpi: Kpi, stamp: Stamp): Kpi {
  if (kpi.status !== 'active' && kpi.status !== 'proposed')
    throw new AppError('conflict', `${kpi.id} is already ${kpi.status}`, { kpi: kpi.id, status: kpi.status });
  // A target still waiting for agreement goes with it.
  return { ...withoutPendingTarget(kpi), status: 'retired', retiredAt: stamp.at };
}
