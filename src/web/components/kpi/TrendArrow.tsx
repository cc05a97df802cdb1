import { Text } from '@mantine/core';

/** Each §6 trend direction's arrow, word and colour (also the overview grid's, in plain markup). */
export const TREND_LOOK: Record<string, { arrow: string; word: string; color: string }> = {
  improving: { arrow: '↗', word: 'Improving', color: 'teal.9' },
  declining: { arrow: '↘', word: 'Declining', color: 'orange.9' },
  stable: { arrow: '→', word: 'Stable', color: 'gray.7' },
};

/** The §6 trend as an arrow and a word (a colour alone would not reach everyone). */
export function TrendArrow({
  trend,
  compact = false,
}: {
  trend: { direction: string; p: number } | null;
  compact?: boolean;
}) {
  const look = trend ? TREND_LOOK[trend.direction] : undefined;
  if (!trend || !look) {
    // In a grid cell a lone dot beside "—" reads as a stray mark; the cell's words say enough.
    if (compact) return null;
    return (
      <Text span size="sm" c="dimmed" title="A trend needs at least 4 periods with a value">
        Too early for a trend
      </Text>
    );
  }
  return (
    <Text
      span
      size="sm"
      c={look.color}
      fw={600}
      aria-label={`Trend: ${look.word}`}
      title={`${look.word} (p = ${trend.p.toFixed(3)})`}
    >
      <span aria-hidden="true">{look.arrow}</span>
      {compact ? null : ` ${look.word}`}
    </Text>
  );
}
