import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyNotice } from './EmptyNotice.tsx';
import { ErrorState } from './ErrorState.tsx';
import { LoadingState } from './LoadingState.tsx';

interface QueryViewProps<T> {
  query: UseQueryResult<T>;
  /** What is being loaded, for the loading and error messages: "your KPIs". */
  what: string;
  /** When true for the data, the empty state is shown instead of children. */
  isEmpty?: (data: T) => boolean;
  empty?: { title: string; description?: ReactNode; action?: ReactNode };
  children: (data: T) => ReactNode;
}

/** The loading, error, empty and loaded states of one query, the same on every screen. */
export function QueryView<T>({ query, what, isEmpty, empty, children }: QueryViewProps<T>) {
  if (query.isPending) return <LoadingState label={`Loading ${what}…`} />;
  if (query.isError)
    return <ErrorState error={query.error} action={`load ${what}`} onRetry={() => void query.refetch()} />;
  const data = query.data;
  if (isEmpty?.(data)) {
    return (
      <EmptyNotice title={empty?.title ?? `No ${what} yet`} description={empty?.description}>
        {empty?.action}
      </EmptyNotice>
    );
  }
  return <>{children(data)}</>;
}
