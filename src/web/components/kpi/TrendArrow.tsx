import { Text } from '@mantine/core';
import type { Trend } from '#core/stats/trend';

const LOOK = {
  improving: { arrow: '↗', word: 'Improving', color: 'teal.9' },
  declining: { arrow: '↘', word: 'Declining', color: 'orange.9' },
  stable: { arrow: '→', word: 'Stable', color: 'gray.7' },
} as const;

/** The §6 trend as an arrow and a word (a colour alone would not reach everyone). */
export function TrendArrow({ trend, compact = false }: { trend: Trend | null; compact?: boolean }) {
  if (!trend)
    return (
      <Text span size="sm" c="dimmed" title="A trend needs at least 4 periods with a value">
        {compact ? '·' : 'Too early for a trend'}
      </Text>
    );
  const look = LOOK[trend.direction];
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
