import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ensureOk } from '../../api.js';
import { errorFor, isFieldError } from '../../components/field-errors.js';
import { notifyDone } from '../../components/notify.js';
import { useAllOrganisations, useOrganisation } from '../portal-organisations/queries.js';
import { ROLE_OPTIONS, type ConsumerRole } from './queries.js';

const FIELDS = ['Email', 'OrganisationID', 'TeamID', 'Role'] as const;

/** API Consumers > Invite by email: a registration link into an organisation and team, valid 7 days. */
export function InviteDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Invite an API consumer" centered closeButtonProps={{ 'aria-label': 'Close' }}>
      {opened && <InviteForm onDone={onClose} />}
    </Modal>
  );
}

function InviteForm({ onDone }: { onDone: () => void }) {
  const orgs = useAllOrganisations();
  const [email, setEmail] = useState('');
  const [orgChoice, setOrgChoice] = useState<number | null>(null);
  const [teamChoice, setTeamChoice] = useState<string>('');
  const [role, setRole] = useState<ConsumerRole>('consumer-team-member');
  const orgId = orgChoice ?? orgs.data?.find((o) => o.Default)?.ID ?? orgs.data?.[0]?.ID ?? null;
  const org = useOrganisation(orgId);
  const invite = useMutation({
    mutationFn: async () => {
      if (orgId === null) throw new Error('Choose an organisation');
      const body = { Email: email.trim(), OrganisationID: orgId, Role: role, ...(teamChoice ? { TeamID: Number(teamChoice) } : {}) };
      const { error, response } = await api.POST('/portal-api/invites', { body });
      ensureOk(response, error);
    },
    onSuccess: () => {
      notifyDone(`Invitation sent to ${email.trim()}`);
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  const defaultTeam = org.data?.Teams.find((t) => t.Default);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          They get an email with a registration link, valid 7 days. Registering with it places them in the organisation, team and role below; the account is then approved like any registration. If the address already has an account, its owner is told to sign in instead.
        </Text>
        <TextInput label="Email" type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errorFor(invite.error, 'Email')} data-autofocus autoComplete="off" />
        <NativeSelect
          label="Organisation"
          value={orgId === null ? '' : String(orgId)}
          onChange={(e) => {
            setOrgChoice(Number(e.currentTarget.value));
            setTeamChoice('');
          }}
          data={(orgs.data ?? []).map((o) => ({ value: String(o.ID), label: o.Name }))}
          error={errorFor(invite.error, 'OrganisationID') ?? orgs.error?.message}
        />
        <NativeSelect
          label="Team"
          value={teamChoice}
          onChange={(e) => setTeamChoice(e.currentTarget.value)}
          data={[
            { value: '', label: defaultTeam ? `${defaultTeam.Name} (default team)` : 'The default team' },
            ...(org.data?.Teams ?? []).filter((t) => !t.Default).map((t) => ({ value: String(t.ID), label: t.Name })),
          ]}
          error={errorFor(invite.error, 'TeamID') ?? org.error?.message}
        />
        <NativeSelect label="Role" value={role} onChange={(e) => setRole(e.currentTarget.value as ConsumerRole)} data={ROLE_OPTIONS} error={errorFor(invite.error, 'Role')} />
        {invite.error && !isFieldError(invite.error, FIELDS) && (
          <Alert color="red" role="alert" title="Not sent">
            {invite.error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone} disabled={invite.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={invite.isPending}>
            Send invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
