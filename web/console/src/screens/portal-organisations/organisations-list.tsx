import { Anchor, Badge, Button, Group, Menu } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ensureOk } from '../../api.js';
import { ListTable, SearchBox, sortRows, type Column, type SortState } from '../../components/list-table.js';
import { notifyDone } from '../../components/notify.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { RowMenu } from '../../components/row-menu.js';
import { DeleteOrganisationDialog, NameDialog } from './organisation-dialogs.js';
import { organisationsKey, useAllOrganisations, type OrganisationSummary } from './queries.js';

/** /portal/organisations: API consumers' organisations; each has teams, one of them its default team. */
export function OrganisationsListPage({ user }: { user: CurrentUser }) {
  const writable = can(user, 'portal', 'write');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const orgs = useAllOrganisations();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortState | null>({ key: 'name', direction: 'asc' });
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<OrganisationSummary | null>(null);

  const columns: Column<OrganisationSummary>[] = [
    {
      key: 'name',
      header: 'Name',
      sortable: true,
      render: (o) => (
        <Group gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/portal/organisations/${o.ID}`} fw={600} c="indigo.9">
            {o.Name}
          </Anchor>
          {o.Default && (
            <Badge color="indigo.9" variant="filled">
              Default
            </Badge>
          )}
        </Group>
      ),
    },
    ...(writable
      ? [
          {
            key: 'actions',
            header: 'Actions',
            render: (o: OrganisationSummary) => (
              <RowMenu name={o.Name}>
                <Menu.Item component={Link} to={`/portal/organisations/${o.ID}`}>
                  Edit
                </Menu.Item>
                {!o.Default && (
                  <Menu.Item color="red.9" onClick={() => setDeleting(o)}>
                    Delete
                  </Menu.Item>
                )}
              </RowMenu>
            ),
          },
        ]
      : []),
  ];
  const filter = (rows: OrganisationSummary[]) => {
    const q = search.trim().toLowerCase();
    return q ? rows.filter((o) => o.Name.toLowerCase().includes(q)) : rows;
  };

  return (
    <>
      <PageHeader
        title="Organisations and teams"
        description="Every API consumer belongs to one organisation and to one or more of its teams. Each organisation has a default team, which new members join."
        actions={writable ? <Button onClick={() => setCreating(true)}>Add organisation</Button> : undefined}
      />
      <SearchBox label="Search organisations" placeholder="Name" value={search} onChange={setSearch} />
      <QueryView query={orgs} label="Loading organisations">
        {(data) => {
          const rows = filter(data);
          if (data.length === 0) return <EmptyState title="No organisations yet" />;
          if (rows.length === 0) return <EmptyState title="No organisation matches">No organisation's name contains “{search.trim()}”.</EmptyState>;
          return <ListTable caption="Organisations" columns={columns} rows={sortRows(rows, sort, (o) => o.Name)} rowKey={(o) => String(o.ID)} sort={sort} onSort={setSort} />;
        }}
      </QueryView>
      <NameDialog
        opened={creating}
        title="Add organisation"
        label="Organisation name"
        initial=""
        submitLabel="Create organisation"
        onClose={() => setCreating(false)}
        save={async (Name) => {
          const { data, error, response } = await api.POST('/portal-api/organisations', { body: { Name } });
          ensureOk(response, error);
          await queryClient.invalidateQueries({ queryKey: organisationsKey });
          notifyDone(`${data!.Name} created, with its default team “${data!.Teams[0]?.Name ?? ''}”`);
          void navigate(`/portal/organisations/${data!.ID}`);
        }}
        onSaved={() => setCreating(false)}
      />
      {deleting && <DeleteOrganisationDialog organisationId={deleting.ID} name={deleting.Name} opened onClose={() => setDeleting(null)} onDeleted={() => setDeleting(null)} />}
    </>
  );
}
