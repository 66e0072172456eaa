import { Anchor, Box, Code, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { formatWhen, objectOf, useAuditEntry, type AuditEntry } from './queries.js';

function ChangeValue({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Text size="sm" c="dimmed">none</Text>;
  if (typeof value === 'object') {
    const compact = JSON.stringify(value);
    if (compact.length <= 60) return <Code style={{ wordBreak: 'break-all' }}>{compact}</Code>;
    return (
      <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {JSON.stringify(value, null, 2)}
      </Code>
    );
  }
  return (
    <Text size="sm" style={{ wordBreak: 'break-all' }}>
      {String(value)}
    </Text>
  );
}

function Facts({ entry }: { entry: AuditEntry }) {
  const facts: [string, ReactNode][] = [
    ['When', formatWhen(entry.timestamp)],
    ['Who', entry.user || '–'],
    ['Action', <Code key="a">{entry.action}</Code>],
    ['Object', objectOf(entry)],
    ['IP address', entry.ip || '–'],
    ['Request', `${entry.method} ${entry.url}`.trim() || '–'],
    [
      'Result',
      <Text key="s" size="sm" fw={600} c={entry.status >= 500 ? 'red.9' : entry.status >= 400 ? 'orange.9' : 'teal.9'}>
        {entry.status}
      </Text>,
    ],
    ['Request id', entry.req_id || '–'],
  ];
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        {facts.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w={140} scope="row">
              {k}
            </Table.Th>
            <Table.Td style={{ wordBreak: 'break-all' }}>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One audit log entry: its facts and the fields it changed. */
export function AuditEntryPage() {
  const { id = '' } = useParams();
  const query = useAuditEntry(id);
  // Back to the list as it was filtered, when the entry was opened from it.
  const state: unknown = useLocation().state;
  const search = typeof state === 'object' && state !== null && typeof (state as { search?: unknown }).search === 'string' ? (state as { search: string }).search : '';
  return (
    <QueryView query={query} label="Loading the entry" notFound={{ backTo: '/audit-log', backLabel: 'Back to the audit log' }}>
      {(entry) => {
        const changes = Object.entries(entry.changes);
        return (
          <Stack gap="md" maw={900}>
            <Anchor component={Link} to={`/audit-log${search}`} size="sm">
              ← Back to the audit log
            </Anchor>
            <PageHeader title={`Audit log entry: ${entry.action}`} description={`${entry.user || 'Someone'} at ${formatWhen(entry.timestamp)}`} />
            <Facts entry={entry} />
            <Box component="section" aria-labelledby="audit-changes">
              <Title order={2} size="h4" id="audit-changes" mb="sm">
                Changes
              </Title>
              {changes.length === 0 ? (
                <EmptyState title="This entry records no changed fields" />
              ) : (
                <Table.ScrollContainer minWidth={320} scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': 'Changed fields' } }}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col" w="30%">
                          Field
                        </Table.Th>
                        <Table.Th scope="col">Value</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {changes.map(([field, value]) => (
                        <Table.Tr key={field}>
                          <Table.Th scope="row" fw={500}>
                            <Code>{field}</Code>
                          </Table.Th>
                          <Table.Td>
                            <ChangeValue value={value} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Box>
          </Stack>
        );
      }}
    </QueryView>
  );
}
