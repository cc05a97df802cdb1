import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionCardProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  /** Danger zone styling for irreversible actions. */
  tone?: 'default' | 'danger';
}

/** A titled block of a screen (h2). */
export function SectionCard({ title, description, actions, children, tone = 'default' }: SectionCardProps) {
  return (
    <Card style={tone === 'danger' ? { borderColor: 'var(--mantine-color-orange-4)' } : undefined}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div style={{ minWidth: 0, flex: '1 1 14rem' }}>
            <Title order={2} size="h4">
              {title}
            </Title>
            {description && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </div>
          {actions}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}
