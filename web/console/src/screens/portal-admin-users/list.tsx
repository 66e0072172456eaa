import { ActionIcon, Alert, Anchor, Badge, Button, Menu, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ConfirmDialog } from '../../components/confirm.js';
import { ListTable, SearchBox, sortRows, type Column, type SortState } from '../../components/list-table.js';
import { notifyDone } from '../../components/notify.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { can, isAdmin } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { adminName, ROLE_EXPLANATION, useAdminUsers, useDeleteAdminUser, type PortalUserSummary } from './queries.js';

export function RoleBadge({ role }: { role: string }) {
  return (
    <Badge color={role === 'super-admin' ? 'indigo.9' : 'gray.8'} variant="filled" tt="none" miw="max-content">
      {role}
    </Badge>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  return (
    <Badge color={active ? 'teal.9' : 'gray.7'} variant="filled" miw="max-content">
      {active ? 'Active' : 'Inactive'}
    </Badge>
  );
}

/** Settings > Admin users: the API Owners, searchable; add, edit and delete (administrators only). */
export function AdminUsersListPage({ user }: { user: CurrentUser }) {
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [sort, setSort] = useState<SortState | null>(null);
  const [deleting, setDeleting] = useState<PortalUserSummary | null>(null);
  const users = useAdminUsers(debounced);
  const remove = useDeleteAdminUser();
  const writable = isAdmin(user);

  const columns: Column<PortalUserSummary>[] = [
    { key: 'id', header: 'Id', sortable: true, render: (u) => u.ID },
    {
      key: 'name',
      header: 'Name',
      sortable: true,
      render: (u) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/portal/admin-users/${u.ID}`} fw={600} c="indigo.9">
            {adminName(u)}
          </Anchor>
          <Text size="xs" c="dimmed" hiddenFrom="sm">
            {u.Email} · {u.Role}
          </Text>
        </Stack>
      ),
    },
    { key: 'email', header: 'Email', sortable: true, visibleFrom: 'sm', render: (u) => u.Email },
    { key: 'role', header: 'Role', sortable: true, visibleFrom: 'sm', render: (u) => <RoleBadge role={u.Role} /> },
    { key: 'status', header: 'Status', sortable: true, render: (u) => <ActiveBadge active={u.Active} /> },
  ];
  if (writable) {
    columns.push({
      key: 'actions',
      header: 'Actions',
      render: (u) => (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray.8" aria-label={`Actions for ${adminName(u)}`}>
              <Text component="span" aria-hidden fw={700} fz="lg" lh={1}>
                ⋮
              </Text>
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => void navigate(`/portal/admin-users/${u.ID}`)}>Edit</Menu.Item>
            <Menu.Item color="red.9" onClick={() => setDeleting(u)}>
              Delete
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ),
    });
  }
  const value = (u: PortalUserSummary, key: string) => {
    switch (key) {
      case 'id':
        return u.ID;
      case 'name':
        return adminName(u);
      case 'email':
        return u.Email;
      case 'role':
        return u.Role;
      default:
        return u.Active ? 'Active' : 'Inactive';
    }
  };

  return (
    <>
      <PageHeader
        title="Admin users"
        description="Settings > Admin users: the API Owners who run the Developer Portal. They sign in here with their email and password."
        actions={
          writable ? (
            <Button component={Link} to="/portal/admin-users/new">
              Add new admin user
            </Button>
          ) : undefined
        }
      />
      <Text size="sm" mb="md" maw={720}>
        <Text span fw={600}>
          Roles:{' '}
        </Text>
        {ROLE_EXPLANATION}
      </Text>
      {!can(user, 'users') ? (
        <Alert color="blue" title="Admin users are not shown to you">
          Only administrators and users who may read the Dashboard's users see the portal's admin users.
        </Alert>
      ) : (
        <>
          <SearchBox
            label="Search admin users"
            placeholder="Name or email"
            value={search}
            onChange={setSearch}
          />
          <QueryView query={users} label="Loading admin users">
            {(rows) =>
              rows.length === 0 ? (
                debounced.trim() ? (
                  <EmptyState title="No admin user matches">Nobody's name or email contains “{debounced.trim()}”.</EmptyState>
                ) : (
                  <EmptyState title="No admin users" />
                )
              ) : (
                <ListTable caption="Admin users" columns={columns} rows={sortRows(rows, sort, value)} rowKey={(u) => String(u.ID)} sort={sort} onSort={setSort} />
              )
            }
          </QueryView>
        </>
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete admin user?"
        confirmLabel="Delete admin user"
        pending={remove.isPending}
        error={remove.error}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (!deleting) return;
          const name = adminName(deleting);
          remove.mutate(deleting.ID, {
            onSuccess: () => {
              setDeleting(null);
              notifyDone(`${name} deleted`);
            },
          });
        }}
      >
        {deleting ? `${adminName(deleting)} (${deleting.Email}) will be permanently removed, with their sessions and access key. This cannot be undone.` : ''}
      </ConfirmDialog>
    </>
  );
}
