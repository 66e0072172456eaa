import { Anchor, Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ensureOk } from '../../api.js';
import { ListTable, SearchBox, sortRows, type Column, type SortState } from '../../components/list-table.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { describeQuota, describeRate, policiesKey, type Policy } from './model.js';
import { StateBadge } from './state-badge.js';

const PAGE_SIZE = 20;

export function usePolicies(enabled = true) {
  return useQuery({
    queryKey: [...policiesKey, 'all'],
    enabled,
    queryFn: async (): Promise<Policy[]> => {
      const { data, error, response } = await api.GET('/api/portal/policies', { params: { query: { p: -1 } } });
      ensureOk(response, error);
      return data!.Data;
    },
  });
}

const apiNames = (p: Policy): string =>
  Object.values(p.access_rights)
    .map((r) => r.api_name ?? r.api_id ?? '')
    .join(', ');

/** /policies: every policy the user can see. */
export function PolicyListPage({ canWrite }: { canWrite: boolean }) {
  const policies = usePolicies();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortState | null>({ key: 'name', direction: 'asc' });
  const [page, setPage] = useState(1);

  const columns: Column<Policy>[] = [
    {
      key: 'name',
      header: 'Name',
      sortable: true,
      render: (p) => (
        <Anchor component={Link} to={`/policies/${encodeURIComponent(p._id)}`}>
          {p.name || '(no name)'}
        </Anchor>
      ),
    },
    { key: 'apis', header: 'APIs', sortable: true, render: (p) => apiNames(p) || '—' },
    { key: 'rate', header: 'Rate limit', render: (p) => describeRate(p), visibleFrom: 'sm' },
    { key: 'quota', header: 'Quota', render: (p) => describeQuota(p), visibleFrom: 'md' },
    {
      key: 'active',
      header: 'State',
      sortable: true,
      render: (p) => (
        <StateBadge color={p.active ? 'teal' : 'gray'}>
          {p.active ? 'Active' : 'Inactive'}
        </StateBadge>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Policies"
        description="Access rights, rate limits and quotas that keys apply."
        actions={
          canWrite && (
            <Button component={Link} to="/policies/new">
              Create policy
            </Button>
          )
        }
      />
      <QueryView query={policies} label="Loading policies">
        {(all) => {
          if (all.length === 0) {
            return <EmptyState title="No policies yet">{canWrite ? 'Create a policy to give keys access to APIs with shared limits.' : 'There is no policy you can see.'}</EmptyState>;
          }
          const q = search.trim().toLowerCase();
          const filtered = q === '' ? all : all.filter((p) => p.name.toLowerCase().includes(q) || apiNames(p).toLowerCase().includes(q));
          const sorted = sortRows(filtered, sort, (p, key) => (key === 'apis' ? apiNames(p) : key === 'active' ? String(p.active) : p.name));
          const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
          const current = Math.min(page, pages);
          return (
            <>
              <SearchBox label="Search policies" value={search} onChange={(v) => { setSearch(v); setPage(1); }} placeholder="Name or API" />
              {sorted.length === 0 ? (
                <EmptyState title="No policy matches">Try another name.</EmptyState>
              ) : (
                <ListTable
                  caption="Policies"
                  columns={columns}
                  rows={sorted.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE)}
                  rowKey={(p) => p._id}
                  sort={sort}
                  onSort={setSort}
                  page={current}
                  pages={pages}
                  onPage={setPage}
                />
              )}
            </>
          );
        }}
      </QueryView>
    </>
  );
}
