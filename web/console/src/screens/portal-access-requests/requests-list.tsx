import { Alert, Anchor, Button, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ListTable, type Column } from '../../components/list-table.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { PER_PAGE, requesterName, useAccessRequestsPage, usePendingRequests, type AccessRequestSummary, type Decision, type RequestStatus } from './queries.js';
import { DecisionDialog, offering, RequestStatusBadge } from './request-parts.js';

/** /portal/access-requests: consumers' requests for a product on a plan, pending ones first. */
export function AccessRequestsListPage({ user }: { user: CurrentUser }) {
  const writable = can(user, 'portal', 'write');
  const [status, setStatus] = useState<RequestStatus | null>(null);
  const [page, setPage] = useState(1);
  const [deciding, setDeciding] = useState<{ request: AccessRequestSummary; decision: Decision } | null>(null);
  const requests = useAccessRequestsPage(status, page);
  const pending = usePendingRequests();
  const pendingCount = pending.data?.length ?? 0;

  const columns: Column<AccessRequestSummary>[] = [
    {
      key: 'who',
      header: 'Requested by',
      render: (r) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/portal/access-requests/${r.ID}`} fw={600} c="indigo.9" aria-label={`Access request ${r.ID} by ${requesterName(r)}`}>
            {requesterName(r)}
          </Anchor>
          <Text size="xs" c="dimmed">
            {r.Organisation || 'No organisation'}
          </Text>
          <Text size="xs" c="dimmed" hiddenFrom="sm">
            {offering(r)} · app “{r.Client}”
          </Text>
        </Stack>
      ),
    },
    { key: 'app', header: 'App', visibleFrom: 'sm', render: (r) => <Anchor component={Link} to={`/portal/apps/${r.AppID}`} c="indigo.9">{r.Client}</Anchor> },
    {
      key: 'offering',
      header: 'Product and plan',
      visibleFrom: 'sm',
      render: (r) => (
        <Stack gap={0}>
          <Text size="sm">{r.Products}</Text>
          <Text size="xs" c="dimmed">
            {r.Plan} plan
          </Text>
        </Stack>
      ),
    },
    { key: 'when', header: 'Requested', visibleFrom: 'md', render: (r) => `${r.CreatedAt} UTC` },
    {
      key: 'status',
      header: 'Status',
      render: (r) => (
        <Stack gap={2} align="flex-start">
          <RequestStatusBadge status={r.Status} />
          {r.ProvisionImmediately && (
            <Text size="xs" c="dimmed">
              At once, by the plan
            </Text>
          )}
        </Stack>
      ),
    },
    ...(writable
      ? [
          {
            key: 'actions',
            header: 'Actions',
            render: (r: AccessRequestSummary) =>
              r.Status === 'pending' ? (
                <Group gap={4} wrap="wrap" maw={{ base: 90, sm: 'none' }}>
                  <Button size="compact-sm" color="teal.9" aria-label={`Approve access request ${r.ID}`} onClick={() => setDeciding({ request: r, decision: 'approve' })}>
                    Approve
                  </Button>
                  <Button size="compact-sm" variant="default" aria-label={`Reject access request ${r.ID}`} onClick={() => setDeciding({ request: r, decision: 'reject' })}>
                    Reject
                  </Button>
                </Group>
              ) : (
                <Anchor component={Link} to={`/portal/access-requests/${r.ID}`} size="sm" c="indigo.9" aria-label={`Open access request ${r.ID}`}>
                  Open
                </Anchor>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader title="Access requests" description="Consumers ask for a product on a plan for one of their apps. Approving issues a credential (an API key) that only the consumer sees." />
      {pending.isSuccess && (
        <Alert
          color={pendingCount > 0 ? 'orange' : 'teal'}
          variant="light"
          mb="md"
          styles={{ title: { color: 'var(--mantine-color-black)' } }}
          title={pendingCount === 0 ? 'No request waits for a decision' : pendingCount === 1 ? '1 request waits for a decision' : `${pendingCount >= 100 ? '100 or more' : pendingCount} requests wait for a decision`}
        >
          <Text size="sm">{pendingCount > 0 ? 'They are listed first. Plans that approve at once never wait here.' : 'New requests are emailed to the notification address in General settings.'}</Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="md">
        <NativeSelect
          label="Status"
          value={status ?? ''}
          onChange={(e) => {
            setStatus((e.currentTarget.value || null) as RequestStatus | null);
            setPage(1);
          }}
          data={[
            { value: '', label: 'All (pending first)' },
            { value: 'pending', label: 'Pending' },
            { value: 'approved', label: 'Approved' },
            { value: 'rejected', label: 'Rejected' },
          ]}
        />
      </SimpleGrid>
      <QueryView query={requests} label="Loading access requests">
        {(rows) =>
          rows.length === 0 ? (
            page > 1 ? (
              <EmptyState title="No more requests">
                <Anchor component="button" onClick={() => setPage(1)}>
                  Back to the first page
                </Anchor>
              </EmptyState>
            ) : status !== null ? (
              <EmptyState title={`No ${status} requests`}>Choose another status to see more.</EmptyState>
            ) : (
              <EmptyState title="No access requests yet">Requests appear here when consumers ask for a product on a plan that needs approval in the Developer Portal.</EmptyState>
            )
          ) : (
            <ListTable caption="Access requests" columns={columns} rows={rows} rowKey={(r) => String(r.ID)} page={page} pages={rows.length === PER_PAGE ? page + 1 : page} onPage={setPage} />
          )
        }
      </QueryView>
      <DecisionDialog target={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}
