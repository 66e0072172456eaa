import { Anchor, Badge, Button, Code, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { ListTable, SearchBox, type Column, type SortState } from '../../components/list-table.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { summarise, useApiList, type ApiSort, type ApiSummary } from './queries.js';

function serverSort(sort: SortState | null): ApiSort {
  if (!sort) return '-created_at';
  const key = sort.key === 'name' ? 'name' : 'updated_at';
  return (sort.direction === 'asc' ? key : `-${key}`) as ApiSort;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const columns: Column<ApiSummary>[] = [
  {
    key: 'name',
    header: 'Name',
    sortable: true,
    render: (a) => (
      <Anchor component={Link} to={`/apis/${encodeURIComponent(a.id)}`} fw={600}>
        {a.name}
      </Anchor>
    ),
  },
  { key: 'kind', header: 'Type', render: (a) => <Badge variant="light" color={a.kind === 'OAS' ? 'grape' : 'indigo'}>{a.kind}</Badge>, visibleFrom: 'xs' },
  { key: 'listen_path', header: 'Listen path', render: (a) => <Code>{a.listenPath}</Code> },
  { key: 'target', header: 'Target', render: (a) => <Text size="sm" truncate="end" maw={260} title={a.targetUrl}>{a.targetUrl}</Text>, visibleFrom: 'md' },
  {
    key: 'status',
    header: 'Status',
    render: (a) => (
      <Badge variant="dot" color={a.active ? 'teal' : 'gray'}>
        {a.active ? 'Active' : 'Inactive'}
      </Badge>
    ),
    visibleFrom: 'sm',
  },
  { key: 'updated_at', header: 'Updated', sortable: true, render: (a) => <Text size="sm">{dateFormat.format(new Date(a.updatedAt))}</Text>, visibleFrom: 'sm' },
];

/** Every API the user can see: searchable by name, sortable by name or update time, paginated by the server. */
export function ApiListPage({ user }: { user: CurrentUser }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [sort, setSort] = useState<SortState | null>(null);
  const [page, setPage] = useState(1);
  const list = useApiList(page, q, serverSort(sort));
  const writable = can(user, 'apis', 'write');

  return (
    <>
      <PageHeader
        title="APIs"
        description="The API definitions the gateways serve, Tyk Classic and OpenAPI, with their owners."
        actions={
          writable && (
            <Button component={Link} to="/apis/new">
              Create API
            </Button>
          )
        }
      />
      <SearchBox
        label="Search APIs by name"
        value={search}
        onChange={(v) => {
          setSearch(v);
          setPage(1);
        }}
      />
      <QueryView query={list} label="Loading APIs">
        {(data) =>
          data.apis.length === 0 ? (
            q ? (
              <EmptyState title={`No API matches “${q}”`}>Try another part of the name.</EmptyState>
            ) : (
              <EmptyState title="No APIs yet">{writable ? 'Create one with Create API: a Classic definition or an OpenAPI document.' : 'There is no API you can see.'}</EmptyState>
            )
          ) : (
            <ListTable
              caption="APIs"
              columns={columns}
              rows={data.apis.map(summarise)}
              rowKey={(a) => a.id}
              sort={sort}
              onSort={(s) => {
                setSort(s);
                setPage(1);
              }}
              page={page}
              pages={data.pages}
              onPage={setPage}
            />
          )
        }
      </QueryView>
    </>
  );
}
