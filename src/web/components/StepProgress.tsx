import { Progress, Stack, Text } from '@mantine/core';

/**
 * Where a multi-step flow is, for a phone: "Step 2 of 6: Assistant" and a bar. A stepper's row
 * of numbered circles does not fit at 375 px and wraps into a jumble, so it is hidden there.
 */
export function StepProgress({ labels, active }: { labels: readonly string[]; active: number }) {
  const shown = Math.min(active, labels.length - 1);
  const done = active >= labels.length;
  return (
    <Stack gap={6} mb="sm">
      <Text size="sm" fw={600}>
        {done ? 'All steps done' : `Step ${shown + 1} of ${labels.length}: ${labels[shown]}`}
      </Text>
      <Progress
        value={done ? 100 : ((shown + 1) / labels.length) * 100}
        size="sm"
        aria-label={`Step ${Math.min(shown + 1, labels.length)} of ${labels.length}`}
      />
    </Stack>
  );
}
