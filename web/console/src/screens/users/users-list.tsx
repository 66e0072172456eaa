import { Anchor, Badge, Button, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { ListTable, SearchBox, sortRows, type Column, type SortState } from '../../components/list-table.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { fullName, useAllGroups, useUsersPage, type User } from './queries.js';

export function roleLabel(role: string): string {
  if (role === 'super-admin') return 'Administrator (first)';
  if (role === 'provider-admin') return 'Administrator';
  return 'Dashboard user';
}

export function StatusBadge({ active }: { active: boolean }) {
  return (
    <Badge color={active ? 'teal.9' : 'gray.7'} variant="filled">
      {active ? 'Active' : 'Inactive'}
    </Badge>
  );
}

/** /users: every Dashboard user, searchable by name or email (on the server), page by page. */
export function UsersListPage({ user }: { user: CurrentUser }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<SortState | null>(null);
  const users = useUsersPage(debounced, page);
  const groups = useAllGroups(can(user, 'user_groups'));
  const groupName = (id: string) => groups.data?.find((g) => g.id === id)?.name ?? `Group ${id}`;

  const columns: Column<User>[] = [
    {
      key: 'name',
      header: 'Name',
      sortable: true,
      render: (u) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/users/${u.id}`} fw={600} c="indigo.9">
            {fullName(u)}
          </Anchor>
          <Text size="xs" c="dimmed" hiddenFrom="sm">
            {u.email_address}
          </Text>
        </Stack>
      ),
    },
    { key: 'email', header: 'Email', sortable: true, visibleFrom: 'sm', render: (u) => u.email_address },
    { key: 'role', header: 'Role', sortable: true, visibleFrom: 'md', render: (u) => roleLabel(u.role) },
    { key: 'group', header: 'Group', sortable: true, visibleFrom: 'md', render: (u) => (u.group_id ? groupName(u.group_id) : '—') },
    { key: 'status', header: 'Status', sortable: true, render: (u) => <StatusBadge active={u.active} /> },
  ];
  const value = (u: User, key: string) => {
    switch (key) {
      case 'name':
        return fullName(u);
      case 'email':
        return u.email_address;
      case 'role':
        return roleLabel(u.role);
      case 'group':
        return u.group_id ? groupName(u.group_id) : '';
      default:
        return u.active ? 'Active' : 'Inactive';
    }
  };

  return (
    <>
      <PageHeader
        title="Users"
        description="Who may use the Dashboard, and with which permissions."
        actions={
          can(user, 'users', 'write') ? (
            <Button component={Link} to="/users/new">
              New user
            </Button>
          ) : undefined
        }
      />
      <SearchBox
        label="Search users"
        placeholder="Name or email"
        value={search}
        onChange={(v) => {
          setSearch(v);
          setPage(1);
        }}
      />
      <QueryView query={users} label="Loading users">
        {(data) =>
          data.users.length === 0 ? (
            debounced.trim() ? (
              <EmptyState title="No user matches">Nobody's name or email contains “{debounced.trim()}”.</EmptyState>
            ) : (
              <EmptyState title="No users yet" />
            )
          ) : (
            <ListTable caption="Users" columns={columns} rows={sortRows(data.users, sort, value)} rowKey={(u) => u.id} sort={sort} onSort={setSort} page={page} pages={data.pages} onPage={setPage} />
          )
        }
      </QueryView>
    </>
  );
}
