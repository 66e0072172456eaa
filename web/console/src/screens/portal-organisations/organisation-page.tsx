import { Alert, Anchor, Badge, Button, Group, Menu, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { idFrom } from '../../route-params.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ensureOk } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm.js';
import { errorFor } from '../../components/field-errors.js';
import { ListTable, type Column } from '../../components/list-table.js';
import { notifyDone } from '../../components/notify.js';
import { NotFoundPage, PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { RowMenu } from '../../components/row-menu.js';
import { DeleteOrganisationDialog, NameDialog } from './organisation-dialogs.js';
import { countOf, organisationsKey, useOrganisation, useTeams, type Organisation, type Team } from './queries.js';

const BACK = { backTo: '/portal/organisations', backLabel: 'Back to organisations' };

/** /portal/organisations/:id: rename the organisation, manage its teams, delete it. */
export function OrganisationPage({ user }: { user: CurrentUser }) {
  const { id = '' } = useParams();
  const numeric = idFrom(id);
  const org = useOrganisation(numeric);
  if (numeric === null) return <NotFoundPage {...BACK} />;
  return (
    <QueryView query={org} label="Loading the organisation" notFound={BACK}>
      {(o) => <OrganisationView key={o.ID} user={user} org={o} />}
    </QueryView>
  );
}

function OrganisationView({ user, org }: { user: CurrentUser; org: Organisation }) {
  const writable = can(user, 'portal', 'write');
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader
        title={org.Name}
        description={
          <Group gap="xs" component="span">
            {org.Default && (
              <Badge color="indigo.9" variant="filled" component="span">
                Default Organisation
              </Badge>
            )}
            <Text span size="sm" c="dimmed">
              {countOf(org.Users.length, 'user', 'users')}, {countOf(org.Teams.length, 'team', 'teams')}
            </Text>
          </Group>
        }
        actions={
          writable && !org.Default ? (
            <Button color="red" variant="light" onClick={() => setDeleting(true)}>
              Delete organisation
            </Button>
          ) : undefined
        }
      />
      {org.Default && (
        <Text size="sm">
          New consumers join the Default Organisation when no registration rule or invitation places them elsewhere, and the users of a deleted organisation move here. It cannot be deleted.
        </Text>
      )}
      {writable && <RenameOrganisation org={org} />}
      <TeamsSection org={org} writable={writable} />
      <Anchor component={Link} to="/portal/organisations">
        Back to organisations
      </Anchor>
      {deleting && <DeleteOrganisationDialog organisationId={org.ID} name={org.Name} opened onClose={() => setDeleting(false)} onDeleted={() => void navigate('/portal/organisations')} />}
    </Stack>
  );
}

function RenameOrganisation({ org }: { org: Organisation }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(org.Name);
  const save = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.PUT('/portal-api/organisations/{organisationId}', { params: { path: { organisationId: String(org.ID) } }, body: { Name: name.trim() } });
      ensureOk(response, error);
    },
    onSuccess: async () => {
      notifyDone('Organisation renamed');
      await queryClient.invalidateQueries({ queryKey: organisationsKey });
    },
  });
  const fieldError = errorFor(save.error, 'Name');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="org-name-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="org-name-heading">
            Name
          </Title>
          <TextInput label="Organisation name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError} maw={420} />
          {save.error && !fieldError && (
            <Alert color="red" role="alert" title="Not saved">
              {save.error.message}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={name.trim() === org.Name}>
              Save changes
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function TeamsSection({ org, writable }: { org: Organisation; writable: boolean }) {
  const queryClient = useQueryClient();
  const teams = useTeams(org.ID);
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<Team | null>(null);
  const [deleting, setDeleting] = useState<Team | null>(null);
  const defaultTeam = org.Teams.find((t) => t.Default);
  const teamPath = (teamId: number) => ({ params: { path: { organisationId: String(org.ID), teamId: String(teamId) } } });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: organisationsKey });
    await queryClient.invalidateQueries({ queryKey: ['portal-consumers'] });
  };
  const remove = useMutation({
    mutationFn: async (team: Team) => {
      const { error, response } = await api.DELETE('/portal-api/organisations/{organisationId}/teams/{teamId}', teamPath(team.ID));
      ensureOk(response, error);
    },
    onSuccess: async (_, team) => {
      setDeleting(null);
      notifyDone(`Team ${team.Name} deleted`);
      await refresh();
    },
  });

  const columns: Column<Team>[] = [
    {
      key: 'name',
      header: 'Team',
      render: (t) => (
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t.Name}
          </Text>
          {t.Default && (
            <Badge color="indigo.9" variant="filled">
              Default team
            </Badge>
          )}
          <Text size="xs" c="dimmed" hiddenFrom="xs" w="100%">
            {countOf(t.Users.length, 'member', 'members')}
          </Text>
        </Group>
      ),
    },
    { key: 'members', header: 'Members', visibleFrom: 'xs', render: (t) => String(t.Users.length) },
    ...(writable
      ? [
          {
            key: 'actions',
            header: 'Actions',
            render: (t: Team) => (
              <RowMenu name={t.Name}>
                <Menu.Item onClick={() => setRenaming(t)}>Rename</Menu.Item>
                {!t.Default && (
                  <Menu.Item color="red.9" onClick={() => setDeleting(t)}>
                    Delete
                  </Menu.Item>
                )}
              </RowMenu>
            ),
          },
        ]
      : []),
  ];

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="teams-heading">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="teams-heading">
            Teams
          </Title>
          {writable && (
            <Button variant="default" onClick={() => setAdding(true)}>
              Add team
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          New members join the default team{defaultTeam ? `, “${defaultTeam.Name}”` : ''}; it cannot be deleted.
        </Text>
        <QueryView query={teams} label="Loading teams">
          {(rows) => (rows.length === 0 ? <EmptyState title="No teams" /> : <ListTable caption={`Teams of ${org.Name}`} columns={columns} rows={rows} rowKey={(t) => String(t.ID)} />)}
        </QueryView>
      </Stack>
      <NameDialog
        opened={adding}
        title={`Add a team to ${org.Name}`}
        label="Team name"
        initial=""
        submitLabel="Create team"
        onClose={() => setAdding(false)}
        save={async (Name) => {
          const { error, response } = await api.POST('/portal-api/organisations/{organisationId}/teams', { params: { path: { organisationId: String(org.ID) } }, body: { Name } });
          ensureOk(response, error);
          notifyDone(`Team ${Name} created`);
          await refresh();
        }}
        onSaved={() => setAdding(false)}
      />
      <NameDialog
        opened={renaming !== null}
        title={`Rename ${renaming?.Name ?? 'team'}`}
        label="Team name"
        initial={renaming?.Name ?? ''}
        submitLabel="Save changes"
        onClose={() => setRenaming(null)}
        save={async (Name) => {
          const { error, response } = await api.PUT('/portal-api/organisations/{organisationId}/teams/{teamId}', { ...teamPath(renaming!.ID), body: { Name } });
          ensureOk(response, error);
          notifyDone('Team renamed');
          await refresh();
        }}
        onSaved={() => setRenaming(null)}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete team ${deleting?.Name ?? ''}?`}
        confirmLabel="Delete team"
        pending={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
        onConfirm={() => deleting && remove.mutate(deleting)}
      >
        <Stack gap="xs">
          <Text size="sm">The team is deleted, and any registration rule for it is removed.</Text>
          <Text size="sm" fw={600}>
            {deleting && deleting.Users.length === 0
              ? 'It has no members: nobody moves.'
              : `Its ${countOf(deleting?.Users.length ?? 0, 'member stays', 'members stay')} in ${org.Name} and ${deleting?.Users.length === 1 ? 'joins' : 'join'} its default team${defaultTeam ? `, “${defaultTeam.Name}”` : ''}.`}
          </Text>
        </Stack>
      </ConfirmDialog>
    </Paper>
  );
}
