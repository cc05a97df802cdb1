import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';

/** A secret link or token shown once: copy it now, it is not stored. */
export function CopyOnceLink({
  label,
  value,
  onDone,
}: {
  label: string;
  value: string;
  onDone?: () => void;
}) {
  return (
    <Alert color="teal" variant="light" title={label}>
      <Stack gap="xs">
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {value}
        </Code>
        <Text size="xs">Shown once. Send it through a channel you trust; it works a single time.</Text>
        <Group gap="xs">
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Button size="xs" onClick={copy} variant={copied ? 'light' : 'filled'}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
          {onDone && (
            <Button size="xs" variant="subtle" onClick={onDone}>
              Done
            </Button>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}
