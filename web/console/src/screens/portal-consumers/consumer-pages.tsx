import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { idFrom } from '../../route-params.js';
import { PasswordField } from '@portcullis/web-shared';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ensureOk } from '../../api.js';
import { errorFor, isFieldError } from '../../components/field-errors.js';
import { notifyDone } from '../../components/notify.js';
import { Detail } from '../../components/detail.js';
import { NotFoundPage, PageHeader } from '../../components/page.js';
import { QueryView } from '../../components/query-states.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { useAllOrganisations, useOrganisation } from '../portal-organisations/queries.js';
import { ConsumerConfirm, ConsumerStatus } from './consumer-dialogs.js';
import { consumerName, ROLE_OPTIONS, roleLabel, useConsumer, useRefreshConsumers, useSetActive, type Consumer, type ConsumerRole } from './queries.js';

const FIELDS = ['First', 'Last', 'Email', 'Role', 'OrganisationID', 'Teams', 'Active', 'ResetPassword', 'Password'] as const;
const BACK = { backTo: '/portal/consumers', backLabel: 'Back to API consumers' };

interface Draft {
  first: string;
  last: string;
  email: string;
  role: ConsumerRole;
  organisationId: number | null;
  /** null: the organisation's default team (until the teams are loaded and chosen). */
  teams: number[] | null;
  active: boolean;
  resetPassword: boolean;
  password: string;
}

function FormError({ error, title }: { error: Error | null; title: string }) {
  if (!error || isFieldError(error, FIELDS)) return null;
  return (
    <Alert color="red" role="alert" title={title}>
      {error.message}
    </Alert>
  );
}

/** The organisation picker and, under it, the chosen organisation's teams as checkboxes. */
function MembershipFields({ draft, setDraft, error }: { draft: Draft; setDraft: (d: Draft) => void; error: Error | null }) {
  const orgs = useAllOrganisations();
  const defaultOrg = orgs.data?.find((o) => o.Default);
  const orgId = draft.organisationId ?? defaultOrg?.ID ?? null;
  const org = useOrganisation(orgId);
  const teams = org.data?.Teams ?? [];
  const chosen = draft.teams ?? teams.filter((t) => t.Default).map((t) => t.ID);
  return (
    <Stack gap="sm">
      <NativeSelect
        label="Organisation"
        description="Moving a consumer to another organisation puts them in its default team unless you choose others."
        value={orgId === null ? '' : String(orgId)}
        onChange={(e) => setDraft({ ...draft, organisationId: Number(e.currentTarget.value), teams: null })}
        data={(orgs.data ?? []).map((o) => ({ value: String(o.ID), label: o.Name }))}
        error={errorFor(error, 'OrganisationID') ?? orgs.error?.message}
      />
      <Checkbox.Group
        label="Teams"
        description={org.data ? `Teams of ${org.data.Name}; a consumer is in at least one.` : undefined}
        value={chosen.map(String)}
        onChange={(values) => setDraft({ ...draft, teams: values.map(Number) })}
        error={errorFor(error, 'Teams') ?? org.error?.message}
      >
        <Stack gap={6} mt={6}>
          {teams.map((t) => (
            <Checkbox key={t.ID} value={String(t.ID)} label={t.Default ? `${t.Name} (default team)` : t.Name} />
          ))}
          {org.isPending && orgId !== null && (
            <Text size="sm" c="dimmed">
              Loading teams…
            </Text>
          )}
        </Stack>
      </Checkbox.Group>
    </Stack>
  );
}

function ConsumerFields({ draft, setDraft, error, creating }: { draft: Draft; setDraft: (d: Draft) => void; error: Error | null; creating: boolean }) {
  const text = (field: 'first' | 'last' | 'email' | 'password') => (e: { currentTarget: HTMLInputElement }) => setDraft({ ...draft, [field]: e.currentTarget.value });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="First name" required value={draft.first} onChange={text('first')} error={errorFor(error, 'First')} />
          <TextInput label="Last name" required value={draft.last} onChange={text('last')} error={errorFor(error, 'Last')} />
        </SimpleGrid>
        <TextInput label="Email" description="Used to sign in; unique." type="email" required value={draft.email} onChange={text('email')} error={errorFor(error, 'Email')} autoComplete="off" />
        <NativeSelect label="Role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.currentTarget.value as ConsumerRole })} data={ROLE_OPTIONS} error={errorFor(error, 'Role')} />
        <MembershipFields draft={draft} setDraft={setDraft} error={error} />
        <Checkbox
          label="Active"
          description={creating ? 'Active users can sign in at once and are emailed a welcome; inactive ones cannot sign in until activated.' : 'Inactive users cannot sign in; activating approves a registration.'}
          checked={draft.active}
          onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })}
          error={errorFor(error, 'Active')}
        />
        <Checkbox
          label="User must change password at the next login"
          checked={draft.resetPassword}
          onChange={(e) => setDraft({ ...draft, resetPassword: e.currentTarget.checked })}
          error={errorFor(error, 'ResetPassword')}
        />
        {creating && (
          <PasswordField
            label="Initial password"
            description="For their first sign-in. Leave empty to let them choose one with “Forgot password” on the sign-in page."
            value={draft.password}
            onChange={text('password')}
            error={errorFor(error, 'Password')}
            autoComplete="new-password"
          />
        )}
      </Stack>
    </Paper>
  );
}

/** /portal/consumers/new: adds a consumer to an organisation and its teams. */
export function ConsumerCreatePage({ user }: { user: CurrentUser }) {
  const navigate = useNavigate();
  const refresh = useRefreshConsumers();
  const [draft, setDraft] = useState<Draft>({ first: '', last: '', email: '', role: 'consumer-team-member', organisationId: null, teams: null, active: true, resetPassword: true, password: '' });
  const create = useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.POST('/portal-api/users', {
        body: {
          First: draft.first.trim(),
          Last: draft.last.trim(),
          Email: draft.email.trim(),
          Role: draft.role,
          ...(draft.organisationId !== null ? { OrganisationID: draft.organisationId } : {}),
          ...(draft.teams !== null ? { Teams: draft.teams } : {}),
          Active: draft.active,
          ResetPassword: draft.resetPassword,
          ...(draft.password ? { Password: draft.password } : {}),
        },
      });
      ensureOk(response, error);
      return data!;
    },
    onSuccess: async (created) => {
      notifyDone(`${consumerName(created)} added`);
      await refresh();
      void navigate(`/portal/consumers/${created.ID}`);
    },
  });
  if (!can(user, 'portal', 'write')) return <NotFoundPage {...BACK} />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={720}>
        <PageHeader title="Add user" description="An API consumer: a team member, or a consumer admin who manages their organisation's users on the Developer Portal." />
        <FormError error={create.error} title="Not saved" />
        <ConsumerFields draft={draft} setDraft={setDraft} error={create.error} creating />
        <Group gap="xs">
          <Button type="submit" loading={create.isPending}>
            Save changes
          </Button>
          <Button component={Link} to="/portal/consumers" variant="default">
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** /portal/consumers/:id: the consumer's details; editable with `portal: write`, read-only otherwise. */
export function ConsumerPage({ user }: { user: CurrentUser }) {
  const { id = '' } = useParams();
  const numeric = idFrom(id);
  const consumer = useConsumer(numeric);
  if (numeric === null) return <NotFoundPage {...BACK} />;
  return (
    <QueryView query={consumer} label="Loading the consumer" notFound={BACK}>
      {(c) =>
        // Staff are on Settings > Admin users, not here.
        c.OrganisationID === 0 ? <NotFoundPage {...BACK} /> : can(user, 'portal', 'write') ? <ConsumerEditor key={`${c.ID}-${c.UpdatedAt}-${String(c.Active)}`} target={c} /> : <ConsumerDetails target={c} />
      }
    </QueryView>
  );
}

function Facts({ target, full }: { target: Consumer; full: boolean }) {
  return (
    <Paper withBorder p="md" radius="md">
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
        {full && <Detail label="Email">{target.Email}</Detail>}
        {full && <Detail label="Role">{roleLabel(target.Role)}</Detail>}
        {full && <Detail label="Organisation">{target.Organisation}</Detail>}
        {full && <Detail label="Teams">{target.Teams.map((t) => t.Name).join(', ') || 'None'}</Detail>}
        <Detail label="Id">{target.ID}</Detail>
        <Detail label="Last sign-in">{target.LastLoginAt ? `${target.LastLoginAt} UTC` : 'Never'}</Detail>
        <Detail label="Registered">{target.CreatedAt} UTC</Detail>
        <Detail label="Must change password">{target.ResetPassword ? 'Yes, at the next login' : 'No'}</Detail>
      </SimpleGrid>
    </Paper>
  );
}

function ConsumerDetails({ target }: { target: Consumer }) {
  return (
    <Stack gap="md" maw={720}>
      <PageHeader title={consumerName(target)} description={<ConsumerStatus active={target.Active} />} />
      <Facts target={target} full />
      <Anchor component={Link} to="/portal/consumers">
        Back to API consumers
      </Anchor>
    </Stack>
  );
}

function ConsumerEditor({ target }: { target: Consumer }) {
  const navigate = useNavigate();
  const refresh = useRefreshConsumers();
  const setActive = useSetActive();
  const [confirm, setConfirm] = useState<'deactivate' | 'delete' | null>(null);
  const [draft, setDraft] = useState<Draft>({
    first: target.First,
    last: target.Last,
    email: target.Email,
    role: target.Role === 'consumer-admin' ? 'consumer-admin' : 'consumer-team-member',
    organisationId: target.OrganisationID,
    teams: target.Teams.map((t) => t.ID),
    active: target.Active,
    resetPassword: target.ResetPassword,
    password: '',
  });
  const save = useMutation({
    mutationFn: async () => {
      const moved = draft.organisationId !== target.OrganisationID;
      const { error, response } = await api.PUT('/portal-api/users/{userId}', {
        params: { path: { userId: String(target.ID) } },
        body: {
          First: draft.first.trim(),
          Last: draft.last.trim(),
          Email: draft.email.trim(),
          Role: draft.role,
          ...(moved && draft.organisationId !== null ? { OrganisationID: draft.organisationId } : {}),
          ...(draft.teams !== null ? { Teams: draft.teams } : {}),
          Active: draft.active,
          ResetPassword: draft.resetPassword,
        },
      });
      ensureOk(response, error);
    },
    onSuccess: async () => {
      notifyDone('Changes saved');
      await refresh();
    },
  });
  const name = consumerName(target);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Stack gap="md" maw={720}>
      <PageHeader
        title={name}
        description={<ConsumerStatus active={target.Active} />}
        actions={
          <>
            {target.Active ? (
              <Button variant="default" onClick={() => setConfirm('deactivate')}>
                Deactivate
              </Button>
            ) : (
              <Button color="teal.9" loading={setActive.isPending} onClick={() => setActive.mutate({ user: target, active: true, approving: true })}>
                Approve
              </Button>
            )}
            <Button color="red" variant="light" onClick={() => setConfirm('delete')}>
              Delete
            </Button>
          </>
        }
      />
      {!target.Active && <Text size="sm">This consumer is inactive and cannot sign in. Approving activates the account; the consumer is emailed.</Text>}
      {setActive.isError && (
        <Alert color="red" role="alert" title="Not approved">
          {setActive.error.message}
        </Alert>
      )}
      <Facts target={target} full={false} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3">
            Details, organisation and teams
          </Title>
          <FormError error={save.error} title="Not saved" />
          <ConsumerFields draft={draft} setDraft={setDraft} error={save.error} creating={false} />
          <Group gap="xs">
            <Button type="submit" loading={save.isPending}>
              Save changes
            </Button>
            <Button component={Link} to="/portal/consumers" variant="default">
              Back to API consumers
            </Button>
          </Group>
        </Stack>
      </form>
      <ConsumerConfirm action={confirm} user={target} onClose={() => setConfirm(null)} onDeleted={() => void navigate('/portal/consumers')} />
    </Stack>
  );
}
