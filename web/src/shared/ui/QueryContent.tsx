import { Skeleton, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryError } from './QueryError';

type QueryContentProps<T> = {
  query: UseQueryResult<T>;
  /** Heights of the placeholder blocks shown while loading, roughly those of the real cards. */
  skeletons: number[];
  children: (data: T) => ReactNode;
};

/** A page's content in its three states: loading placeholders, an error with retry, or the data. */
export const QueryContent = <T,>({ query, skeletons, children }: QueryContentProps<T>) => {
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  if (query.data === undefined) {
    return (
      <Stack gap="lg">
        {skeletons.map((height, i) => (
          <Skeleton key={i} height={height} radius="md" />
        ))}
      </Stack>
    );
  }
  return <>{children(query.data)}</>;
};
