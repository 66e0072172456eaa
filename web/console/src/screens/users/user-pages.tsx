import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { PasswordField } from '@portcullis/web-shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ensureOk } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm.js';
import { errorFor, isFieldError } from '../../components/field-errors.js';
import { notifyDone } from '../../components/notify.js';
import { Detail } from '../../components/detail.js';
import { NotFoundPage, PageHeader } from '../../components/page.js';
import { QueryView } from '../../components/query-states.js';
import { SecretOnce } from '../../components/secret-once.js';
import { can, isAdmin } from '../../permissions.js';
import { meKey, type CurrentUser } from '../../session.js';
import { DeleteOwnerDialogs } from './delete-owner.js';
import { draftFrom, mapFrom, PermissionsEditor, PermissionsView, type PermissionDraft } from './permissions-editor.js';
import { fullName, groupsKey, useAllGroups, useUser, usersKey, type PermissionMap, type User, type UserGroup } from './queries.js';
import { roleLabel, StatusBadge } from './users-list.js';

const FIELDS = ['first_name', 'last_name', 'email_address', 'password', 'group_id', 'user_permissions', 'password_change_required'] as const;

interface UserDraft {
  first: string;
  last: string;
  email: string;
  password: string;
  mustChange: boolean;
  groupId: string;
  perms: PermissionDraft;
}

/** The note and the group's permissions shown (read-only) instead of the editor for a group member. */
function GroupTemplate({ group, groupId }: { group: UserGroup | undefined; groupId: string }) {
  if (!group) {
    return (
      <Text size="sm" c="dimmed">
        This user is a member of user group {groupId}: the group's permissions apply to them.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Alert color="indigo" p="xs">
        <Text size="sm">
          Member of <strong>{group.name}</strong>: the group's permissions apply, as a template. Change them on the group's page (every member changes at once), or choose “No group” to give
          this user their own.
        </Text>
      </Alert>
      <PermissionsView value={group.user_permissions} caption={`Permissions of the group ${group.name}`} title={`Permissions of ${group.name}`} headingLevel={3} />
    </Stack>
  );
}

/** The fields shared by the create and the edit form. */
function UserFields({ actor, draft, setDraft, error, creating }: { actor: CurrentUser; draft: UserDraft; setDraft: (d: UserDraft) => void; error: Error | null; creating: boolean }) {
  const mayReadGroups = can(actor, 'user_groups');
  const groups = useAllGroups(mayReadGroups);
  const group = groups.data?.find((g) => g.id === draft.groupId);
  const text = (field: 'first' | 'last' | 'email' | 'password') => (e: { currentTarget: HTMLInputElement }) => setDraft({ ...draft, [field]: e.currentTarget.value });
  const groupOptions = [{ value: '', label: 'No group' }, ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.active ? g.name : `${g.name} (inactive)` }))];
  if (draft.groupId && !group) groupOptions.push({ value: draft.groupId, label: `Group ${draft.groupId}` });

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label="First name" required value={draft.first} onChange={text('first')} error={errorFor(error, 'first_name')} />
            <TextInput label="Last name" required value={draft.last} onChange={text('last')} error={errorFor(error, 'last_name')} />
          </SimpleGrid>
          <TextInput label="Email" type="email" required value={draft.email} onChange={text('email')} error={errorFor(error, 'email_address')} autoComplete="off" />
          {creating && (
            <PasswordField
              label="Initial password"
              description="At least 8 characters. Leave empty to let the user sign in only with their access key."
              value={draft.password}
              onChange={text('password')}
              error={errorFor(error, 'password')}
              aria-invalid={errorFor(error, 'password') !== undefined}
              autoComplete="new-password"
            />
          )}
          <Checkbox
            label="User must change password at the next sign-in"
            checked={draft.mustChange}
            onChange={(e) => setDraft({ ...draft, mustChange: e.currentTarget.checked })}
            error={errorFor(error, 'password_change_required')}
          />
          {mayReadGroups ? (
            <NativeSelect
              label="User group"
              description="A member's permissions are the group's"
              value={draft.groupId}
              onChange={(e) => setDraft({ ...draft, groupId: e.currentTarget.value })}
              data={groupOptions}
              error={errorFor(error, 'group_id') ?? groups.error?.message}
            />
          ) : draft.groupId ? (
            <Text size="sm">Member of user group {draft.groupId}.</Text>
          ) : null}
        </Stack>
      </Paper>
      <PermissionsEditor
        value={draft.perms}
        onChange={(perms) => setDraft({ ...draft, perms })}
        showAdmin={isAdmin(actor)}
        error={errorFor(error, 'user_permissions')}
        sectionsLocked={draft.groupId ? <GroupTemplate group={group} groupId={draft.groupId} /> : undefined}
      />
    </Stack>
  );
}

function FormError({ error }: { error: Error | null }) {
  if (!error || isFieldError(error, FIELDS)) return null;
  return (
    <Alert color="red" role="alert" title="Not saved">
      {error.message}
    </Alert>
  );
}

const emptyDraft = (): UserDraft => ({ first: '', last: '', email: '', password: '', mustChange: true, groupId: '', perms: draftFrom({}) });

/** /users/new: creates a user; the new access key is shown once. */
export function UserCreatePage({ user: actor }: { user: CurrentUser }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<UserDraft>(emptyDraft);
  const create = useMutation({
    mutationFn: async () => {
      const perms: PermissionMap = draft.groupId ? (draft.perms.admin ? { IsAdmin: 'admin' } : {}) : mapFrom(draft.perms, true);
      const { data, error, response } = await api.POST('/api/users', {
        body: {
          first_name: draft.first.trim(),
          last_name: draft.last.trim(),
          email_address: draft.email.trim(),
          ...(draft.password ? { password: draft.password } : {}),
          password_change_required: draft.mustChange,
          active: true,
          user_permissions: perms,
          ...(draft.groupId ? { group_id: draft.groupId } : {}),
        },
      });
      ensureOk(response, error);
      return data!.Meta as User;
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: usersKey });
    },
  });
  if (!can(actor, 'users', 'write')) return <NotFoundPage backTo="/users" backLabel="Back to users" />;

  if (create.isSuccess) {
    const created = create.data;
    return (
      <Stack gap="md" maw={720}>
        <PageHeader title={`${fullName(created)} was created`} />
        {created.access_key && <SecretOnce label="Access key" value={created.access_key} />}
        <Group gap="xs">
          <Button component={Link} to={`/users/${created.id}`}>
            Open {fullName(created)}
          </Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(emptyDraft());
              create.reset();
            }}
          >
            Create another user
          </Button>
          <Button component={Link} to="/users" variant="subtle">
            Back to users
          </Button>
        </Group>
      </Stack>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={720}>
        <PageHeader title="New user" description="The user's access key is shown once, right after the user is created." />
        <FormError error={create.error} />
        <UserFields actor={actor} draft={draft} setDraft={setDraft} error={create.error} creating />
        <Group gap="xs">
          <Button type="submit" loading={create.isPending}>
            Create user
          </Button>
          <Button component={Link} to="/users" variant="default">
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** /users/:id: the user's details; editable for `users: write`, read-only otherwise. */
export function UserPage({ user: actor }: { user: CurrentUser }) {
  const { id = '' } = useParams();
  const user = useUser(id);
  return (
    <QueryView query={user} label="Loading the user" notFound={{ backTo: '/users', backLabel: 'Back to users' }}>
      {(u) => (can(actor, 'users', 'write') ? <UserEditor key={u.id} actor={actor} target={u} /> : <UserDetails actor={actor} target={u} />)}
    </QueryView>
  );
}

/** A time, or "Never" for none: the API sends Go's zero time (year 1), as Tyk does, for a time never set. */
function formatDate(iso: string | undefined): string {
  const at = iso ? new Date(iso) : undefined;
  return at && at.getUTCFullYear() > 1 ? at.toLocaleString() : 'Never';
}

function UserFacts({ target, groupName }: { target: User; groupName: string | null }) {
  return (
    <Paper withBorder p="md" radius="md">
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
        <Detail label="Email">{target.email_address}</Detail>
        <Detail label="Role">{roleLabel(target.role)}</Detail>
        <Detail label="User group">{target.group_id ? (groupName ?? `Group ${target.group_id}`) : 'None'}</Detail>
        <Detail label="Last sign-in">{formatDate(target.last_login_date)}</Detail>
        <Detail label="Created">{formatDate(target.created_at)}</Detail>
        {target.access_key && <Detail label="Access key">ends in {target.access_key.replace('…', '')}</Detail>}
      </SimpleGrid>
    </Paper>
  );
}

/** Read-only: for users without `users: write` (no edit controls at all). */
function UserDetails({ actor, target }: { actor: CurrentUser; target: User }) {
  const groups = useAllGroups(can(actor, 'user_groups'));
  const group = groups.data?.find((g) => g.id === target.group_id);
  return (
    <Stack gap="md" maw={720}>
      <PageHeader title={fullName(target)} description={<StatusBadge active={target.active} />} />
      <UserFacts target={target} groupName={group?.name ?? null} />
      <Paper withBorder p="md" radius="md">
        {target.group_id && (
          <Text size="sm" mb="xs">
            These are the permissions of the user's group{group ? ` ${group.name}` : ''}.
          </Text>
        )}
        <PermissionsView value={target.user_permissions} caption={`Permissions of ${fullName(target)}`} />
      </Paper>
      <Anchor component={Link} to="/users">
        Back to users
      </Anchor>
    </Stack>
  );
}

function UserEditor({ actor, target }: { actor: CurrentUser; target: User }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const groups = useAllGroups(can(actor, 'user_groups'));
  const [draft, setDraft] = useState<UserDraft>({
    first: target.first_name,
    last: target.last_name,
    email: target.email_address,
    password: '',
    mustChange: target.password_change_required,
    groupId: target.group_id,
    perms: draftFrom(target.user_permissions),
  });
  const [confirm, setConfirm] = useState<'deactivate' | 'delete' | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: usersKey });
    await queryClient.invalidateQueries({ queryKey: groupsKey });
    if (target.id === actor.id) await queryClient.invalidateQueries({ queryKey: meKey });
  };

  const save = useMutation({
    mutationFn: async () => {
      const wasAdmin = target.user_permissions.IsAdmin === 'admin';
      let perms: PermissionMap | undefined;
      if (!draft.groupId) perms = mapFrom(draft.perms, true);
      else if (draft.perms.admin !== wasAdmin) perms = mapFrom({ ...draftFrom(target.user_permissions), admin: draft.perms.admin }, true);
      const { error, response } = await api.PUT('/api/users/{id}', {
        params: { path: { id: target.id } },
        body: {
          first_name: draft.first.trim(),
          last_name: draft.last.trim(),
          email_address: draft.email.trim(),
          password_change_required: draft.mustChange,
          group_id: draft.groupId,
          ...(perms ? { user_permissions: perms } : {}),
        },
      });
      ensureOk(response, error);
    },
    onSuccess: async () => {
      notifyDone('User saved');
      await refresh();
    },
  });
  const deactivate = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.PUT('/api/users/{id}/actions/revoke', { params: { path: { id: target.id } } });
      ensureOk(response, error);
    },
    onSuccess: async () => {
      setConfirm(null);
      notifyDone('User deactivated');
      await refresh();
    },
  });
  const activate = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.PUT('/api/users/{id}', {
        params: { path: { id: target.id } },
        body: { first_name: target.first_name, last_name: target.last_name, email_address: target.email_address, active: true },
      });
      ensureOk(response, error);
    },
    onSuccess: async () => {
      notifyDone('User activated');
      await refresh();
    },
  });
  const name = fullName(target);
  const group = groups.data?.find((g) => g.id === target.group_id);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Stack gap="md" maw={720}>
      <PageHeader
        title={name}
        description={<StatusBadge active={target.active} />}
        actions={
          <>
            {target.active ? (
              <Button variant="default" color="red" onClick={() => setConfirm('deactivate')}>
                Deactivate
              </Button>
            ) : (
              <Button variant="default" loading={activate.isPending} onClick={() => activate.mutate()}>
                Activate
              </Button>
            )}
            <Button color="red" variant="light" onClick={() => setConfirm('delete')}>
              Delete
            </Button>
          </>
        }
      />
      {activate.isError && (
        <Alert color="red" role="alert" title="Not activated">
          {activate.error.message}
        </Alert>
      )}
      <UserFacts target={target} groupName={group?.name ?? null} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3">
            Details and permissions
          </Title>
          <FormError error={save.error} />
          <UserFields actor={actor} draft={draft} setDraft={setDraft} error={save.error} creating={false} />
          <Group gap="xs">
            <Button type="submit" loading={save.isPending}>
              Save changes
            </Button>
            <Button component={Link} to="/users" variant="default">
              Back to users
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirm === 'deactivate'}
        title={`Deactivate ${name}?`}
        confirmLabel="Deactivate"
        pending={deactivate.isPending}
        error={deactivate.error}
        onClose={() => {
          setConfirm(null);
          deactivate.reset();
        }}
        onConfirm={() => deactivate.mutate()}
      >
        {`${name} is signed out everywhere and cannot sign in; their access key stops working for good (activating them again needs a new key).`}
      </ConfirmDialog>
      {confirm === 'delete' && (
        <DeleteOwnerDialogs
          actor={actor}
          kind="user"
          id={target.id}
          name={name}
          opened
          onClose={() => setConfirm(null)}
          onDeleted={() => {
            notifyDone('User deleted');
            // The lists are loaded afresh: a cached page would still show the deleted user.
            queryClient.removeQueries({ queryKey: [...usersKey, 'page'] });
            queryClient.removeQueries({ queryKey: [...usersKey, 'all'] });
            void navigate('/users');
          }}
        />
      )}
    </Stack>
  );
}
