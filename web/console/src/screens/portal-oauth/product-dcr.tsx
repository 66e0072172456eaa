import { Alert, Button, Group, MultiSelect, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ensureOk } from '../../api.js';
import { notifyDone } from '../../components/notify.js';
import { QueryView } from '../../components/query-states.js';
import { syncProductClientTypes, useOAuthProviders, useProductClientTypes, useRefreshOAuth } from './queries.js';

/** A product's dynamic client registration: the DCR switch (Tyk's DCREnabled) and the client types clients are registered with. */
export function ProductDcrSection({ product, writable }: { product: { ID: number; DCREnabled?: unknown }; writable: boolean }) {
  const attached = useProductClientTypes(product.ID);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="dcr-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="dcr-heading">
          OAuth 2.0 clients (dynamic client registration)
        </Title>
        <QueryView query={attached} label="Loading client types">
          {(types) => <DcrForm productId={product.ID} enabled={product.DCREnabled === true} attached={types.map((t) => t.ID)} writable={writable} />}
        </QueryView>
      </Stack>
    </Paper>
  );
}

function DcrForm({ productId, enabled, attached, writable }: { productId: number; enabled: boolean; attached: number[]; writable: boolean }) {
  const providers = useOAuthProviders();
  const refresh = useRefreshOAuth();
  const queryClient = useQueryClient();
  const [dcr, setDcr] = useState(enabled);
  const [types, setTypes] = useState(attached.map(String));
  const options = (providers.data ?? []).map((p) => ({ group: p.Name, items: p.ClientTypes.map((c) => ({ value: String(c.ID), label: `${c.Name} (${p.Name})` })) }));
  const save = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.PUT('/portal-api/products/{productId}', { params: { path: { productId: String(productId) } }, body: { DCREnabled: dcr } });
      ensureOk(response, error);
      await syncProductClientTypes(productId, attached, types.map(Number));
    },
    onSuccess: async () => {
      notifyDone('Client registration saved');
      await Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: ['portal-products'] })]);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Stack gap="sm" component="form" onSubmit={submit}>
      <Text size="sm">When on, approving an access request registers an OAuth client for the app at the provider of the first client type; the consumer sees its secret once. The product’s APIs must accept the provider’s tokens (JWT).</Text>
      <Switch label="Register an OAuth client for each approved access request" checked={dcr} disabled={!writable} onChange={(e) => setDcr(e.currentTarget.checked)} />
      <MultiSelect
        label="Client types"
        description="Added under Settings > OAuth providers. Removing one rejects the pending requests that chose it (their consumers are told by email)."
        searchable
        data={options}
        value={types}
        onChange={setTypes}
        disabled={!writable}
      />
      {dcr && types.length === 0 && (
        <Alert color="yellow" title="No client type">
          Approvals are refused until a client type is attached.
        </Alert>
      )}
      {save.error && (
        <Alert color="red" role="alert" title="Not saved">
          {save.error.message}
        </Alert>
      )}
      {writable && (
        <Group>
          <Button type="submit" variant="default" loading={save.isPending}>
            Save client registration
          </Button>
        </Group>
      )}
    </Stack>
  );
}
