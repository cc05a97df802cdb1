/**
 * category_delays (SPEC §7): a task category whose on-time rate over the last 4 complete weeks is
 * 20 points or more below the assistant's overall rate over the same weeks.
 */
import type { InsightRule } from './insight.ts';

export const CATEGORY_GAP = 0.2;

/** One insight per lagging category, largest gap first. */
export const categoryDelaysRule: InsightRule = (input) => {
  const { overall, categories, from, to } = input.categoryOnTime;
  if (overall === null) return [];
  return categories
    .filter((c) => overall.rate - c.rate >= CATEGORY_GAP - 1e-9)
    .sort((a, b) => a.rate - b.rate || (a.category < b.category ? -1 : 1))
    .map((c) => ({
      id: 'category_delays' as const,
      severity: 'attention' as const,
      assistant: input.assistant,
      data: {
        category: c.category,
        rate: c.rate,
        overall: overall.rate,
        gapPoints: (overall.rate - c.rate) * 100,
        onTime: c.onTime,
        late: c.late,
        from,
        to,
      },
    }));
};
