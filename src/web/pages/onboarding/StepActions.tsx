import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/** The buttons at the foot of a wizard step. */
export function StepActions({ children, onSkip }: { children: ReactNode; onSkip?: () => void }) {
  return (
    <Group justify="flex-end" mt="md" gap="sm">
      {onSkip && (
        <Button variant="subtle" onClick={onSkip}>
          Skip for now
        </Button>
      )}
      {children}
    </Group>
  );
}
