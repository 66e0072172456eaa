import { Anchor, Autocomplete, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { ListTable, type Column } from '../../components/list-table.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { activeFilters, csvHref, FILTER_NAMES, formatWhen, KNOWN_ACTIONS, NO_FILTERS, OBJECT_TYPES, objectOf, useAuditLog, type AuditEntry, type AuditFilters } from './queries.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters and the page, kept in the address (shareable, and the back button returns to them). */
function useFilterParams() {
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = { ...NO_FILTERS };
  for (const k of FILTER_NAMES) filters[k] = params.get(k) ?? '';
  const page = Math.max(1, Number.parseInt(params.get('p') ?? '1', 10) || 1);
  const apply = (next: AuditFilters, nextPage = 1) => {
    const p = new URLSearchParams(activeFilters(next));
    if (nextPage > 1) p.set('p', String(nextPage));
    setParams(p);
  };
  return { filters, page, apply };
}

function FilterForm({ filters, onApply }: { filters: AuditFilters; onApply: (f: AuditFilters) => void }) {
  const [draft, setDraft] = useState(filters);
  const [shown, setShown] = useState(filters);
  // The address changed (back button, clear): show what it says.
  if (FILTER_NAMES.some((k) => shown[k] !== filters[k])) {
    setShown(filters);
    setDraft(filters);
  }
  const set = (k: keyof AuditFilters) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const badRange = ISO_DAY.test(draft.from_date) && ISO_DAY.test(draft.to_date) && draft.to_date < draft.from_date;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!badRange) onApply(draft);
  };
  const anyFilter = Object.keys(activeFilters(filters)).length > 0;

  return (
    <Paper withBorder p="md" radius="md" component="form" aria-label="Filter the audit log" onSubmit={submit}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <TextInput label="User" description="Email of who acted" type="email" value={draft.user} onChange={(e) => set('user')(e.currentTarget.value)} />
        <Autocomplete label="Action" description="e.g. api.create" data={KNOWN_ACTIONS} value={draft.action} onChange={set('action')} limit={30} />
        <TextInput label="IP address" description="Exact client address" value={draft.ip} onChange={(e) => set('ip')(e.currentTarget.value)} />
        <Autocomplete label="Object type" description="e.g. api, policy, key, user" data={OBJECT_TYPES} value={draft.target_type} onChange={set('target_type')} />
        <TextInput label="Object id" description="Exact id of the object" value={draft.target_id} onChange={(e) => set('target_id')(e.currentTarget.value)} />
        <DateInput
          label="From"
          description="UTC day"
          valueFormat="YYYY-MM-DD"
          clearable
          value={draft.from_date || null}
          onChange={(v) => set('from_date')(v ? v.slice(0, 10) : '')}
        />
        <DateInput
          label="To"
          description="UTC day, included"
          valueFormat="YYYY-MM-DD"
          clearable
          value={draft.to_date || null}
          onChange={(v) => set('to_date')(v ? v.slice(0, 10) : '')}
          error={badRange ? 'Must not be before the start' : undefined}
        />
      </SimpleGrid>
      <Group gap="xs" mt="md">
        <Button type="submit">Apply filters</Button>
        {anyFilter && (
          <Button variant="default" onClick={() => onApply(NO_FILTERS)}>
            Clear filters
          </Button>
        )}
      </Group>
    </Paper>
  );
}

function statusColor(status: number): string {
  if (status >= 500) return 'red.9';
  if (status >= 400) return 'orange.9';
  return 'teal.9';
}

/** The table's columns; an entry's link remembers the filters, so its page can lead back to them. */
const columnsFor = (search: string): Column<AuditEntry>[] => [
  {
    key: 'action',
    header: 'Action',
    render: (e) => (
      <Anchor component={Link} to={`/audit-log/${e._id}`} state={{ search }} size="sm" ff="monospace">
        {e.action}
      </Anchor>
    ),
  },
  { key: 'when', header: 'When', render: (e) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatWhen(e.timestamp)}</Text> },
  { key: 'user', header: 'Who', render: (e) => e.user || '–' },
  {
    key: 'object',
    header: 'Object',
    visibleFrom: 'sm',
    // The object links to every entry about it.
    render: (e) => (
      <Anchor
        component={Link}
        to={`/audit-log?${new URLSearchParams({ target_type: e.target_type, target_id: e.target_id }).toString()}`}
        size="sm"
        c="indigo.9"
        style={{ wordBreak: 'break-all' }}
        aria-label={`Entries about ${objectOf(e)}`}
      >
        {objectOf(e)}
      </Anchor>
    ),
  },
  { key: 'ip', header: 'IP address', visibleFrom: 'md', render: (e) => e.ip || '–' },
  {
    key: 'status',
    header: 'Result',
    visibleFrom: 'md',
    render: (e) => (
      <Text size="sm" fw={600} c={statusColor(e.status)}>
        {e.status}
      </Text>
    ),
  },
];

/** The audit log: who changed what and when, filtered, a page at a time, and as CSV. */
export function AuditLogPage() {
  const { filters, page, apply } = useFilterParams();
  const query = useAuditLog(filters, page);
  const filtered = Object.keys(activeFilters(filters)).length > 0;
  const { search } = useLocation();

  return (
    <Stack gap="md" maw={1200}>
      <PageHeader
        title="Audit log"
        description="Every change and every sign-in, newest first. Times are UTC. Secrets never appear here."
        actions={
          <Button component="a" href={csvHref(filters)} download="audit-log.csv" variant="default">
            {filtered ? 'Download CSV of these entries' : 'Download CSV'}
          </Button>
        }
      />
      <FilterForm filters={filters} onApply={(f) => apply(f)} />
      <QueryView query={query} label="Loading the audit log">
        {(data) =>
          data.audit_logs.length === 0 ? (
            <EmptyState title={filtered ? 'No entry matches these filters' : 'The audit log is empty'}>
              {filtered ? 'Change or clear the filters to see more.' : 'Changes and sign-ins appear here as they happen.'}
            </EmptyState>
          ) : (
            <ListTable
              caption={filtered ? 'Audit log entries matching the filters, newest first' : 'Audit log entries, newest first'}
              columns={columnsFor(search)}
              rows={data.audit_logs}
              rowKey={(e) => e._id}
              page={page}
              pages={data.pages}
              onPage={(p) => apply(filters, p)}
            />
          )
        }
      </QueryView>
    </Stack>
  );
}
