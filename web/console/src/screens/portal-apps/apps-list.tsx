import { Anchor, Menu, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { ListTable, SearchBox, sortRows, type Column, type SortState } from '../../components/list-table.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { RowMenu } from '../../components/row-menu.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { useAllOrganisations } from '../portal-organisations/queries.js';
import { DeleteAppConfirm } from './app-dialogs.js';
import { ownerName, PER_PAGE, useAppsPage, type AppSummary } from './queries.js';

/** /portal/apps: consumers' apps across organisations, with what each may call. */
export function AppsListPage({ user }: { user: CurrentUser }) {
  const writable = can(user, 'portal', 'write');
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [organisation, setOrganisation] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<SortState | null>(null);
  const [deleting, setDeleting] = useState<AppSummary | null>(null);
  const apps = useAppsPage(debouncedQ, organisation, page);
  const orgs = useAllOrganisations();
  const filtered = debouncedQ.trim() !== '' || organisation !== null;

  const columns: Column<AppSummary>[] = [
    {
      key: 'name',
      header: 'App',
      sortable: true,
      render: (a) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/portal/apps/${a.ID}`} fw={600} c="indigo.9">
            {a.Name}
          </Anchor>
          {a.Description && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {a.Description}
            </Text>
          )}
          <Text size="xs" c="dimmed" hiddenFrom="sm">
            {ownerName(a)} · {a.Organisation || 'No organisation'}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'owner',
      header: 'Owner',
      sortable: true,
      visibleFrom: 'sm',
      render: (a) => (
        <Stack gap={0}>
          <Text size="sm">{ownerName(a)}</Text>
          <Text size="xs" c="dimmed">
            {a.Organisation || 'No organisation'}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'access',
      header: 'May call',
      render: (a) =>
        a.Access.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing approved yet
          </Text>
        ) : (
          <Stack gap={0}>
            {a.Access.map((x) => (
              <Text key={x.AccessRequestID} size="sm">
                {x.Product} <Text span size="xs" c="dimmed">({x.Plan} plan)</Text>
              </Text>
            ))}
          </Stack>
        ),
    },
    { key: 'credentials', header: 'Credentials', sortable: true, visibleFrom: 'md', render: (a) => String(a.CredentialCount) },
    { key: 'created', header: 'Created', sortable: true, visibleFrom: 'md', render: (a) => `${a.CreatedAt} UTC` },
    ...(writable
      ? [
          {
            key: 'actions',
            header: 'Actions',
            render: (a: AppSummary) => (
              <RowMenu name={a.Name}>
                <Menu.Item component={Link} to={`/portal/apps/${a.ID}`}>
                  Open (credentials)
                </Menu.Item>
                <Menu.Item color="red.9" onClick={() => setDeleting(a)}>
                  Delete
                </Menu.Item>
              </RowMenu>
            ),
          },
        ]
      : []),
  ];
  const value = (a: AppSummary, key: string) => {
    switch (key) {
      case 'owner':
        return ownerName(a);
      case 'credentials':
        return a.CredentialCount;
      case 'created':
        return a.CreatedAt;
      default:
        return a.Name;
    }
  };

  return (
    <>
      <PageHeader title="Apps" description="Consumers’ apps in every organisation: who owns each, which products it may call (its approved access requests) and its credentials." />
      <SearchBox label="Search apps" placeholder="Part of the app’s name" value={q} onChange={(v) => { setQ(v); setPage(1); }} />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="md">
        <NativeSelect
          label="Organisation"
          description="The owner’s organisation"
          value={organisation === null ? '' : String(organisation)}
          onChange={(e) => {
            setOrganisation(e.currentTarget.value ? Number(e.currentTarget.value) : null);
            setPage(1);
          }}
          data={[{ value: '', label: 'All organisations' }, ...(orgs.data ?? []).map((o) => ({ value: String(o.ID), label: o.Name }))]}
          error={orgs.error?.message}
        />
      </SimpleGrid>
      <QueryView query={apps} label="Loading apps">
        {(rows) =>
          rows.length === 0 ? (
            page > 1 ? (
              <EmptyState title="No more apps">
                <Anchor component="button" onClick={() => setPage(1)}>
                  Back to the first page
                </Anchor>
              </EmptyState>
            ) : filtered ? (
              <EmptyState title="No app matches">Change the search or the organisation to see more.</EmptyState>
            ) : (
              <EmptyState title="No apps yet">Consumers create apps in the Developer Portal, then ask for access to products for them.</EmptyState>
            )
          ) : (
            <ListTable caption="Apps" columns={columns} rows={sortRows(rows, sort, value)} rowKey={(a) => String(a.ID)} sort={sort} onSort={setSort} page={page} pages={rows.length === PER_PAGE ? page + 1 : page} onPage={setPage} />
          )
        }
      </QueryView>
      {deleting && <DeleteAppConfirm app={{ ID: deleting.ID, Name: deleting.Name, credentials: deleting.CredentialCount }} opened onClose={() => setDeleting(null)} onDeleted={() => setDeleting(null)} />}
    </>
  );
}
