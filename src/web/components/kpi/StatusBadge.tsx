import { Badge } from '@mantine/core';
import type { KpiSummary } from '../../api/kpis-api.ts';
import { formatLocalDate } from '../../format/format-instant.ts';

/** Where a KPI stands against its target, in words that never blame (SPEC §5 met / near / below). */
export function StatusBadge({
  summary,
}: {
  summary: Pick<KpiSummary, 'status' | 'inBaseline' | 'baselineEnds' | 'kpi'>;
}) {
  if (summary.kpi.status === 'proposed')
    return (
      <Badge color="gray" variant="light" tt="none">
        Waiting for agreement
      </Badge>
    );
  if (summary.inBaseline)
    return (
      <Badge color="blue" variant="light" tt="none">
        Baseline{summary.baselineEnds ? ` until ${formatLocalDate(summary.baselineEnds)}` : ''}
      </Badge>
    );
  // No text colour of its own: the theme's light-variant colours are the ones with AA contrast.
  switch (summary.status) {
    case 'met':
      return (
        <Badge color="teal" variant="light" tt="none">
          Target met
        </Badge>
      );
    case 'near':
      return (
        <Badge color="yellow" variant="light" tt="none">
          Near target
        </Badge>
      );
    case 'below':
      return (
        <Badge color="orange" variant="light" tt="none">
          Below target
        </Badge>
      );
    default:
      return (
        <Badge color="gray" variant="light" tt="none">
          No target yet
        </Badge>
      );
  }
}
