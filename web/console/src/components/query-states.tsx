import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../api.js';
import { NotFoundPage } from './page.js';

/**
 * Renders a query's loading and error states, and its data through `children`.
 * A 404 shows the one "not found" page (a hidden object looks exactly like a
 * missing one); other errors show the server's message with a retry button.
 */
export function QueryView<T>({
  query,
  label,
  children,
  notFound,
}: {
  query: UseQueryResult<T, Error>;
  /** What is loading, for screen readers: "Loading APIs". */
  label: string;
  children: (data: T) => ReactNode;
  /** Where the "not found" page links back to. */
  notFound?: { backTo: string; backLabel: string };
}) {
  if (query.isPending) return <LoadingBlock label={label} />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage {...notFound} />;
    return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}

export function LoadingBlock({ label }: { label: string }) {
  return (
    <Center py="xl">
      <Loader aria-label={label} role="status" />
    </Center>
  );
}

export function ErrorBlock({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  return (
    <Alert color="red" title="Could not load this" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error.message}</Text>
        {onRetry && (
          <Button size="xs" variant="default" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** An empty list: says so, and what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Stack align="center" gap="xs" py="xl" ta="center">
      <Text fw={600}>{title}</Text>
      {children && (
        <Text size="sm" c="dimmed" maw={480}>
          {children}
        </Text>
      )}
    </Stack>
  );
}
