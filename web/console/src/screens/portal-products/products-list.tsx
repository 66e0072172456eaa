import { Anchor, Badge, Button, Menu, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ListTable, SearchBox, sortRows, type Column, type SortState } from '../../components/list-table.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { RowMenu } from '../../components/row-menu.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { DeleteProductDialog } from './product-dialogs.js';
import { useAllProducts, type ProductSummary } from './queries.js';

function matches(p: ProductSummary, q: string): boolean {
  return [p.Name, p.DisplayName, ...p.Tags, ...p.APIDetails.map((a) => a.Name), ...p.Catalogues].some((s) => s.toLowerCase().includes(q));
}

/** /portal/products: the products API consumers find in the catalogues of the Live Portal. */
export function ProductsListPage({ user }: { user: CurrentUser }) {
  const writable = can(user, 'portal', 'write');
  const products = useAllProducts();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortState | null>({ key: 'name', direction: 'asc' });
  const [deleting, setDeleting] = useState<ProductSummary | null>(null);

  const columns: Column<ProductSummary>[] = [
    {
      key: 'name',
      header: 'Name',
      sortable: true,
      render: (p) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/portal/products/${p.ID}`} fw={600} c="indigo.9">
            {p.Name}
          </Anchor>
          {p.DisplayName !== p.Name && (
            <Text size="xs" c="dimmed" hiddenFrom="sm">
              Shown as {p.DisplayName}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'display', header: 'Display name', sortable: true, visibleFrom: 'sm', render: (p) => p.DisplayName },
    {
      key: 'apis',
      header: 'APIs',
      render: (p) =>
        p.APIDetails.length === 0 ? (
          <Text size="sm" c="dimmed">
            None
          </Text>
        ) : (
          <Text size="sm">{p.APIDetails.map((a) => a.Name).join(', ')}</Text>
        ),
    },
    {
      key: 'catalogues',
      header: 'Catalogues',
      visibleFrom: 'xs',
      render: (p) =>
        p.Catalogues.length === 0 ? (
          <Badge color="gray.7" variant="outline">
            Not published
          </Badge>
        ) : (
          <Text size="sm">{p.Catalogues.join(', ')}</Text>
        ),
    },
    ...(writable
      ? [
          {
            key: 'actions',
            header: 'Actions',
            render: (p: ProductSummary) => (
              <RowMenu name={p.Name}>
                <Menu.Item component={Link} to={`/portal/products/${p.ID}`}>
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

  return (
    <>
      <PageHeader
        title="Products"
        description="A product packages one or more of the Dashboard's APIs for API consumers, with a description, reference documentation and guides. Consumers find it in the catalogues it is published in."
        actions={
          writable ? (
            <Button component={Link} to="/portal/products/new">
              Add product
            </Button>
          ) : undefined
        }
      />
      <SearchBox label="Search products" placeholder="Name, API, tag or catalogue" value={search} onChange={setSearch} />
      <QueryView query={products} label="Loading products">
        {(data) => {
          const q = search.trim().toLowerCase();
          const rows = q ? data.filter((p) => matches(p, q)) : data;
          if (data.length === 0)
            return (
              <EmptyState title="No products yet">
                {writable ? 'Add a product to offer some of your APIs to API consumers on the Live Portal.' : 'Products offered on the Live Portal will be listed here.'}
              </EmptyState>
            );
          if (rows.length === 0) return <EmptyState title="No product matches">No product's name, APIs, tags or catalogues contain “{search.trim()}”.</EmptyState>;
          return (
            <ListTable
              caption="Products"
              columns={columns}
              rows={sortRows(rows, sort, (p, key) => (key === 'display' ? p.DisplayName : p.Name))}
              rowKey={(p) => String(p.ID)}
              sort={sort}
              onSort={setSort}
            />
          );
        }}
      </QueryView>
      {deleting && <DeleteProductDialog product={deleting} opened onClose={() => setDeleting(null)} onDeleted={() => setDeleting(null)} />}
    </>
  );
}
