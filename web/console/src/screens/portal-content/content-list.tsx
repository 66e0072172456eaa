import { Anchor, Badge, Button, Code, Menu, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ConfirmDialog } from '../../components/confirm.js';
import { ListTable, SearchBox, sortRows, type Column, type SortState } from '../../components/list-table.js';
import { notifyDone } from '../../components/notify.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { RowMenu } from '../../components/row-menu.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { isContentKind, KIND_WORDS, useContentList, useDeleteContent, type ContentItem, type ContentKind } from './queries.js';

const PAGE_SIZE = 25;

export function StatusBadge({ status }: { status: ContentItem['status'] }) {
  return (
    <Badge color={status === 'published' ? 'teal.9' : 'gray.7'} variant="filled" miw="max-content">
      {status === 'published' ? 'Published' : 'Draft'}
    </Badge>
  );
}

/** Asks before deleting a post or a page, and says whether it disappears from the Live Portal. */
export function DeleteContentDialog({ kind, item, onClose, onDeleted }: { kind: ContentKind; item: ContentItem | null; onClose: () => void; onDeleted: () => void }) {
  const w = KIND_WORDS[kind];
  const remove = useDeleteContent(kind);
  return (
    <ConfirmDialog
      opened={item !== null}
      title={`Delete ${w.one} “${item?.title ?? ''}”?`}
      confirmLabel={`Delete ${w.one}`}
      pending={remove.isPending}
      error={remove.error}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      onConfirm={() => {
        if (!item) return;
        remove.mutate(item.id, {
          onSuccess: () => {
            notifyDone(`${w.One} “${item.title}” deleted`);
            onDeleted();
          },
        });
      }}
    >
      {item
        ? item.status === 'published'
          ? `It is published: it disappears from the Live Portal at once (${w.address(item.path)}). This cannot be undone.`
          : 'It is a draft, so nobody outside the Admin Portal has seen it. This cannot be undone.'
        : ''}
    </ConfirmDialog>
  );
}

function ContentTable({ user, kind }: { user: CurrentUser; kind: ContentKind }) {
  const w = KIND_WORDS[kind];
  const writable = can(user, 'portal', 'write');
  const list = useContentList(kind);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortState | null>({ key: 'updated', direction: 'desc' });
  const [page, setPage] = useState(1);
  const [deleting, setDeleting] = useState<ContentItem | null>(null);
  const editPath = (c: ContentItem) => `/portal/content/${kind}/${c.id}`;

  const columns: Column<ContentItem>[] = [
    {
      key: 'title',
      header: 'Title',
      sortable: true,
      render: (c) => (
        <Stack gap={0}>
          <Anchor component={Link} to={editPath(c)} fw={600} c="indigo.9">
            {c.title}
          </Anchor>
          <Text size="xs" c="dimmed" hiddenFrom="sm">
            {w.address(c.path)}
          </Text>
        </Stack>
      ),
    },
    { key: 'path', header: 'Path', sortable: true, visibleFrom: 'sm', render: (c) => <Code>{w.address(c.path)}</Code> },
    { key: 'status', header: 'Status', sortable: true, render: (c) => <StatusBadge status={c.status} /> },
    { key: 'updated', header: 'Updated (UTC)', sortable: true, visibleFrom: 'md', render: (c) => c.updatedAt },
    {
      key: 'actions',
      header: 'Actions',
      render: (c) => (
        <RowMenu name={c.title}>
          <Menu.Item component={Link} to={editPath(c)}>
            {writable ? 'Edit' : 'Open'}
          </Menu.Item>
          {c.status === 'published' && (
            <Menu.Item component="a" href={w.address(c.path)} target="_blank" rel="noopener">
              View in the Live Portal
            </Menu.Item>
          )}
          {writable && (
            <Menu.Item color="red.9" onClick={() => setDeleting(c)}>
              Delete
            </Menu.Item>
          )}
        </RowMenu>
      ),
    },
  ];
  const value = (c: ContentItem, key: string) => {
    switch (key) {
      case 'title':
        return c.title;
      case 'path':
        return c.path;
      case 'status':
        return c.status;
      default:
        return c.updatedAt;
    }
  };
  const q = search.trim().toLowerCase();
  const filter = (rows: ContentItem[]) => (q ? rows.filter((c) => c.title.toLowerCase().includes(q) || w.address(c.path).includes(q)) : rows);

  return (
    <>
      <SearchBox
        label={`Search ${w.many}`}
        placeholder="Title or path"
        value={search}
        onChange={(v) => {
          setSearch(v);
          setPage(1);
        }}
      />
      <QueryView query={list} label={`Loading ${w.many}`}>
        {(data) => {
          if (data.length === 0) {
            return (
              <EmptyState title={`No ${w.many} yet`}>
                {writable
                  ? `Add a ${w.one}: write it in Markdown, keep it a draft while you work on it, and publish it when it is ready.`
                  : `When an API Owner writes a ${w.one}, it is listed here.`}
              </EmptyState>
            );
          }
          const rows = sortRows(filter(data), sort, value);
          if (rows.length === 0) {
            return (
              <EmptyState title={`No ${w.one} matches`}>
                No {w.one}’s title or path contains “{search.trim()}”.
              </EmptyState>
            );
          }
          const pages = Math.ceil(rows.length / PAGE_SIZE);
          const current = Math.min(page, pages);
          return (
            <ListTable
              caption={w.Many}
              columns={columns}
              rows={rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE)}
              rowKey={(c) => String(c.id)}
              sort={sort}
              onSort={setSort}
              page={current}
              pages={pages}
              onPage={setPage}
            />
          );
        }}
      </QueryView>
      <DeleteContentDialog kind={kind} item={deleting} onClose={() => setDeleting(null)} onDeleted={() => setDeleting(null)} />
    </>
  );
}

/** /portal/content/posts and /portal/content/pages: the Live Portal's blog posts and pages, one tab each. */
export function ContentListPage({ user, kind }: { user: CurrentUser; kind: ContentKind }) {
  const navigate = useNavigate();
  const w = KIND_WORDS[kind];
  const writable = can(user, 'portal', 'write');
  return (
    <>
      <PageHeader
        title="Content"
        description="The blog posts and pages of the Live Portal, written in Markdown. A draft is seen only by administrators, here; a published one by everyone who visits the Live Portal."
        actions={
          writable ? (
            <Button component={Link} to={`/portal/content/${kind}/new`}>
              Add {w.one}
            </Button>
          ) : undefined
        }
      />
      <Tabs value={kind} onChange={(v) => v !== null && isContentKind(v) && void navigate(`/portal/content/${v}`)}>
        <Tabs.List aria-label="Kind of content" mb="md">
          <Tabs.Tab value="posts">{KIND_WORDS.posts.Many}</Tabs.Tab>
          <Tabs.Tab value="pages">{KIND_WORDS.pages.Many}</Tabs.Tab>
        </Tabs.List>
        {/* One panel per tab, for the tabs' aria-controls; only the open one holds its list. */}
        <Tabs.Panel value="posts">{kind === 'posts' && <ContentTable key="posts" user={user} kind="posts" />}</Tabs.Panel>
        <Tabs.Panel value="pages">{kind === 'pages' && <ContentTable key="pages" user={user} kind="pages" />}</Tabs.Panel>
      </Tabs>
    </>
  );
}
