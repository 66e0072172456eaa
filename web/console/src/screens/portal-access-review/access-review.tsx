import { Alert, Badge, Button, Group, List, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { paths } from '@portcullis/web-shared';
import { useState } from 'react';
import { api, ensureOk } from '../../api.js';
import { ListTable, SearchBox, sortRows, type Column, type SortState } from '../../components/list-table.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';

type Review = paths['/portal-api/admin-review']['get']['responses'][200]['content']['application/json'];
type Row = Review['users'][number];

const CSV_URL = '/portal-api/admin-review?format=csv';

function useAccessReview(enabled: boolean) {
  return useQuery({
    queryKey: ['portal-access-review'],
    enabled,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/portal-api/admin-review');
      ensureOk(response, error);
      return (data as Review).users;
    },
  });
}

/** `2026-11-30T13:11:04.342Z` → `2026-11-30 13:11 UTC`. */
function when(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

const nameOf = (r: Row) => `${r.First} ${r.Last}`.trim() || r.Email;

/** The permissions in force, in words: administrators have every one. */
function permissionsText(r: Row): string {
  if (r.Permissions.IsAdmin === 'admin' || r.Role === 'super-admin' || r.Role === 'provider-admin') return 'Everything (administrator)';
  const granted = Object.entries(r.Permissions)
    .filter(([k, v]) => k !== 'IsAdmin' && v !== 'deny' && v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .sort();
  return granted.length ? granted.join(', ') : 'None';
}

function ownedText(r: Row): string {
  return r.OwnedAPIs.map((a) => (a.via === 'group' ? `${a.name} (through group)` : a.name)).join(', ');
}

const ROLE_OPTIONS = [
  { value: 'all', label: 'All roles' },
  { value: 'super-admin', label: 'super-admin' },
  { value: 'provider-admin', label: 'provider-admin' },
  { value: 'dashboard-user', label: 'dashboard-user' },
];
const STATUS_OPTIONS = [
  { value: 'all', label: 'Active and inactive' },
  { value: 'active', label: 'Active only' },
  { value: 'inactive', label: 'Inactive only' },
];

/** Access review: who holds which role and permissions, which APIs they own, when they last signed in; CSV for audits. */
export function AccessReviewPage({ user }: { user: CurrentUser }) {
  const allowed = can(user, 'users');
  const review = useAccessReview(allowed);
  const [search, setSearch] = useState('');
  const [role, setRole] = useState('all');
  const [status, setStatus] = useState('all');
  const [sort, setSort] = useState<SortState | null>(null);

  const columns: Column<Row>[] = [
    {
      key: 'name',
      header: 'User',
      sortable: true,
      render: (r) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {nameOf(r)}
          </Text>
          <Text size="xs" c="dimmed">
            {r.Email}
          </Text>
        </Stack>
      ),
    },
    { key: 'role', header: 'Role', sortable: true, render: (r) => <Badge variant="filled" color="gray.8" tt="none" miw="max-content">{r.Role}</Badge> },
    {
      key: 'permissions',
      header: 'Permissions',
      visibleFrom: 'sm',
      render: (r) => (
        <Stack gap={0}>
          <Text size="sm">{permissionsText(r)}</Text>
          {r.Group && (
            <Text size="xs" c="dimmed">
              From group {r.Group.Name}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'apis',
      header: 'Owned APIs',
      visibleFrom: 'md',
      render: (r) =>
        r.OwnedAPIs.length === 0 ? (
          <Text size="sm" c="dimmed">
            None
          </Text>
        ) : (
          <List size="sm" spacing={0}>
            {r.OwnedAPIs.map((a) => (
              <List.Item key={`${a.api_id}-${a.via}`}>
                {a.name}
                {a.via === 'group' ? ' (through group)' : ''}
              </List.Item>
            ))}
          </List>
        ),
    },
    {
      key: 'status',
      header: 'Status',
      sortable: true,
      render: (r) => (
        <Badge color={r.Active ? 'teal.9' : 'gray.7'} variant="filled" miw="max-content">
          {r.Active ? 'Active' : 'Inactive'}
        </Badge>
      ),
    },
    { key: 'login', header: 'Last sign-in', sortable: true, visibleFrom: 'sm', render: (r) => (r.LastLoginAt ? when(r.LastLoginAt) : 'Never') },
    { key: 'created', header: 'Created', sortable: true, visibleFrom: 'lg', render: (r) => `${when(r.CreatedAt)}${r.CreatedBy ? ` by ${r.CreatedBy}` : ''}` },
  ];
  const value = (r: Row, key: string) => {
    switch (key) {
      case 'name':
        return nameOf(r);
      case 'role':
        return r.Role;
      case 'status':
        return r.Active ? 'Active' : 'Inactive';
      case 'login':
        return r.LastLoginAt ?? '';
      default:
        return r.CreatedAt;
    }
  };

  const filter = (rows: Row[]) => {
    const q = search.trim().toLowerCase();
    return rows.filter(
      (r) =>
        (role === 'all' || r.Role === role) &&
        (status === 'all' || (status === 'active') === r.Active) &&
        (q === '' || [nameOf(r), r.Email, r.Group?.Name ?? '', ownedText(r), permissionsText(r)].some((s) => s.toLowerCase().includes(q))),
    );
  };

  return (
    <>
      <PageHeader
        title="Access review"
        description="Who holds which role and permissions, which APIs they own, and when they last signed in: review it regularly, and remove access no longer needed."
        actions={
          allowed ? (
            <Button component="a" href={CSV_URL} download="admin-review.csv" variant="default">
              Download CSV
            </Button>
          ) : undefined
        }
      />
      {!allowed ? (
        <Alert color="blue" title="The access review is not shown to you">
          It needs the Dashboard's users permission (read) as well as the portal permission.
        </Alert>
      ) : (
        <>
          <Group align="flex-end" gap="sm" wrap="wrap" mb="sm">
            <SearchBox label="Filter" placeholder="Name, email, group, API or permission" value={search} onChange={setSearch} />
            <Select label="Role" data={ROLE_OPTIONS} value={role} onChange={(v) => setRole(v ?? 'all')} allowDeselect={false} mb="sm" w={200} />
            <Select label="Status" data={STATUS_OPTIONS} value={status} onChange={(v) => setStatus(v ?? 'all')} allowDeselect={false} mb="sm" w={200} />
          </Group>
          <QueryView query={review} label="Loading the access review">
            {(rows) => {
              const shown = filter(rows);
              if (rows.length === 0) return <EmptyState title="Nobody to review" />;
              if (shown.length === 0) return <EmptyState title="Nobody matches the filter">Change the filter to see more people.</EmptyState>;
              return (
                <>
                  <Text size="sm" c="dimmed" mb="xs" role="status">
                    {shown.length === rows.length ? `${rows.length} people` : `${shown.length} of ${rows.length} people`}
                  </Text>
                  <ListTable caption="Access review" columns={columns} rows={sortRows(shown, sort, value)} rowKey={(r) => String(r.ID)} sort={sort} onSort={setSort} />
                </>
              );
            }}
          </QueryView>
        </>
      )}
    </>
  );
}
