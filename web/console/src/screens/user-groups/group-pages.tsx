import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ensureOk } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm.js';
import { errorFor, isFieldError } from '../../components/field-errors.js';
import { ListTable, SearchBox, sortRows, type Column, type SortState } from '../../components/list-table.js';
import { notifyDone } from '../../components/notify.js';
import { NotFoundPage, PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { can } from '../../permissions.js';
import { meKey, type CurrentUser } from '../../session.js';
import { DeleteOwnerDialogs } from '../users/delete-owner.js';
import { draftFrom, mapFrom, PermissionsEditor, PermissionsView, type PermissionDraft } from '../users/permissions-editor.js';
import { fullName, groupsKey, useAllGroups, useAllUsers, useGroup, usersKey, type UserGroup } from '../users/queries.js';
import { StatusBadge } from '../users/users-list.js';

const FIELDS = ['name', 'description', 'user_permissions', 'active'] as const;

/** /user-groups: every group, filtered by name or description on the client (the list is returned whole). */
export function GroupsListPage({ user }: { user: CurrentUser }) {
  const groups = useAllGroups();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortState | null>({ key: 'name', direction: 'asc' });
  const columns: Column<UserGroup>[] = [
    {
      key: 'name',
      header: 'Name',
      sortable: true,
      render: (g) => (
        <Anchor component={Link} to={`/user-groups/${g.id}`} fw={600} c="indigo.9">
          {g.name}
        </Anchor>
      ),
    },
    { key: 'description', header: 'Description', visibleFrom: 'sm', render: (g) => g.description || '—' },
    { key: 'status', header: 'Status', sortable: true, render: (g) => <StatusBadge active={g.active} /> },
  ];
  const needle = search.trim().toLowerCase();
  return (
    <>
      <PageHeader
        title="User groups"
        description="Permission templates shared by their members: changing a group changes every member at once."
        actions={
          can(user, 'user_groups', 'write') ? (
            <Button component={Link} to="/user-groups/new">
              New user group
            </Button>
          ) : undefined
        }
      />
      <SearchBox label="Search user groups" placeholder="Name or description" value={search} onChange={setSearch} />
      <QueryView query={groups} label="Loading user groups">
        {(all) => {
          const rows = all.filter((g) => needle === '' || g.name.toLowerCase().includes(needle) || g.description.toLowerCase().includes(needle));
          if (all.length === 0) {
            return <EmptyState title="No user groups yet">{can(user, 'user_groups', 'write') ? 'Create one to give several users the same permissions.' : undefined}</EmptyState>;
          }
          if (rows.length === 0) return <EmptyState title="No user group matches">No group's name or description contains “{search.trim()}”.</EmptyState>;
          return (
            <ListTable
              caption="User groups"
              columns={columns}
              rows={sortRows(rows, sort, (g, key) => (key === 'name' ? g.name : g.active ? 'Active' : 'Inactive'))}
              rowKey={(g) => g.id}
              sort={sort}
              onSort={setSort}
            />
          );
        }}
      </QueryView>
    </>
  );
}

interface GroupDraft {
  name: string;
  description: string;
  perms: PermissionDraft;
}

function GroupFields({ draft, setDraft, error }: { draft: GroupDraft; setDraft: (d: GroupDraft) => void; error: Error | null }) {
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <TextInput label="Name" required value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} error={errorFor(error, 'name')} />
          <Textarea label="Description" autosize minRows={2} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })} error={errorFor(error, 'description')} />
        </Stack>
      </Paper>
      <PermissionsEditor value={draft.perms} onChange={(perms) => setDraft({ ...draft, perms })} showAdmin={false} error={errorFor(error, 'user_permissions')} />
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

/** /user-groups/new */
export function GroupCreatePage({ user }: { user: CurrentUser }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<GroupDraft>({ name: '', description: '', perms: draftFrom({}) });
  const create = useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.POST('/api/usergroups', {
        body: { name: draft.name.trim(), description: draft.description.trim(), active: true, user_permissions: mapFrom(draft.perms, false) },
      });
      ensureOk(response, error);
      return String(data!.Meta);
    },
    onSuccess: async (id) => {
      notifyDone('User group created');
      await queryClient.invalidateQueries({ queryKey: groupsKey });
      await navigate(`/user-groups/${id}`);
    },
  });
  if (!can(user, 'user_groups', 'write')) return <NotFoundPage backTo="/user-groups" backLabel="Back to user groups" />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={720}>
        <PageHeader title="New user group" description="Its permissions become every member's permissions." />
        <FormError error={create.error} />
        <GroupFields draft={draft} setDraft={setDraft} error={create.error} />
        <Group gap="xs">
          <Button type="submit" loading={create.isPending}>
            Create user group
          </Button>
          <Button component={Link} to="/user-groups" variant="default">
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** /user-groups/:id: editable with `user_groups: write`, read-only otherwise. */
export function GroupPage({ user }: { user: CurrentUser }) {
  const { id = '' } = useParams();
  const group = useGroup(id);
  return (
    <QueryView query={group} label="Loading the user group" notFound={{ backTo: '/user-groups', backLabel: 'Back to user groups' }}>
      {(g) =>
        can(user, 'user_groups', 'write') ? (
          <GroupEditor key={g.id} actor={user} group={g} />
        ) : (
          <Stack gap="md" maw={720}>
            <PageHeader title={g.name} description={<StatusBadge active={g.active} />} />
            {g.description && <Text>{g.description}</Text>}
            <Paper withBorder p="md" radius="md">
              <PermissionsView value={g.user_permissions} caption={`Permissions of the group ${g.name}`} />
            </Paper>
            <Members actor={user} group={g} />
            <Anchor component={Link} to="/user-groups">
              Back to user groups
            </Anchor>
          </Stack>
        )
      }
    </QueryView>
  );
}

/** The group's members, for readers of the Users section. */
function Members({ actor, group }: { actor: CurrentUser; group: UserGroup }) {
  const mayReadUsers = can(actor, 'users');
  const users = useAllUsers(mayReadUsers);
  if (!mayReadUsers) return null;
  const members = (users.data ?? []).filter((u) => u.group_id === group.id);
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="xs">
        Members
      </Title>
      <QueryView query={users} label="Loading the members">
        {() =>
          members.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nobody is in this group yet. Choose it as a user's group on the user's page.
            </Text>
          ) : (
            <List size="sm" spacing={4}>
              {members.map((m) => (
                <List.Item key={m.id}>
                  <Anchor component={Link} to={`/users/${m.id}`}>
                    {fullName(m)}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    {m.email_address}
                  </Text>
                </List.Item>
              ))}
            </List>
          )
        }
      </QueryView>
    </Paper>
  );
}

function GroupEditor({ actor, group }: { actor: CurrentUser; group: UserGroup }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<GroupDraft>({ name: group.name, description: group.description, perms: draftFrom(group.user_permissions) });
  const [confirm, setConfirm] = useState<'deactivate' | 'delete' | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: groupsKey });
    await queryClient.invalidateQueries({ queryKey: usersKey });
    if (actor.group_id === group.id) await queryClient.invalidateQueries({ queryKey: meKey });
  };
  const put = async (body: { name: string; description: string; active?: boolean; user_permissions?: Record<string, string> }) => {
    const { error, response } = await api.PUT('/api/usergroups/{id}', { params: { path: { id: group.id } }, body });
    ensureOk(response, error);
  };
  const save = useMutation({
    mutationFn: () => put({ name: draft.name.trim(), description: draft.description.trim(), user_permissions: mapFrom(draft.perms, false) }),
    onSuccess: async () => {
      notifyDone('User group saved');
      await refresh();
    },
  });
  const setActive = useMutation({
    mutationFn: (active: boolean) => put({ name: group.name, description: group.description, active }),
    onSuccess: async (_, active) => {
      setConfirm(null);
      notifyDone(active ? 'User group activated' : 'User group deactivated');
      await refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Stack gap="md" maw={720}>
      <PageHeader
        title={group.name}
        description={<StatusBadge active={group.active} />}
        actions={
          <>
            {group.active ? (
              <Button variant="default" color="red" onClick={() => setConfirm('deactivate')}>
                Deactivate
              </Button>
            ) : (
              <Button variant="default" loading={setActive.isPending} onClick={() => setActive.mutate(true)}>
                Activate
              </Button>
            )}
            <Button color="red" variant="light" onClick={() => setConfirm('delete')}>
              Delete
            </Button>
          </>
        }
      />
      {setActive.isError && confirm === null && (
        <Alert color="red" role="alert" title="Not activated">
          {setActive.error.message}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={save.error} />
          <GroupFields draft={draft} setDraft={setDraft} error={save.error} />
          <Group gap="xs">
            <Button type="submit" loading={save.isPending}>
              Save changes
            </Button>
            <Button component={Link} to="/user-groups" variant="default">
              Back to user groups
            </Button>
          </Group>
        </Stack>
      </form>
      <Members actor={actor} group={group} />
      <ConfirmDialog
        opened={confirm === 'deactivate'}
        title={`Deactivate ${group.name}?`}
        confirmLabel="Deactivate"
        pending={setActive.isPending}
        error={setActive.error}
        onClose={() => {
          setConfirm(null);
          setActive.reset();
        }}
        onConfirm={() => setActive.mutate(false)}
      >
        {`Every member of ${group.name} is signed out at once and cannot sign in while the group is inactive; their access keys stop working for good.`}
      </ConfirmDialog>
      {confirm === 'delete' && (
        <DeleteOwnerDialogs
          actor={actor}
          kind="group"
          id={group.id}
          name={group.name}
          opened
          onClose={() => setConfirm(null)}
          onDeleted={() => {
            notifyDone('User group deleted');
            // The list is loaded afresh: a cached one would still show the deleted group.
            queryClient.removeQueries({ queryKey: [...groupsKey, 'all'] });
            void navigate('/user-groups');
          }}
        />
      )}
    </Stack>
  );
}
