import { Anchor, Button, Loader, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ListTable, type Column } from '../../components/list-table.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { describeQuota } from '../policies/model.js';
import { isExpired, keyLabel, keyQuery, shortHash, useKeyHashes, type KeyData } from './model.js';
import { StateBadge } from '../policies/state-badge.js';

const PAGE_SIZE = 20;

interface Row {
  hash: string;
  key: KeyData | undefined;
  failed: boolean;
}

function stateOf(k: KeyData): { label: string; color: 'teal' | 'gray' | 'orange' } {
  if (k.data.is_inactive) return { label: 'Inactive', color: 'gray' };
  if (isExpired(k.data.expires)) return { label: 'Expired', color: 'orange' };
  return { label: 'Active', color: 'teal' };
}

/** /keys: the keys the user can see, listed by hash (the server never keeps the keys themselves). */
export function KeyListPage({ canWrite }: { canWrite: boolean }) {
  const hashes = useKeyHashes();
  const [page, setPage] = useState(1);
  return (
    <>
      <PageHeader
        title="Keys"
        description="Credentials for the gateway. Only a hash of each key is kept."
        actions={
          canWrite && (
            <Button component={Link} to="/keys/new">
              Create key
            </Button>
          )
        }
      />
      <QueryView query={hashes} label="Loading keys">
        {(all) =>
          all.length === 0 ? (
            <EmptyState title="No keys yet">{canWrite ? 'Create a key to let a client call your APIs through the gateway.' : 'There is no key you can see.'}</EmptyState>
          ) : (
            <KeyPage hashes={all} page={page} onPage={setPage} />
          )
        }
      </QueryView>
    </>
  );
}

function KeyPage({ hashes, page, onPage }: { hashes: string[]; page: number; onPage: (p: number) => void }) {
  const pages = Math.max(1, Math.ceil(hashes.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = hashes.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const details = useQueries({ queries: shown.map((h) => keyQuery(h)) });
  const rows: Row[] = shown.map((hash, i) => ({ hash, key: details[i]?.data, failed: details[i]?.isError ?? false }));

  const pending = (r: Row) => (r.failed ? <Text size="sm" c="dimmed">Could not load</Text> : <Loader size="xs" aria-label="Loading the key" />);
  const columns: Column<Row>[] = [
    {
      key: 'alias',
      header: 'Key',
      render: (r) => (
        <Anchor component={Link} to={`/keys/${encodeURIComponent(r.hash)}`}>
          {r.key ? keyLabel(r.key) : `Key ${shortHash(r.hash)}`}
        </Anchor>
      ),
    },
    {
      key: 'hash',
      header: 'Hash',
      visibleFrom: 'md',
      render: (r) => (
        <Text span ff="monospace" size="sm" title={r.hash}>
          {shortHash(r.hash)}
        </Text>
      ),
    },
    {
      key: 'apis',
      header: 'APIs',
      render: (r) =>
        r.key
          ? Object.values(r.key.data.access_rights)
              .map((a) => a.api_name ?? a.api_id ?? '')
              .join(', ') || '—'
          : pending(r),
    },
    { key: 'quota', header: 'Quota', visibleFrom: 'sm', render: (r) => (r.key ? describeQuota(r.key.data) : pending(r)) },
    {
      key: 'state',
      header: 'State',
      render: (r) => {
        if (!r.key) return pending(r);
        const s = stateOf(r.key);
        return (
          <StateBadge color={s.color}>
            {s.label}
          </StateBadge>
        );
      },
    },
  ];
  return <ListTable caption="Keys" columns={columns} rows={rows} rowKey={(r) => r.hash} page={current} pages={pages} onPage={onPage} />;
}
