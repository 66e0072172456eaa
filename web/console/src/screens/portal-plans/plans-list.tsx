import { Anchor, Button, Menu, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { planWords } from '@portcullis/web-shared';
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
import { useAllCatalogues } from '../portal-catalogues/queries.js';
import { countOf } from '../portal-organisations/queries.js';
import { plansKey, useAllPlans, useRefreshOfferings, type Plan } from './queries.js';

/** The catalogues' names by id, for showing where a plan is offered. */
export function useCatalogueNames(): Map<number, string> {
  const catalogues = useAllCatalogues();
  return new Map((catalogues.data ?? []).map((c) => [c.ID, c.Name]));
}

/** Asks before deleting a plan; a refusal (access requests use it) stays in the dialog. */
export function DeletePlanDialog({ plan, onClose, onDeleted }: { plan: Plan | null; onClose: () => void; onDeleted: () => void }) {
  const queryClient = useQueryClient();
  const refresh = useRefreshOfferings();
  const remove = useMutation({
    mutationFn: async (p: Plan) => {
      const { error, response } = await api.DELETE('/portal-api/plans/{planId}', { params: { path: { planId: String(p.ID) } } });
      ensureOk(response, error);
    },
    onSuccess: async (_, p) => {
      notifyDone(`Plan ${p.DisplayName} deleted`);
      queryClient.removeQueries({ queryKey: [...plansKey, 'one', p.ID] });
      onDeleted();
      await refresh();
    },
  });
  return (
    <ConfirmDialog
      opened={plan !== null}
      title={`Delete plan ${plan?.DisplayName ?? ''}?`}
      confirmLabel="Delete plan"
      pending={remove.isPending}
      error={remove.error}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      onConfirm={() => plan && remove.mutate(plan)}
    >
      <Stack gap="xs">
        <Text size="sm">
          {plan && plan.Catalogues.length > 0
            ? `It is taken out of its ${countOf(plan.Catalogues.length, 'catalogue', 'catalogues')}: consumers can no longer ask for access with it.`
            : 'No catalogue offers it.'}
        </Text>
        <Text size="sm" fw={600}>
          Credentials already issued with it keep working. A plan that access requests refer to cannot be deleted.
        </Text>
      </Stack>
    </ConfirmDialog>
  );
}

/** /portal/plans: the limits consumers may choose, each in the words they will read. */
export function PlansListPage({ user }: { user: CurrentUser }) {
  const writable = can(user, 'portal', 'write');
  const plans = useAllPlans();
  const catalogueNames = useCatalogueNames();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortState | null>({ key: 'name', direction: 'asc' });
  const [deleting, setDeleting] = useState<Plan | null>(null);

  const offeredIn = (p: Plan) => p.Catalogues.map((id) => catalogueNames.get(id) ?? `Catalogue ${id}`).join(', ');
  const columns: Column<Plan>[] = [
    {
      key: 'name',
      header: 'Plan',
      sortable: true,
      render: (p) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/portal/plans/${p.ID}`} fw={600} c="indigo.9">
            {p.DisplayName}
          </Anchor>
          {p.DisplayName !== p.Name && (
            <Text size="xs" c="dimmed">
              {p.Name}
            </Text>
          )}
          <Text size="xs" c="dimmed" hiddenFrom="sm">
            {p.Catalogues.length === 0 ? 'No catalogue yet' : `Offered in ${offeredIn(p)}`}
          </Text>
        </Stack>
      ),
    },
    { key: 'terms', header: 'What consumers get', render: (p) => <Text size="sm">{planWords(p)}</Text> },
    {
      key: 'catalogues',
      header: 'Offered in',
      visibleFrom: 'sm',
      render: (p) =>
        p.Catalogues.length === 0 ? (
          <Text size="sm" c="dimmed">
            No catalogue yet
          </Text>
        ) : (
          <Text size="sm">{offeredIn(p)}</Text>
        ),
    },
    ...(writable
      ? [
          {
            key: 'actions',
            header: 'Actions',
            render: (p: Plan) => (
              <RowMenu name={p.DisplayName}>
                <Menu.Item component={Link} to={`/portal/plans/${p.ID}`}>
                  Edit
                </Menu.Item>
                <Menu.Item color="red.9" onClick={() => setDeleting(p)}>
                  Delete
                </Menu.Item>
              </RowMenu>
            ),
          },
        ]
      : []),
  ];
  const filter = (rows: Plan[]) => {
    const q = search.trim().toLowerCase();
    return q ? rows.filter((p) => p.Name.toLowerCase().includes(q) || p.DisplayName.toLowerCase().includes(q)) : rows;
  };

  return (
    <>
      <PageHeader
        title="Plans"
        description="The limits consumers choose from when they ask for access to a product, in the words they will read."
        actions={
          writable ? (
            <Button component={Link} to="/portal/plans/new">
              Add plan
            </Button>
          ) : undefined
        }
      />
      <SearchBox label="Search plans" placeholder="Name" value={search} onChange={setSearch} />
      <QueryView query={plans} label="Loading plans">
        {(data) => {
          const rows = filter(data);
          if (data.length === 0) {
            return <EmptyState title="No plans yet">Consumers choose a plan when they ask for access to a product.{writable ? ' Add one to start.' : ''}</EmptyState>;
          }
          if (rows.length === 0) return <EmptyState title="No plan matches">No plan's name contains “{search.trim()}”.</EmptyState>;
          return <ListTable caption="Plans" columns={columns} rows={sortRows(rows, sort, (p) => p.DisplayName)} rowKey={(p) => String(p.ID)} sort={sort} onSort={setSort} />;
        }}
      </QueryView>
      <DeletePlanDialog plan={deleting} onClose={() => setDeleting(null)} onDeleted={() => setDeleting(null)} />
    </>
  );
}
