import { Group, Pagination, Table, TextInput, UnstyledButton, VisuallyHidden, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Column<Row> {
  /** A stable key; also the sort key when `sortable`. */
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  sortable?: boolean;
  /** Hidden below this width (Mantine breakpoint) to keep phones readable. */
  visibleFrom?: 'xs' | 'sm' | 'md' | 'lg';
}

export interface SortState {
  key: string;
  direction: 'asc' | 'desc';
}

/** Flips the direction when the same column is chosen again. */
export function nextSort(current: SortState | null, key: string): SortState {
  if (current?.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: 'asc' };
}

/**
 * A list screen's table: a caption for screen readers, sortable headers
 * (buttons announcing their order through aria-sort), one row per item, and
 * pagination. Loading, error and empty states belong to the caller (QueryView,
 * EmptyState), so the table only ever shows rows.
 */
export function ListTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  sort,
  onSort,
  page,
  pages,
  onPage,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  sort?: SortState | null;
  onSort?: (sort: SortState) => void;
  page?: number;
  pages?: number;
  onPage?: (page: number) => void;
}) {
  return (
    <>
      {/* The scroll area takes keyboard focus so a table wider than a phone can be scrolled without a mouse. */}
      <Table.ScrollContainer minWidth={320} scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': caption } }}>
        <Table striped highlightOnHover verticalSpacing="xs">
          <VisuallyHidden component="caption">{caption}</VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => {
                const active = sort?.key === c.key;
                const ariaSort = active ? (sort!.direction === 'asc' ? 'ascending' : 'descending') : c.sortable ? 'none' : undefined;
                return (
                  <Table.Th key={c.key} scope="col" aria-sort={ariaSort} visibleFrom={c.visibleFrom}>
                    {c.sortable && onSort ? (
                      <UnstyledButton onClick={() => onSort(nextSort(sort ?? null, c.key))} fw={700} fz="sm">
                        {c.header}
                        <Text component="span" aria-hidden c="dimmed" ml={4}>
                          {active ? (sort!.direction === 'asc' ? '▲' : '▼') : '↕'}
                        </Text>
                      </UnstyledButton>
                    ) : (
                      c.header
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((c) => (
                  <Table.Td key={c.key} visibleFrom={c.visibleFrom}>
                    {c.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages !== undefined && pages > 1 && page !== undefined && onPage && (
        <Group justify="center" mt="md">
          <Pagination total={pages} value={page} onChange={onPage} getControlProps={(control) => ({ 'aria-label': `${control} page` })} getItemProps={(p) => ({ 'aria-label': `Page ${p}` })} />
        </Group>
      )}
    </>
  );
}

/** The search box above a list; labelled for screen readers and sighted users alike. */
export function SearchBox({ label, value, onChange, placeholder }: { label: string; value: string; onChange: (value: string) => void; placeholder?: string }) {
  return <TextInput label={label} type="search" value={value} placeholder={placeholder} onChange={(e) => onChange(e.currentTarget.value)} maw={360} mb="sm" />;
}

/** Sorts rows by a column's value on the client, for lists the server returns whole. */
export function sortRows<Row>(rows: Row[], sort: SortState | null | undefined, value: (row: Row, key: string) => string | number | boolean | null | undefined): Row[] {
  if (!sort) return rows;
  const factor = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a, sort.key) ?? '';
    const vb = value(b, sort.key) ?? '';
    if (typeof va === 'string' && typeof vb === 'string') return va.localeCompare(vb, undefined, { sensitivity: 'base', numeric: true }) * factor;
    return (va < vb ? -1 : va > vb ? 1 : 0) * factor;
  });
}
