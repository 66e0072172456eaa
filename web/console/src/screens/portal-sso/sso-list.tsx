import { Anchor, Badge, Button, Menu, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../components/confirm.js';
import { ListTable, type Column } from '../../components/list-table.js';
import { notifyDone } from '../../components/notify.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { RowMenu } from '../../components/row-menu.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { useDeleteSsoProfile, useSsoProfiles, type SsoProfileSummary } from './queries.js';

export const STAFF_ACTION = 'GenerateOrLoginUserProfile';
export const audienceLabel = (actionType: string) => (actionType === STAFF_ACTION ? 'Staff (console)' : 'API consumers (Live Portal)');

/** Asks before deleting a profile; its sign-in button disappears from the sign-in page. */
export function DeleteProfileDialog({ profile, onClose, onDeleted }: { profile: { ID: string; Name: string } | null; onClose: () => void; onDeleted: () => void }) {
  const remove = useDeleteSsoProfile();
  return (
    <ConfirmDialog
      opened={profile !== null}
      title={`Delete single sign-on profile ${profile?.Name ?? ''}?`}
      confirmLabel="Delete profile"
      pending={remove.isPending}
      error={remove.error}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      onConfirm={() =>
        profile &&
        remove.mutate(profile.ID, {
          onSuccess: () => {
            notifyDone(`Profile ${profile.Name} deleted`);
            onDeleted();
          },
        })
      }
    >
      <Text size="sm">Its sign-in button disappears from the sign-in page. Accounts it created stay, and can sign in with a password once one is set.</Text>
    </ConfirmDialog>
  );
}

/** Settings > Single sign-on: the OpenID Connect providers staff and consumers sign in with. */
export function SsoProfilesPage({ user }: { user: CurrentUser }) {
  const writable = can(user, 'portal', 'write');
  const profiles = useSsoProfiles();
  const [deleting, setDeleting] = useState<SsoProfileSummary | null>(null);

  const columns: Column<SsoProfileSummary>[] = [
    {
      key: 'name',
      header: 'Profile',
      render: (p) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/portal/sso/${encodeURIComponent(p.ID)}`} fw={600} c="indigo.9">
            {p.Name}
          </Anchor>
          <Text size="xs" c="dimmed">
            Sign in with {p.ProviderName}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'audience',
      header: 'Signs in',
      render: (p) => (
        <Stack gap={4} align="flex-start">
          <Text size="sm">{audienceLabel(p.ActionType)}</Text>
          {p.SSOOnly && (
            <Badge color="orange.9" variant="light">
              Passwords off
            </Badge>
          )}
        </Stack>
      ),
    },
    { key: 'login', header: 'Login address', visibleFrom: 'sm', render: (p) => <Text size="sm" style={{ wordBreak: 'break-all' }}>{p.LoginURL}</Text> },
    ...(writable
      ? [
          {
            key: 'actions',
            header: 'Actions',
            render: (p: SsoProfileSummary) => (
              <RowMenu name={p.Name}>
                <Menu.Item component={Link} to={`/portal/sso/${encodeURIComponent(p.ID)}`}>
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
        title="Single sign-on"
        description="OpenID Connect providers (Keycloak, Okta, Microsoft Entra ID, Google…) that staff and API consumers sign in with. Each profile adds a “Sign in with…” button to its audience's sign-in page."
        actions={
          writable ? (
            <Button component={Link} to="/portal/sso/new">
              Add profile
            </Button>
          ) : undefined
        }
      />
      <QueryView query={profiles} label="Loading single sign-on profiles">
        {(data) =>
          data.length === 0 ? (
            <EmptyState title="No single sign-on profiles yet">Everyone signs in with a password.{writable ? ' Add a profile to connect an identity provider.' : ''}</EmptyState>
          ) : (
            <ListTable caption="Single sign-on profiles" columns={columns} rows={data} rowKey={(p) => p.ID} />
          )
        }
      </QueryView>
      <DeleteProfileDialog profile={deleting} onClose={() => setDeleting(null)} onDeleted={() => setDeleting(null)} />
    </>
  );
}
