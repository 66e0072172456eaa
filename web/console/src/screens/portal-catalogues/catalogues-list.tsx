import { Anchor, Badge, Button, Menu, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ensureOk } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm.js';
import { ListTable, SearchBox, sortRows, type Column, type SortState } from '../../components/list-table.js';
import { notifyDone } from '../../components/notify.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { RowMenu } from '../../components/row-menu.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { countOf } from '../portal-organisations/queries.js';
import { useRefreshOfferings } from '../portal-plans/queries.js';
import { audienceWords, cataloguesKey, useAllCatalogues, type Catalogue } from './queries.js';

export function VisibilityBadge({ visibility }: { visibility: Catalogue['VisibilityStatus'] }) {
  return visibility === 'Public' ? (
    <Badge color="teal.9" variant="filled">
      Public
    </Badge>
  ) : (
    <Badge color="gray.8" variant="outline">
      Private
    </Badge>
  );
}

/** Asks before deleting a catalogue, saying what goes and what stays. */
export function DeleteCatalogueDialog({ catalogue, onClose, onDeleted }: { catalogue: Catalogue | null; onClose: () => void; onDeleted: () => void }) {
  const queryClient = useQueryClient();
  const refresh = useRefreshOfferings();
  const remove = useMutation({
    mutationFn: async (c: Catalogue) => {
      const { error, response } = await api.DELETE('/portal-api/catalogues/{catalogueId}', { params: { path: { catalogueId: String(c.ID) } } });
      ensureOk(response, error);
    },
    onSuccess: async (_, c) => {
      notifyDone(`Catalogue ${c.Name} deleted`);
      queryClient.removeQueries({ queryKey: [...cataloguesKey, 'one', c.ID] });
      onDeleted();
      await refresh();
    },
  });
  return (
    <ConfirmDialog
      opened={catalogue !== null}
      title={`Delete catalogue ${catalogue?.Name ?? ''}?`}
      confirmLabel="Delete catalogue"
      pending={remove.isPending}
      error={remove.error}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      onConfirm={() => catalogue && remove.mutate(catalogue)}
    >
      <Stack gap="xs">
        <Text size="sm">
          The Live Portal stops showing it: its {countOf(catalogue?.ProductIDs.length ?? 0, 'product', 'products')} and {countOf(catalogue?.PlanIDs.length ?? 0, 'plan', 'plans')} are no longer offered through it.
        </Text>
        <Text size="sm" fw={600}>
          The products and plans themselves are not deleted, and credentials already issued keep working.
        </Text>
      </Stack>
    </ConfirmDialog>
  );
}

/** /portal/catalogues: which products and plans are offered, and to whom. */
export function CataloguesListPage({ user }: { user: CurrentUser }) {
  const writable = can(user, 'portal', 'write');
  const catalogues = useAllCatalogues();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortState | null>({ key: 'name', direction: 'asc' });
  const [deleting, setDeleting] = useState<Catalogue | null>(null);

  const columns: Column<Catalogue>[] = [
    {
      key: 'name',
      header: 'Name',
      sortable: true,
      render: (c) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/portal/catalogues/${c.ID}`} fw={600} c="indigo.9">
            {c.Name}
          </Anchor>
          {/* On a phone the other columns fold under the name. */}
          <Text size="xs" c="dimmed" hiddenFrom="sm">
            {c.VisibilityStatus} · {countOf(c.ProductIDs.length, 'product', 'products')} · {countOf(c.PlanIDs.length, 'plan', 'plans')}
          </Text>
        </Stack>
      ),
    },
    { key: 'visibility', header: 'Visibility', sortable: true, visibleFrom: 'sm', render: (c) => <VisibilityBadge visibility={c.VisibilityStatus} /> },
    {
      key: 'audience',
      header: 'Who sees it',
      render: (c) => (
        <Text size="sm" c={c.VisibilityStatus === 'Private' && c.OrgCatalogues.length === 0 ? 'red.9' : undefined}>
          {audienceWords(c)}
        </Text>
      ),
    },
    { key: 'products', header: 'Products', sortable: true, visibleFrom: 'sm', render: (c) => String(c.ProductIDs.length) },
    { key: 'plans', header: 'Plans', sortable: true, visibleFrom: 'sm', render: (c) => String(c.PlanIDs.length) },
    ...(writable
      ? [
          {
            key: 'actions',
            header: 'Actions',
            render: (c: Catalogue) => (
              <RowMenu name={c.Name}>
                <Menu.Item component={Link} to={`/portal/catalogues/${c.ID}`}>
                  Edit
                </Menu.Item>
                <Menu.Item color="red.9" onClick={() => setDeleting(c)}>
                  Delete
                </Menu.Item>
              </RowMenu>
            ),
          },
        ]
      : []),
  ];
  const sortValue = (c: Catalogue, key: string) =>
    key === 'visibility' ? c.VisibilityStatus : key === 'products' ? c.ProductIDs.length : key === 'plans' ? c.PlanIDs.length : c.Name;
  const filter = (rows: Catalogue[]) => {
    const q = search.trim().toLowerCase();
    return q ? rows.filter((c) => c.Name.toLowerCase().includes(q)) : rows;
  };

  return (
    <>
      <PageHeader
        title="Catalogues"
        description="What the Live Portal offers, and to whom: public catalogues are seen by every visitor, private ones by the organisations and teams you choose."
        actions={
          writable ? (
            <Button component={Link} to="/portal/catalogues/new">
              Add catalogue
            </Button>
          ) : undefined
        }
      />
      <SearchBox label="Search catalogues" placeholder="Name" value={search} onChange={setSearch} />
      <QueryView query={catalogues} label="Loading catalogues">
        {(data) => {
          const rows = filter(data);
          if (data.length === 0) {
            return (
              <EmptyState title="No catalogues yet">
                Consumers see nothing on the Live Portal until a catalogue offers them products with plans.{writable ? ' Add one to start.' : ''}
              </EmptyState>
            );
          }
          if (rows.length === 0) return <EmptyState title="No catalogue matches">No catalogue's name contains “{search.trim()}”.</EmptyState>;
          return <ListTable caption="Catalogues" columns={columns} rows={sortRows(rows, sort, sortValue)} rowKey={(c) => String(c.ID)} sort={sort} onSort={setSort} />;
        }}
      </QueryView>
      <DeleteCatalogueDialog catalogue={deleting} onClose={() => setDeleting(null)} onDeleted={() => setDeleting(null)} />
    </>
  );
}
