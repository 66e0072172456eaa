import { Alert, Button, Checkbox, Group, MultiSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ensureOk } from '../../api.js';
import { errorFor } from '../../components/field-errors.js';
import { ErrorBlock, LoadingBlock } from '../../components/query-states.js';
import { AccessRightsEditor } from '../policies/access-rights-editor.js';
import { draftToLimits, LimitsFields, limitsToDraft, type LimitsDraft } from '../policies/limits-fields.js';
import { usePolicies } from '../policies/list.js';
import { draftsToRights, fieldShown, keysKey, rightsToDrafts, type Policy, type RightDraft } from '../policies/model.js';
import type { CreatedKey, KeyData, KeyInput } from './model.js';

const FIELDS = ['alias', 'apply_policies', 'access_rights', 'rate', 'per', 'quota_max', 'quota_renewal_rate', 'expires', 'is_inactive'] as const;

/** Unix seconds as the value of a datetime-local input (local time, minutes). */
function toLocalInput(seconds: number): string {
  const d = new Date(seconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(value: string): number | null {
  if (value === '') return null;
  const t = new Date(value).getTime();
  return Number.isNaN(t) ? null : Math.floor(t / 1000);
}


/**
 * Whether a key's limits in force look like those of its policies (the reply
 * shows the limits in force, not which of them are the key's own).
 */
function limitsFromPolicies(key: KeyData | undefined, policies: Policy[] | undefined): boolean {
  if (!key) return true;
  if (key.data.apply_policies.length === 0 || !policies) return false;
  const applied = policies.filter((p) => key.data.apply_policies.includes(p._id));
  const rateFrom = !(key.data.rate > 0) || applied.some((p) => p.rate === key.data.rate && p.per === key.data.per);
  const quotaFrom = applied.some((p) => p.quota_max === key.data.quota_max && p.quota_renewal_rate === key.data.quota_renewal_rate);
  return applied.length > 0 && rateFrom && quotaFrom;
}

/** Creates a key (no `existing`) or changes one. */
export function KeyForm({
  existing,
  canReadPolicies,
  onCreated,
  onSaved,
  onCancel,
}: {
  existing?: KeyData;
  canReadPolicies: boolean;
  onCreated?: (created: CreatedKey) => void;
  onSaved?: (saved: KeyData) => void;
  onCancel: () => void;
}) {
  const policies = usePolicies(canReadPolicies);
  if (canReadPolicies && policies.isPending) return <LoadingBlock label="Loading policies" />;
  if (canReadPolicies && policies.isError) return <ErrorBlock error={policies.error} onRetry={() => void policies.refetch()} />;
  return (
    <KeyFormFields
      existing={existing}
      policies={canReadPolicies ? policies.data : undefined}
      onCreated={onCreated}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}

function KeyFormFields({
  existing,
  policies,
  onCreated,
  onSaved,
  onCancel,
}: {
  existing?: KeyData;
  policies: Policy[] | undefined;
  onCreated?: (created: CreatedKey) => void;
  onSaved?: (saved: KeyData) => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const k = existing?.data;
  const [alias, setAlias] = useState(k?.alias ?? '');
  const [applied, setApplied] = useState<string[]>(k?.apply_policies ?? []);
  const [rights, setRights] = useState<RightDraft[]>(() => rightsToDrafts(k?.access_rights));
  const [usePolicyLimits, setUsePolicyLimits] = useState(() => limitsFromPolicies(existing, policies));
  const [limits, setLimits] = useState<LimitsDraft>(() => limitsToDraft(k ?? { rate: 0, per: 0, quota_max: -1, quota_renewal_rate: -1 }));
  const [never, setNever] = useState(!(k && k.expires > 0));
  const [expiresAt, setExpiresAt] = useState(k && k.expires > 0 ? toLocalInput(k.expires) : toLocalInput(Math.floor(Date.now() / 1000) + 30 * 86_400));
  const [inactive, setInactive] = useState(k?.is_inactive ?? false);
  const [expiryError, setExpiryError] = useState<string | null>(null);

  const policyLimits = usePolicyLimits && applied.length > 0;

  const save = useMutation({
    mutationFn: async (): Promise<{ created?: CreatedKey; saved?: KeyData }> => {
      const body: KeyInput = {
        ...(k ? { meta_data: k.meta_data, tags: k.tags } : {}),
        alias: alias.trim(),
        access_rights: draftsToRights(rights),
        ...(policies ? { apply_policies: applied } : {}),
        ...(policyLimits ? { rate: 0, per: 0, quota_max: 0, quota_renewal_rate: 0 } : draftToLimits(limits)),
        expires: never ? 0 : (fromLocalInput(expiresAt) ?? 0),
        is_inactive: inactive,
      };
      if (existing) {
        const { data, error, response } = await api.PUT('/api/keys/{keyId}', { params: { path: { keyId: existing.key_id } }, body });
        ensureOk(response, error);
        return { saved: data! };
      }
      const { data, error, response } = await api.POST('/api/keys', { body });
      ensureOk(response, error);
      return { created: data! };
    },
    onSuccess: async ({ created, saved }) => {
      await queryClient.invalidateQueries({ queryKey: keysKey });
      if (created) onCreated?.(created);
      if (saved) onSaved?.(saved);
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!never && fromLocalInput(expiresAt) === null) {
      setExpiryError('Choose a date and time, or check "Never expires".');
      return;
    }
    setExpiryError(null);
    save.mutate();
  };
  const formError = save.error && !fieldShown(save.error, FIELDS, rights) ? save.error : null;
  const policyChoices = (policies ?? []).map((p) => ({ value: p._id, label: `${p.name || '(no name)'}${p.active ? '' : ' (inactive)'}` }));
  // A policy the key applies but the list does not hold (it should not happen) still shows, by id.
  for (const id of applied) if (!policyChoices.some((c) => c.value === id)) policyChoices.push({ value: id, label: `Policy ${id}` });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={existing ? 'Edit key' : 'New key'}>
      <Stack gap="lg" maw={820}>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              General
            </Title>
            <TextInput label="Alias" description="A name to recognise the key by; not secret." value={alias} onChange={(e) => setAlias(e.currentTarget.value)} error={errorFor(save.error, 'alias')} maw={420} />
            <Checkbox
              label="Inactive"
              description="The gateway refuses an inactive key until it is active again."
              checked={inactive}
              onChange={(e) => setInactive(e.currentTarget.checked)}
            />
          </Stack>
        </Paper>
        {policies && (
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                Policies
              </Title>
              <MultiSelect
                label="Apply policies"
                description="The key gets the access rights of these policies, and their limits unless it has its own."
                placeholder={applied.length === 0 ? (policyChoices.length === 0 ? 'No policy you can apply' : 'Choose policies') : undefined}
                data={policyChoices}
                value={applied}
                onChange={setApplied}
                searchable
                nothingFoundMessage="No such policy"
                error={errorFor(save.error, 'apply_policies')}
                maw={520}
              />
            </Stack>
          </Paper>
        )}
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              Access rights
            </Title>
            <AccessRightsEditor
              value={rights}
              onChange={setRights}
              error={save.error}
              description={
                existing
                  ? "The APIs this key may call. Entries that came from its policies stay with the policies unless you change them; a changed entry becomes the key's own."
                  : "APIs this key may call beyond its policies' (a key's own entry for an API wins over its policies'). A key needs at least one API, here or through a policy."
              }
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              Rate limit and quota
            </Title>
            {applied.length > 0 && (
              <Checkbox
                label="Use the limits of the applied policies"
                description="The most generous of them is in force."
                checked={usePolicyLimits}
                onChange={(e) => setUsePolicyLimits(e.currentTarget.checked)}
              />
            )}
            {!policyLimits && <LimitsFields value={limits} onChange={setLimits} error={save.error} />}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              Expiry
            </Title>
            <Checkbox
              label="Never expires"
              description={applied.length > 0 ? 'A policy with a key lifetime may still set one.' : undefined}
              checked={never}
              onChange={(e) => setNever(e.currentTarget.checked)}
            />
            {!never && (
              <TextInput
                type="datetime-local"
                label="Expires at (your local time)"
                value={expiresAt}
                onChange={(e) => setExpiresAt(e.currentTarget.value)}
                error={expiryError ?? errorFor(save.error, 'expires')}
                maw={280}
              />
            )}
          </Stack>
        </Paper>
        {formError && (
          <Alert color="red" role="alert" title={existing ? 'Not saved' : 'Not created'}>
            {formError.message}
          </Alert>
        )}
        {save.error && !formError && (
          <Alert color="red" role="alert" title={existing ? 'Not saved' : 'Not created'}>
            Check the field marked above.
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          {existing ? 'Saving changes the key at once for every gateway.' : 'The key itself is shown once, after creation.'}
        </Text>
        <Group gap="xs">
          <Button type="submit" loading={save.isPending}>
            {existing ? 'Save key' : 'Create key'}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={save.isPending}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
