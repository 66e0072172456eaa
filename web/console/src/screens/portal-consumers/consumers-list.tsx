import { Alert, Anchor, Button, Group, Menu, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { ListTable, SearchBox, sortRows, type Column, type SortState } from '../../components/list-table.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { RowMenu } from '../../components/row-menu.js';
import { useAllOrganisations, useOrganisation } from '../portal-organisations/queries.js';
import { ConsumerConfirm, ConsumerStatus } from './consumer-dialogs.js';
import { InviteDialog } from './invite-dialog.js';
import { consumerName, PER_PAGE, roleLabel, useConsumersPage, usePendingConsumers, useSetActive, type ConsumerFilters, type ConsumerRole, type ConsumerSummary } from './queries.js';

const noFilters: ConsumerFilters = { q: '', organisation: null, team: null, role: null, active: null };

/** /portal/consumers: API consumer admins and team members of every organisation. */
export function ConsumersListPage({ user }: { user: CurrentUser }) {
  const writable = can(user, 'portal', 'write');
  const [filters, setFilters] = useState<ConsumerFilters>(noFilters);
  const [debouncedQ] = useDebouncedValue(filters.q, 250);
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<SortState | null>(null);
  const [confirm, setConfirm] = useState<{ action: 'deactivate' | 'delete'; user: ConsumerSummary } | null>(null);
  const [inviting, setInviting] = useState(false);
  const consumers = useConsumersPage({ ...filters, q: debouncedQ }, page);
  const pending = usePendingConsumers();
  const orgs = useAllOrganisations();
  const selectedOrg = useOrganisation(filters.organisation);
  const setActive = useSetActive();
  const orgName = (id: number) => orgs.data?.find((o) => o.ID === id)?.Name ?? `Organisation ${id}`;
  const change = (patch: Partial<ConsumerFilters>) => {
    setFilters({ ...filters, ...patch });
    setPage(1);
  };
  const filtered = debouncedQ.trim() !== '' || filters.organisation !== null || filters.team !== null || filters.role !== null || filters.active !== null;

  const columns: Column<ConsumerSummary>[] = [
    {
      key: 'name',
      header: 'Name',
      sortable: true,
      render: (u) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/portal/consumers/${u.ID}`} fw={600} c="indigo.9">
            {consumerName(u)}
          </Anchor>
          <Text size="xs" c="dimmed" hiddenFrom="sm">
            {u.Email}
          </Text>
          <Group hiddenFrom="sm" mt={4}>
            <ConsumerStatus active={u.Active} />
          </Group>
        </Stack>
      ),
    },
    { key: 'email', header: 'Email', sortable: true, visibleFrom: 'sm', render: (u) => u.Email },
    { key: 'organisation', header: 'Organisation', sortable: true, visibleFrom: 'md', render: (u) => orgName(u.OrganisationID) },
    { key: 'role', header: 'Role', sortable: true, visibleFrom: 'md', render: (u) => roleLabel(u.Role) },
    { key: 'status', header: 'Status', sortable: true, visibleFrom: 'sm', render: (u) => <ConsumerStatus active={u.Active} /> },
    ...(writable
      ? [
          {
            key: 'actions',
            header: 'Actions',
            render: (u: ConsumerSummary) => (
              <Group gap={4} wrap="nowrap">
                {!u.Active && (
                  <Button
                    size="compact-sm"
                    color="teal.9"
                    aria-label={`Approve ${consumerName(u)}`}
                    loading={setActive.isPending && setActive.variables.user.ID === u.ID}
                    onClick={() => setActive.mutate({ user: u, active: true, approving: true })}
                  >
                    Approve
                  </Button>
                )}
                <RowMenu name={consumerName(u)}>
                  <Menu.Item component={Link} to={`/portal/consumers/${u.ID}`}>
                    Edit
                  </Menu.Item>
                  {u.Active ? (
                    <Menu.Item onClick={() => setConfirm({ action: 'deactivate', user: u })}>Deactivate</Menu.Item>
                  ) : (
                    <Menu.Item onClick={() => setActive.mutate({ user: u, active: true })}>Activate</Menu.Item>
                  )}
                  <Menu.Item color="red.9" onClick={() => setConfirm({ action: 'delete', user: u })}>
                    Delete
                  </Menu.Item>
                </RowMenu>
              </Group>
            ),
          },
        ]
      : []),
  ];
  const value = (u: ConsumerSummary, key: string) => {
    switch (key) {
      case 'name':
        return consumerName(u);
      case 'email':
        return u.Email;
      case 'organisation':
        return orgName(u.OrganisationID);
      case 'role':
        return roleLabel(u.Role);
      default:
        return u.Active ? 'Active' : 'Inactive';
    }
  };
  const pendingCount = pending.data?.length ?? 0;
  const teamOptions = [{ value: '', label: filters.organisation === null ? 'Choose an organisation first' : 'All teams' }, ...(selectedOrg.data?.Teams ?? []).map((t) => ({ value: String(t.ID), label: t.Name }))];

  return (
    <>
      <InviteDialog opened={inviting} onClose={() => setInviting(false)} />
      <PageHeader
        title="API consumers"
        description="Consumer admins and team members of every organisation. Self-registered consumers stay inactive until approved."
        actions={
          writable ? (
            <Group gap="xs">
              <Button variant="default" onClick={() => setInviting(true)}>
                Invite by email
              </Button>
              <Button component={Link} to="/portal/consumers/new">
                Add user
              </Button>
            </Group>
          ) : undefined
        }
      />
      {pendingCount > 0 && filters.active !== false && (
        <Alert color="orange" variant="light" mb="md" styles={{ title: { color: 'var(--mantine-color-black)' } }} title={pendingCount === 1 ? '1 consumer waits for approval' : `${pendingCount >= 100 ? '100 or more' : pendingCount} consumers wait for approval`}>
          <Group justify="space-between" gap="xs">
            <Text size="sm">Inactive consumers cannot sign in. Approving a registration activates the account, and the consumer is emailed.</Text>
            <Button size="compact-sm" variant="default" onClick={() => change({ ...noFilters, active: false })}>
              Show inactive consumers
            </Button>
          </Group>
        </Alert>
      )}
      <SearchBox label="Search consumers" placeholder="Name or email" value={filters.q} onChange={(q) => change({ q })} />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="md">
        <NativeSelect
          label="Organisation"
          value={filters.organisation === null ? '' : String(filters.organisation)}
          onChange={(e) => change({ organisation: e.currentTarget.value ? Number(e.currentTarget.value) : null, team: null })}
          data={[{ value: '', label: 'All organisations' }, ...(orgs.data ?? []).map((o) => ({ value: String(o.ID), label: o.Name }))]}
          error={orgs.error?.message}
        />
        <NativeSelect
          label="Team"
          disabled={filters.organisation === null}
          value={filters.team === null ? '' : String(filters.team)}
          onChange={(e) => change({ team: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
          data={teamOptions}
        />
        <NativeSelect
          label="Role"
          value={filters.role ?? ''}
          onChange={(e) => change({ role: (e.currentTarget.value || null) as ConsumerRole | null })}
          data={[
            { value: '', label: 'All roles' },
            { value: 'consumer-admin', label: 'Consumer admin' },
            { value: 'consumer-team-member', label: 'Team member' },
          ]}
        />
        <NativeSelect
          label="Status"
          value={filters.active === null ? '' : filters.active ? 'active' : 'inactive'}
          onChange={(e) => change({ active: e.currentTarget.value === '' ? null : e.currentTarget.value === 'active' })}
          data={[
            { value: '', label: 'Any status' },
            { value: 'active', label: 'Active' },
            { value: 'inactive', label: 'Inactive (awaiting approval)' },
          ]}
        />
      </SimpleGrid>
      {setActive.isError && (
        <Alert color="red" role="alert" title="Not done" mb="md" withCloseButton closeButtonLabel="Dismiss" onClose={() => setActive.reset()}>
          {setActive.error.message}
        </Alert>
      )}
      <QueryView query={consumers} label="Loading consumers">
        {(rows) =>
          rows.length === 0 ? (
            page > 1 ? (
              <EmptyState title="No more consumers">
                <Anchor component="button" onClick={() => setPage(1)}>
                  Back to the first page
                </Anchor>
              </EmptyState>
            ) : filtered ? (
              <EmptyState title="No consumer matches">Change the search or the filters to see more.</EmptyState>
            ) : (
              <EmptyState title="No API consumers yet">Consumers appear here when they register on the Developer Portal or when you add them.</EmptyState>
            )
          ) : (
            <ListTable
              caption="API consumers"
              columns={columns}
              rows={sortRows(rows, sort, value)}
              rowKey={(u) => String(u.ID)}
              sort={sort}
              onSort={setSort}
              page={page}
              pages={rows.length === PER_PAGE ? page + 1 : page}
              onPage={setPage}
            />
          )
        }
      </QueryView>
      <ConsumerConfirm action={confirm?.action ?? null} user={confirm?.user ?? null} onClose={() => setConfirm(null)} onDeleted={() => setConfirm(null)} />
    </>
  );
}
