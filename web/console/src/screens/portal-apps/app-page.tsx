import { Anchor, Button, Menu, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { idFrom } from '../../route-params.js';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ListTable, type Column } from '../../components/list-table.js';
import { Detail } from '../../components/detail.js';
import { NotFoundPage, PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { RowMenu } from '../../components/row-menu.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { CredentialsTable, RequestStatusBadge } from '../portal-access-requests/request-parts.js';
import { CredentialConfirm, DeleteAppConfirm, type CredentialAction } from './app-dialogs.js';
import { ownerName, useApp, VISIBILITY, type App, type AppCredential, type AppRequest } from './queries.js';

const BACK = { backTo: '/portal/apps', backLabel: 'Back to apps' };

/** /portal/apps/:id: the app, its owner, its access requests and credentials (rotate, revoke). */
export function AppPage({ user }: { user: CurrentUser }) {
  const { id = '' } = useParams();
  const numeric = idFrom(id);
  const app = useApp(numeric);
  if (numeric === null) return <NotFoundPage {...BACK} />;
  return (
    <QueryView query={app} label="Loading the app" notFound={BACK}>
      {(a) => <AppDetails app={a} writable={can(user, 'portal', 'write')} />}
    </QueryView>
  );
}

function AppDetails({ app, writable }: { app: App; writable: boolean }) {
  const navigate = useNavigate();
  const [confirm, setConfirm] = useState<CredentialAction | null>(null);
  const [deleting, setDeleting] = useState(false);
  const requestOf = new Map<number, AppRequest>(app.AccessRequests.map((r) => [r.ID, r]));
  const credentials: AppCredential[] = app.AccessRequests.flatMap((r) => r.Credentials);
  const offer = (c: AppCredential) => {
    const r = requestOf.get(c.AccessRequestID);
    return { product: r?.Products.join(', ') ?? '', plan: r?.Plan ?? '' };
  };
  const requestColumns: Column<AppRequest>[] = [
    {
      key: 'request',
      header: 'Request',
      render: (r) => (
        <Anchor component={Link} to={`/portal/access-requests/${r.ID}`} c="indigo.9" size="sm">
          Access request {r.ID}
        </Anchor>
      ),
    },
    { key: 'offering', header: 'Product and plan', render: (r) => `${r.Products.join(', ')} (${r.Plan} plan)` },
    { key: 'when', header: 'Requested', visibleFrom: 'sm', render: (r) => `${r.CreatedAt} UTC` },
    { key: 'status', header: 'Status', render: (r) => <RequestStatusBadge status={r.Status} /> },
  ];
  return (
    <Stack gap="md" maw={960}>
      <PageHeader
        title={app.Name}
        description={app.Description || undefined}
        actions={
          writable ? (
            <Button color="red.9" variant="outline" onClick={() => setDeleting(true)}>
              Delete app
            </Button>
          ) : undefined
        }
      />
      <Paper withBorder p="md" radius="md">
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
          <Detail label="Owner">
            {ownerName(app)} ({app.UserEmail})
          </Detail>
          <Detail label="Organisation">{app.Organisation || 'None'}</Detail>
          <Detail label="Who sees it in the Developer Portal">{VISIBILITY[app.Visibility]}</Detail>
          <Detail label="Created">{app.CreatedAt} UTC</Detail>
        </SimpleGrid>
      </Paper>
      <Title order={2} size="h4">
        Credentials
      </Title>
      <Text size="sm" c="dimmed">
        The app’s API keys, one per approved access request. Keys are never shown here: only {ownerName(app)} sees theirs, once.
      </Text>
      <CredentialsTable
        credentials={credentials}
        caption={`Credentials of ${app.Name}`}
        extra={{ key: 'offering', header: 'Product and plan', render: (c) => `${offer(c).product} (${offer(c).plan} plan)` }}
        actions={
          writable
            ? (c) => (
                <RowMenu name={`credential ${c.ID}`}>
                  <Menu.Item disabled={c.CredentialHash === '' && !c.Revealed} onClick={() => setConfirm({ action: 'rotate', credential: c, ...offer(c) })}>
                    Rotate
                  </Menu.Item>
                  <Menu.Item color="red.9" onClick={() => setConfirm({ action: 'revoke', credential: c, ...offer(c) })}>
                    Revoke
                  </Menu.Item>
                </RowMenu>
              )
            : undefined
        }
      />
      <Title order={2} size="h4">
        Access requests
      </Title>
      {app.AccessRequests.length === 0 ? (
        <EmptyState title="No access requests">The owner has not asked for any product for this app yet.</EmptyState>
      ) : (
        <ListTable caption={`Access requests of ${app.Name}`} columns={requestColumns} rows={app.AccessRequests} rowKey={(r) => String(r.ID)} />
      )}
      <Anchor component={Link} to="/portal/apps">
        Back to apps
      </Anchor>
      <CredentialConfirm app={{ ID: app.ID, Name: app.Name, UserName: app.UserName, UserEmail: app.UserEmail }} target={confirm} onClose={() => setConfirm(null)} />
      <DeleteAppConfirm app={{ ID: app.ID, Name: app.Name, credentials: credentials.length }} opened={deleting} onClose={() => setDeleting(false)} onDeleted={() => void navigate('/portal/apps')} />
    </Stack>
  );
}
