import { Alert, Button, Center, Checkbox, Group, Loader, Modal, Paper, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ensureOk, errorFor, isFieldError } from '@portcullis/web-shared';
import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { usePageMeta } from '../../page-meta.js';
import { useMe, type Me } from '../../session.js';
import { NotFoundPage } from '../page-state.js';
import { useOrgMembers, type OrgMember } from './queries.js';

type ConsumerRole = 'consumer-admin' | 'consumer-team-member';
const ROLE_WORDS: Record<ConsumerRole, { name: string; help: string }> = {
  'consumer-admin': { name: 'Administrator', help: "manages the organisation's members and every app of the organisation" },
  'consumer-team-member': { name: 'Member', help: 'manages their own apps; sees the apps shared with their team or the organisation' },
};
const roleName = (role: string) => (role in ROLE_WORDS ? ROLE_WORDS[role as ConsumerRole].name : role);
const fullName = (m: { First: string; Last: string; Email: string }) => `${m.First} ${m.Last}`.trim() || m.Email;

interface Team {
  ID: number;
  Name: string;
}

/** The organisation's teams, as its members' memberships show them (every member is in at least one). */
function teamsOf(members: OrgMember[]): Team[] {
  const byId = new Map<number, Team>();
  for (const m of members) for (const t of m.Teams) byId.set(t.ID, { ID: t.ID, Name: t.Name });
  return [...byId.values()].sort((a, b) => a.Name.localeCompare(b.Name));
}

/** /portal/organisation: a consumer-admin's organisation — members, invitations, roles and teams. Anyone else sees the 404 page. */
export function OrganisationPage() {
  const me = useMe();
  if (me.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading your organisation" role="status" />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Alert color="red" role="alert" title="This page could not be loaded">
        {me.error.message}
      </Alert>
    );
  }
  if (!me.data || me.data.Role !== 'consumer-admin') return <NotFoundPage />;
  return <Organisation me={me.data} />;
}

function Organisation({ me }: { me: Me }) {
  usePageMeta('My organisation', `The members of ${me.Organisation || 'your organisation'}: invite people, change their role and teams, remove them.`);
  const members = useOrgMembers(true);
  const [editing, setEditing] = useState<OrgMember | null>(null);
  const [removing, setRemoving] = useState<OrgMember | null>(null);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>My organisation</Title>
        <Text>
          The people of <strong>{me.Organisation}</strong> on this portal. As an administrator you invite people, choose their role and teams, and remove them.
        </Text>
      </Stack>
      {members.isPending ? (
        <Center py="xl">
          <Loader aria-label="Loading the members" role="status" />
        </Center>
      ) : members.isError ? (
        <Alert color="red" role="alert" title="The members could not be loaded">
          {members.error.message}
        </Alert>
      ) : (
        <>
          <Stack component="section" aria-labelledby="members-title" gap="sm">
            <Title order={2} size="h3" id="members-title">
              Members ({members.data.length})
            </Title>
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {members.data.map((m) => (
                <Paper key={m.ID} component="li" withBorder p="md" radius="md" aria-label={fullName(m)}>
                  <Group justify="space-between" align="flex-start" gap="sm">
                    <Stack gap={4} miw={0}>
                      <Group gap="xs">
                        <Text fw={600}>{fullName(m)}</Text>
                        {m.ID === me.ID && (
                          <Text size="sm" c="dimmed">
                            (you)
                          </Text>
                        )}
                        {!m.Active && (
                          <Text size="sm" c="dimmed">
                            (not active yet)
                          </Text>
                        )}
                      </Group>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {m.Email}
                      </Text>
                      <Text size="sm">
                        Role: {roleName(m.Role)} · Teams: {m.Teams.map((t) => t.Name).join(', ') || 'none'}
                      </Text>
                    </Stack>
                    {m.ID !== me.ID && (
                      <Group gap="xs">
                        <Button variant="default" size="xs" onClick={() => setEditing(m)} aria-label={`Change role and teams of ${fullName(m)}`}>
                          Change role and teams
                        </Button>
                        <Button variant="default" color="red.9" size="xs" onClick={() => setRemoving(m)} aria-label={`Remove ${fullName(m)}`}>
                          Remove
                        </Button>
                      </Group>
                    )}
                  </Group>
                </Paper>
              ))}
            </Stack>
          </Stack>
          <InviteForm teams={teamsOf(members.data)} />
          {editing && <EditMember member={editing} teams={teamsOf(members.data)} onClose={() => setEditing(null)} />}
          {removing && <RemoveMember member={removing} organisation={me.Organisation} onClose={() => setRemoving(null)} />}
        </>
      )}
    </Stack>
  );
}

function InviteForm({ teams }: { teams: Team[] }) {
  const [email, setEmail] = useState('');
  const [team, setTeam] = useState<string | null>(null);
  const [role, setRole] = useState<ConsumerRole>('consumer-team-member');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async () => {
      const address = email.trim();
      const { error, response } = await api.POST('/portal/api/org/users', { body: { Email: address, Role: role, ...(team ? { TeamID: Number(team) } : {}) } });
      ensureOk(response, error);
      return address;
    },
    onSuccess: (address) => {
      setSentTo(address);
      setEmail('');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSentTo(null);
    mutation.mutate();
  };
  const error = mutation.error;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="invite-title" maw={640}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="invite-title">
            Invite someone
          </Title>
          <Text size="sm">They get an email with a link to create their account in your organisation. The link works for 7 days.</Text>
          <TextInput label="Email address" type="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errorFor(error, 'Email')} />
          <Select
            label="Team"
            description="Leave empty for the organisation's default team"
            placeholder="Default team"
            data={teams.map((t) => ({ value: String(t.ID), label: t.Name }))}
            value={team}
            onChange={setTeam}
            clearable
            error={errorFor(error, 'TeamID')}
          />
          <RoleChoice value={role} onChange={setRole} error={errorFor(error, 'Role')} />
          {error && !isFieldError(error, ['Email', 'TeamID', 'Role']) && (
            <Alert color="red" role="alert" title="Invitation not sent">
              {error.message}
            </Alert>
          )}
          {sentTo && (
            <Text size="sm" role="status" fw={500}>
              Invitation sent to {sentTo}. (If that address already has an account, its owner is told instead.)
            </Text>
          )}
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function RoleChoice({ value, onChange, error }: { value: ConsumerRole; onChange: (r: ConsumerRole) => void; error?: string }) {
  return (
    <Radio.Group label="Role" value={value} onChange={(v) => onChange(v === 'consumer-admin' ? 'consumer-admin' : 'consumer-team-member')} error={error}>
      <Stack gap={6} mt={6}>
        {(Object.keys(ROLE_WORDS) as ConsumerRole[]).reverse().map((r) => (
          <Radio key={r} value={r} label={ROLE_WORDS[r].name} description={`Who ${ROLE_WORDS[r].help}`} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

function EditMember({ member, teams, onClose }: { member: OrgMember; teams: Team[]; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [role, setRole] = useState<ConsumerRole>(member.Role === 'consumer-admin' ? 'consumer-admin' : 'consumer-team-member');
  const [chosen, setChosen] = useState<string[]>(member.Teams.map((t) => String(t.ID)));
  const mutation = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.PUT('/portal/api/org/users/{userId}', {
        params: { path: { userId: String(member.ID) } },
        body: { Role: role, Teams: chosen.map(Number) },
      });
      ensureOk(response, error);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['org', 'users'] });
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  const error = mutation.error;
  const name = fullName(member);
  return (
    <Modal opened onClose={onClose} title={`Role and teams of ${name}`} centered closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <RoleChoice value={role} onChange={setRole} error={errorFor(error, 'Role')} />
          <Checkbox.Group label="Teams" description="At least one" value={chosen} onChange={setChosen} error={errorFor(error, 'Teams')}>
            <Stack gap={6} mt={6}>
              {teams.map((t) => (
                <Checkbox key={t.ID} value={String(t.ID)} label={t.Name} />
              ))}
            </Stack>
          </Checkbox.Group>
          {error && !isFieldError(error, ['Role', 'Teams']) && (
            <Alert color="red" role="alert" title="Not saved">
              {error.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RemoveMember({ member, organisation, onClose }: { member: OrgMember; organisation: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.DELETE('/portal/api/org/users/{userId}', { params: { path: { userId: String(member.ID) } } });
      ensureOk(response, error);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['org', 'users'] });
      onClose();
    },
  });
  const name = fullName(member);
  return (
    <Modal opened onClose={onClose} title={`Remove ${name}?`} centered closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack gap="md">
        <Text size="sm">
          {name} leaves {organisation || 'your organisation'} and moves to the Default Organisation. They keep their account and their apps, but no longer see your
          organisation&apos;s shared apps.
        </Text>
        {mutation.error && (
          <Alert color="red" role="alert" title="Not removed">
            {mutation.error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button color="red.9" onClick={() => mutation.mutate()} loading={mutation.isPending}>
            Remove {name}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
