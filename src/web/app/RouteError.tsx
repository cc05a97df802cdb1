import { Button, Code, Stack, Text } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { AuthFrame } from '../components/AuthFrame.tsx';

/** A screen that failed to draw: say so plainly, offer a reload, keep the detail for a report. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  return (
    <AuthFrame title="This screen could not be shown">
      <Stack gap="sm">
        <Text size="sm">Something unexpected happened while drawing it. Reloading usually helps.</Text>
        <Code block>{error instanceof Error ? error.message : String(error)}</Code>
        <Button
          onClick={() => {
            reset();
            window.location.reload();
          }}
        >
          Reload
        </Button>
      </Stack>
    </AuthFrame>
  );
}
