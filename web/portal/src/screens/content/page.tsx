import { Stack, Title } from '@mantine/core';
import { isReservedPagePath, Markdown } from '@portcullis/web-shared';
import { useLocation } from 'react-router';
import { usePageMeta } from '../../page-meta.js';
import { summaryOf } from '../catalogue/home.js';
import { NotFoundPage, PageState } from '../page-state.js';
import { usePage, type PublishedContent } from './queries.js';

/**
 * /:path — a published content page, at any address no other page of the
 * portal takes (its route comes last); a draft, a missing page or one of the
 * portal's own addresses is "Page not found".
 */
export function ContentPage() {
  const path = useLocation().pathname.replace(/^\/+/, '').replace(/\/+$/, '');
  if (path === '' || isReservedPagePath(path)) return <NotFoundPage />;
  return <PublishedPage path={path} />;
}

function PublishedPage({ path }: { path: string }) {
  const page = usePage(path);
  return (
    <PageState query={page} label="Loading the page">
      {(p) => <PageView page={p} />}
    </PageState>
  );
}

function PageView({ page }: { page: PublishedContent }) {
  usePageMeta(page.Title, page.Lede || summaryOf(page.Content) || page.Title);
  return (
    <Stack gap="md" maw={800} component="article">
      <Title order={1}>{page.Title}</Title>
      <Markdown source={page.Content} headingOffset={1} />
    </Stack>
  );
}
