import { Alert, Button, Code, Group, MultiSelect, NativeSelect, Paper, PasswordInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ensureOk } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm.js';
import { errorFor } from '../../components/field-errors.js';
import { notifyDone } from '../../components/notify.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { can, isAdmin } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { useOAuthProviders, useRefreshOAuth, type OAuthProvider } from './queries.js';

const PROVIDER_TYPES = ['Keycloak', 'Okta', 'Gluu', 'Other'] as const;
const GRANTS = ['client_credentials', 'authorization_code', 'pkce', 'refresh_token', 'device_code', 'password', 'implicit'];
const RESPONSES = ['none', 'code', 'token', 'id_token'];

/** /portal/oauth-providers: identity providers clients are registered at (dynamic client registration), and their client types. */
export function OAuthProvidersPage({ user }: { user: CurrentUser }) {
  const writable = can(user, 'portal', 'write') && isAdmin(user);
  const providers = useOAuthProviders();
  const [deleting, setDeleting] = useState<OAuthProvider | null>(null);
  return (
    <>
      <PageHeader
        title="OAuth providers"
        description="Identity providers that register an OAuth 2.0 client for each approved access request to a product with dynamic client registration (DCR)."
      />
      <Stack gap="lg">
        <QueryView query={providers} label="Loading OAuth providers">
          {(data) =>
            data.length === 0 ? (
              <EmptyState title="No OAuth providers yet">Add one to offer products whose consumers get OAuth clients instead of keys.</EmptyState>
            ) : (
              <Stack gap="md">
                {data.map((p) => (
                  <ProviderCard key={p.ID} provider={p} writable={writable} onDelete={() => setDeleting(p)} />
                ))}
              </Stack>
            )
          }
        </QueryView>
        {writable && <AddProvider />}
      </Stack>
      <DeleteProviderDialog provider={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

function AddProvider() {
  const refresh = useRefreshOAuth();
  const [draft, setDraft] = useState({ Name: '', Type: 'Keycloak' as (typeof PROVIDER_TYPES)[number], WellKnownURL: '', RegistrationAccessToken: '' });
  const create = useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.POST('/portal-api/oauth-providers', {
        body: { Name: draft.Name.trim(), Type: draft.Type, WellKnownURL: draft.WellKnownURL.trim(), ...(draft.RegistrationAccessToken ? { RegistrationAccessToken: draft.RegistrationAccessToken } : {}) },
      });
      ensureOk(response, error);
      return data!;
    },
    onSuccess: async (p) => {
      notifyDone(`OAuth provider ${p.Name} added`);
      setDraft({ Name: '', Type: 'Keycloak', WellKnownURL: '', RegistrationAccessToken: '' });
      await refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} aria-labelledby="add-provider">
      <Stack gap="sm">
        <Title order={2} size="h4" id="add-provider">
          Add an OAuth provider
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Name" required value={draft.Name} onChange={(e) => setDraft({ ...draft, Name: e.currentTarget.value })} error={errorFor(create.error, 'Name')} />
          <NativeSelect label="Type" data={[...PROVIDER_TYPES]} value={draft.Type} onChange={(e) => setDraft({ ...draft, Type: e.currentTarget.value as (typeof PROVIDER_TYPES)[number] })} />
        </SimpleGrid>
        <TextInput
          label="Discovery URL"
          description="The provider's OpenID Connect discovery document (…/.well-known/openid-configuration); its registration endpoint is used."
          required
          value={draft.WellKnownURL}
          onChange={(e) => setDraft({ ...draft, WellKnownURL: e.currentTarget.value })}
          error={errorFor(create.error, 'WellKnownURL')}
        />
        <PasswordInput
          label="Initial access token"
          description="The token the provider requires to register clients. Stored encrypted, never shown again."
          value={draft.RegistrationAccessToken}
          onChange={(e) => setDraft({ ...draft, RegistrationAccessToken: e.currentTarget.value })}
          error={errorFor(create.error, 'RegistrationAccessToken')}
          autoComplete="off"
        />
        {create.error && !errorFor(create.error, 'Name') && !errorFor(create.error, 'WellKnownURL') && (
          <Alert color="red" role="alert" title="The provider was not added">
            {create.error.message}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={create.isPending}>
            Add provider
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ProviderCard({ provider: p, writable, onDelete }: { provider: OAuthProvider; writable: boolean; onDelete: () => void }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`provider-${p.ID}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4" id={`provider-${p.ID}`}>
              {p.Name}
            </Title>
            <Text size="sm">
              {p.Type} · <Code>{p.WellKnownURL}</Code>
            </Text>
          </Stack>
          {writable && (
            <Button size="xs" variant="outline" color="red.9" onClick={onDelete}>
              Delete provider
            </Button>
          )}
        </Group>
        {p.ClientTypes.length === 0 ? (
          <Text size="sm" c="dimmed">
            No client types yet: products need one to register clients.
          </Text>
        ) : (
          <Table>
            <Table.Caption>Client types of {p.Name}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Client type</Table.Th>
                <Table.Th>Grant types</Table.Th>
                <Table.Th>Response types</Table.Th>
                <Table.Th>Token endpoint authentication</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.ClientTypes.map((c) => (
                <Table.Tr key={c.ID}>
                  <Table.Td>{c.Name}</Table.Td>
                  <Table.Td>{c.GrantType}</Table.Td>
                  <Table.Td>{c.ResponseTypes}</Table.Td>
                  <Table.Td>{c.TokenEndpointAuthMethod}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {writable && <AddClientType provider={p} />}
      </Stack>
    </Paper>
  );
}

function AddClientType({ provider }: { provider: OAuthProvider }) {
  const refresh = useRefreshOAuth();
  const [name, setName] = useState('');
  const [grants, setGrants] = useState<string[]>(['client_credentials']);
  const [responses, setResponses] = useState<string[]>(['none']);
  const [auth, setAuth] = useState<'client_secret_basic' | 'client_secret_post'>('client_secret_basic');
  const create = useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.POST('/portal-api/oauth-providers/{providerId}/client-types', {
        params: { path: { providerId: String(provider.ID) } },
        body: { Name: name.trim(), GrantType: grants.join(','), ResponseTypes: responses.join(','), TokenEndpointAuthMethod: auth },
      });
      ensureOk(response, error);
      return data!;
    },
    onSuccess: async (c) => {
      notifyDone(`Client type ${c.Name} added`);
      setName('');
      await refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Stack gap="xs" component="form" onSubmit={submit} aria-label={`Add a client type to ${provider.Name}`}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label="Client type name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errorFor(create.error, 'Name')} />
        <NativeSelect
          label="Token endpoint authentication"
          data={['client_secret_basic', 'client_secret_post']}
          value={auth}
          onChange={(e) => setAuth(e.currentTarget.value as 'client_secret_basic' | 'client_secret_post')}
        />
        <MultiSelect label="Grant types" data={GRANTS} value={grants} onChange={setGrants} error={errorFor(create.error, 'GrantType')} />
        <MultiSelect label="Response types" data={RESPONSES} value={responses} onChange={setResponses} error={errorFor(create.error, 'ResponseTypes')} />
      </SimpleGrid>
      {create.error && !errorFor(create.error, 'Name') && !errorFor(create.error, 'GrantType') && !errorFor(create.error, 'ResponseTypes') && (
        <Alert color="red" role="alert" title="The client type was not added">
          {create.error.message}
        </Alert>
      )}
      <Group>
        <Button type="submit" variant="default" loading={create.isPending}>
          Add client type
        </Button>
      </Group>
    </Stack>
  );
}

function DeleteProviderDialog({ provider, onClose }: { provider: OAuthProvider | null; onClose: () => void }) {
  const refresh = useRefreshOAuth();
  const remove = useMutation({
    mutationFn: async (p: OAuthProvider) => {
      const { error, response } = await api.DELETE('/portal-api/oauth-providers/{providerId}', { params: { path: { providerId: String(p.ID) }, query: { force: true } } });
      ensureOk(response, error);
    },
    onSuccess: async (_, p) => {
      notifyDone(`OAuth provider ${p.Name} deleted`);
      onClose();
      await refresh();
    },
  });
  return (
    <ConfirmDialog
      opened={provider !== null}
      title={`Delete OAuth provider ${provider?.Name ?? ''}?`}
      confirmLabel="Delete provider"
      pending={remove.isPending}
      error={remove.error}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      onConfirm={() => provider && remove.mutate(provider)}
    >
      <Text size="sm">Its client types go with it and are detached from the products that use them. Clients already registered stay valid at the provider.</Text>
    </ConfirmDialog>
  );
}
