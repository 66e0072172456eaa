import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ensureOk } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm.js';
import { errorFor } from '../../components/field-errors.js';
import { notifyDone } from '../../components/notify.js';
import { countOf, organisationsKey, useAllOrganisations, useOrganisation } from './queries.js';

/** The Default Organisation and its default team, where the members of deleted organisations go. */
export function useDefaultDestination(enabled: boolean): string {
  const orgs = useAllOrganisations(enabled);
  const defaultOrg = orgs.data?.find((o) => o.Default) ?? null;
  const org = useOrganisation(enabled && defaultOrg ? defaultOrg.ID : null);
  const team = org.data?.Teams.find((t) => t.Default);
  if (!defaultOrg) return 'the Default Organisation';
  return team ? `${defaultOrg.Name}, team “${team.Name}”` : defaultOrg.Name;
}

/**
 * Asks before deleting an organisation, saying what happens to its teams and
 * its users (they move to the Default Organisation's default team).
 */
export function DeleteOrganisationDialog({ organisationId, name, opened, onClose, onDeleted }: { organisationId: number; name: string; opened: boolean; onClose: () => void; onDeleted: () => void }) {
  const queryClient = useQueryClient();
  const org = useOrganisation(opened ? organisationId : null);
  const destination = useDefaultDestination(opened);
  const remove = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.DELETE('/portal-api/organisations/{organisationId}', { params: { path: { organisationId: String(organisationId) } } });
      ensureOk(response, error);
    },
    onSuccess: async () => {
      notifyDone(`${name} deleted`);
      queryClient.removeQueries({ queryKey: [...organisationsKey, 'one', organisationId] });
      await queryClient.invalidateQueries({ queryKey: organisationsKey });
      await queryClient.invalidateQueries({ queryKey: ['portal-consumers'] });
      onDeleted();
    },
  });
  const users = org.data ? countOf(org.data.Users.length, 'user', 'users') : 'its users';
  const teams = org.data ? countOf(org.data.Teams.length, 'team', 'teams') : 'its teams';
  return (
    <ConfirmDialog
      opened={opened}
      title={`Delete ${name}?`}
      confirmLabel="Delete organisation"
      pending={remove.isPending}
      error={remove.error}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      onConfirm={() => remove.mutate()}
    >
      <Stack gap="xs">
        <Text size="sm">
          The organisation and its {teams} are deleted, and any registration rule for them is removed.
        </Text>
        <Text size="sm" fw={600}>
          {org.data && org.data.Users.length === 0
            ? 'It has no users: nobody moves.'
            : `Its ${users} ${org.data?.Users.length === 1 ? 'is' : 'are'} not deleted: ${org.data?.Users.length === 1 ? 'the user moves' : 'they move'} to ${destination}.`}
        </Text>
      </Stack>
    </ConfirmDialog>
  );
}

/** A modal asking for one name: creating an organisation or a team, or renaming one. */
export function NameDialog({
  opened,
  title,
  label,
  initial,
  submitLabel,
  onClose,
  save,
  onSaved,
}: {
  opened: boolean;
  title: string;
  label: string;
  initial: string;
  submitLabel: string;
  onClose: () => void;
  save: (name: string) => Promise<void>;
  onSaved: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': 'Close' }}>
      {opened && <NameForm label={label} initial={initial} submitLabel={submitLabel} onCancel={onClose} save={save} onSaved={onSaved} />}
    </Modal>
  );
}

function NameForm({ label, initial, submitLabel, onCancel, save, onSaved }: { label: string; initial: string; submitLabel: string; onCancel: () => void; save: (name: string) => Promise<void>; onSaved: () => void }) {
  const [name, setName] = useState(initial);
  const mutation = useMutation({ mutationFn: () => save(name.trim()), onSuccess: onSaved });
  const fieldError = errorFor(mutation.error, 'Name');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label={label} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError} data-autofocus />
        {mutation.error && !fieldError && (
          <Alert color="red" role="alert" title="Not saved">
            {mutation.error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
