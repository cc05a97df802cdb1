/** too_many (SPEC §5, §7): more than 5 KPIs proposed or active for one assistant. */
import { isOpen } from '../kpis/kpi.ts';
import type { InsightRule } from './insight.ts';

/** Five is enough, whatever limit the workspace allows (3–5 recommended, SPEC §5). */
export const RECOMMENDED_MAX_KPIS = 5;

/** Flags an assistant with more than five open KPIs. */
export const tooManyRule: InsightRule = (input) => {
  const open = input.kpis.filter(isOpen);
  if (open.length <= RECOMMENDED_MAX_KPIS) return [];
  const active = open.filter((k) => k.status === 'active').length;
  return [
    {
      id: 'too_many',
      severity: 'info',
      assistant: input.assistant,
      data: {
        count: open.length,
        active,
        proposed: open.length - active,
        recommendedMax: RECOMMENDED_MAX_KPIS,
      },
    },
  ];
};
