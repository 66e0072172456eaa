import { Alert, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ensureOk } from '../../api.js';
import { errorFor } from '../../components/field-errors.js';
import { AccessRightsEditor } from './access-rights-editor.js';
import { draftToLimits, LimitsFields, limitsToDraft, type LimitsDraft } from './limits-fields.js';
import { draftsToRights, duration, fieldShown, policiesKey, rightsToDrafts, type Policy, type PolicyInput, type RightDraft } from './model.js';

const EXPIRY_PRESETS: [number, string][] = [
  [0, 'Never'],
  [3_600, 'After 1 hour'],
  [86_400, 'After 1 day'],
  [604_800, 'After 1 week'],
  [2_592_000, 'After 30 days'],
  [7_776_000, 'After 90 days'],
  [31_536_000, 'After 1 year'],
];
const CUSTOM = 'custom';

const FIELDS = ['name', 'rate', 'per', 'quota_max', 'quota_renewal_rate', 'key_expires_in', 'access_rights'] as const;

/** Creates a policy (no `policy`) or replaces one; `onSaved` gets the policy's id. */
export function PolicyForm({ policy, onSaved, onCancel }: { policy?: Policy; onSaved: (id: string) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(policy?.name ?? '');
  const [active, setActive] = useState(policy?.active ?? true);
  const [rights, setRights] = useState<RightDraft[]>(() => rightsToDrafts(policy?.access_rights));
  const [limits, setLimits] = useState<LimitsDraft>(() =>
    limitsToDraft(policy ?? { rate: 0, per: 0, quota_max: -1, quota_renewal_rate: -1 }),
  );
  const initialExpiry = policy?.key_expires_in ?? 0;
  const [expiryChoice, setExpiryChoice] = useState<string>(EXPIRY_PRESETS.some(([s]) => s === initialExpiry) ? String(initialExpiry) : CUSTOM);
  const [customExpiry, setCustomExpiry] = useState<number>(initialExpiry > 0 ? initialExpiry : 86_400);

  const save = useMutation({
    mutationFn: async (): Promise<string> => {
      const body: PolicyInput = {
        ...(policy ? { tags: policy.tags, meta_data: policy.meta_data } : {}),
        name: name.trim(),
        active,
        ...draftToLimits(limits),
        key_expires_in: expiryChoice === CUSTOM ? customExpiry : Number(expiryChoice),
        access_rights: draftsToRights(rights),
      };
      if (policy) {
        const { error, response } = await api.PUT('/api/portal/policies/{id}', { params: { path: { id: policy._id } }, body });
        ensureOk(response, error);
        return policy._id;
      }
      // As in Tyk, the answer is {Status, Message: <the new policy's id>}.
      const { data, error, response } = await api.POST('/api/portal/policies', { body });
      ensureOk(response, error);
      return data!.Message;
    },
    onSuccess: async (id) => {
      await queryClient.invalidateQueries({ queryKey: policiesKey });
      onSaved(id);
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const formError = save.error && !fieldShown(save.error, FIELDS, rights) ? save.error : null;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={policy ? `Edit ${policy.name}` : 'New policy'}>
      <Stack gap="lg" maw={820}>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              General
            </Title>
            <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errorFor(save.error, 'name')} maw={420} />
            <Checkbox
              label="Active"
              description="An inactive policy grants nothing to the keys that apply it."
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              Access rights
            </Title>
            <AccessRightsEditor
              value={rights}
              onChange={setRights}
              error={save.error}
              description="The APIs that keys applying this policy may call. Add allowed paths to narrow an API to some paths and methods."
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              Rate limit and quota
            </Title>
            <LimitsFields value={limits} onChange={setLimits} error={save.error} />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              Key expiry
            </Title>
            <Select
              label="Keys created with this policy expire"
              data={[...EXPIRY_PRESETS.map(([s, l]) => ({ value: String(s), label: l })), { value: CUSTOM, label: 'After a number of seconds' }]}
              value={expiryChoice}
              onChange={(v) => setExpiryChoice(v ?? '0')}
              allowDeselect={false}
              error={expiryChoice === CUSTOM ? undefined : errorFor(save.error, 'key_expires_in')}
              maw={420}
            />
            {expiryChoice === CUSTOM && (
              <NumberInput
                label="Expire after (seconds)"
                description={customExpiry > 0 ? duration(customExpiry) : undefined}
                min={1}
                allowDecimal={false}
                value={customExpiry}
                onChange={(v) => setCustomExpiry(typeof v === 'number' ? v : Number(v) || 0)}
                error={errorFor(save.error, 'key_expires_in')}
                maw={420}
              />
            )}
          </Stack>
        </Paper>
        {formError && (
          <Alert color="red" role="alert" title="Not saved">
            {formError.message}
          </Alert>
        )}
        {save.error && !formError && (
          <Alert color="red" role="alert" title="Not saved">
            Check the field marked above.
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" loading={save.isPending}>
            {policy ? 'Save policy' : 'Create policy'}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={save.isPending}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
