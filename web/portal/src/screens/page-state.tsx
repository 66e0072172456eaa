import { Alert, Anchor, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError, pages } from '@portcullis/web-shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePageMeta } from '../page-meta.js';

/** Loading, error and not-found states of a page's data; `children` renders the data. A hidden object is a missing one. */
export function PageState<T>({ query, label, children }: { query: UseQueryResult<T, Error>; label: string; children: (data: T) => ReactNode }) {
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={label} role="status" />
      </Center>
    );
  }
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
    return (
      <Alert color="red" role="alert" title="This page could not be loaded">
        {query.error.message}
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}

export function NotFoundPage() {
  usePageMeta('Page not found', 'There is nothing at this address.');
  return (
    <Stack gap="sm" maw={560}>
      <Title order={1}>Page not found</Title>
      <Text>There is nothing at this address, or you need to sign in to see it.</Text>
      <Anchor component={Link} to={pages.portalHome()} underline="always">
        Browse the APIs on offer
      </Anchor>
    </Stack>
  );
}
