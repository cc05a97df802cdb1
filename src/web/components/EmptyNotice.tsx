import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyNoticeProps {
  title: string;
  description?: ReactNode;
  children?: ReactNode;
}

/** An empty list or screen, with what to do next. */
export function EmptyNotice({ title, description, children }: EmptyNoticeProps) {
  return (
    <EmptyState py="xl" title={title} description={description}>
      {children && <EmptyState.Actions>{children}</EmptyState.Actions>}
    </EmptyState>
  );
}
