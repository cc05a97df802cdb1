import { Alert, Button, Group, Text } from '@mantine/core';
import { ApiError, errorMessage } from '../api/api-error.ts';

interface ErrorStateProps {
  error: unknown;
  /** What was being done, e.g. "load the overview". */
  action?: string;
  onRetry?: () => void;
}

/** Shows an API error where it happened, in plain words, with a retry when one can help. */
export function ErrorState({ error, action, onRetry }: ErrorStateProps) {
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <Alert
      color="orange"
      variant="light"
      title={action ? `Could not ${action}` : 'Something went wrong'}
      role="alert"
    >
      <Text size="sm">{errorMessage(error)}</Text>
      {(onRetry || code) && (
        <Group mt="sm" gap="sm">
          {onRetry && (
            <Button size="xs" variant="default" onClick={onRetry}>
              Try again
            </Button>
          )}
          {code && (
            <Text size="xs" c="dimmed">
              Code: {code}
            </Text>
          )}
        </Group>
      )}
    </Alert>
  );
}
