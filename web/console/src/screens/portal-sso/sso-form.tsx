import { Alert, Button, Checkbox, Code, Group, NativeSelect, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { PasswordField } from '@portcullis/web-shared';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorFor, isFieldError } from '../../components/field-errors.js';
import { notifyDone } from '../../components/notify.js';
import { PageHeader } from '../../components/page.js';
import { QueryView } from '../../components/query-states.js';
import { can, isAdmin } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { useMappingTargets, useSaveSsoProfile, useSsoProfile, useTestSsoProfile, type SsoProfile, type SsoProfileCreate } from './queries.js';
import { DeleteProfileDialog, STAFF_ACTION } from './sso-list.js';

const CONSUMER_ACTION = 'GenerateOrLoginDeveloperProfile';
const BACK = { backTo: '/portal/sso', backLabel: 'Back to single sign-on' };
const FIELDS = [
  'ID',
  'Name',
  'ActionType',
  'ProviderName',
  'ProviderConfig',
  'CustomEmailField',
  'CustomUserGroupField',
  'UserGroupSeparator',
  'UserGroupMapping',
  'DefaultUserGroupID',
  'SSOOnlyForRegisteredUsers',
  'SSOOnly',
  'ReturnURL',
] as const;

interface MappingRow {
  key: number;
  claim: string;
  target: string | null;
}

interface Draft {
  id: string;
  name: string;
  actionType: typeof STAFF_ACTION | typeof CONSUMER_ACTION;
  providerName: string;
  discoveryUrl: string;
  clientId: string;
  /** A new secret; empty keeps the stored one. */
  clientSecret: string;
  removeSecret: boolean;
  scopes: string;
  emailField: string;
  groupField: string;
  separator: string;
  mapping: MappingRow[];
  defaultTarget: string;
  registeredOnly: boolean;
  ssoOnly: boolean;
  returnUrl: string;
}

let nextKey = 1;

const EMPTY: Draft = {
  id: '',
  name: '',
  actionType: CONSUMER_ACTION,
  providerName: '',
  discoveryUrl: '',
  clientId: '',
  clientSecret: '',
  removeSecret: false,
  scopes: 'openid email profile',
  emailField: '',
  groupField: '',
  separator: '',
  mapping: [],
  defaultTarget: '',
  registeredOnly: false,
  ssoOnly: false,
  returnUrl: '',
};

function draftOf(p: SsoProfile): Draft {
  return {
    id: p.ID,
    name: p.Name,
    actionType: p.ActionType,
    providerName: p.ProviderName,
    discoveryUrl: p.ProviderConfig.DiscoveryURL,
    clientId: p.ProviderConfig.ClientID,
    clientSecret: '',
    removeSecret: false,
    scopes: p.ProviderConfig.Scopes.join(' '),
    emailField: p.CustomEmailField,
    groupField: p.CustomUserGroupField,
    separator: p.UserGroupSeparator,
    mapping: Object.entries(p.UserGroupMapping).map(([claim, target]) => ({ key: nextKey++, claim, target })),
    defaultTarget: p.DefaultUserGroupID,
    registeredOnly: p.SSOOnlyForRegisteredUsers,
    ssoOnly: p.SSOOnly,
    returnUrl: p.ReturnURL,
  };
}

function bodyOf(d: Draft, existing: SsoProfile | null): SsoProfileCreate {
  const secret = d.clientSecret !== '' ? { ClientSecret: d.clientSecret } : d.removeSecret && existing?.ProviderConfig.ClientSecretSet ? { ClientSecret: '' } : {};
  return {
    ID: existing?.ID ?? d.id.trim(),
    Name: d.name.trim(),
    ActionType: d.actionType,
    ProviderName: d.providerName.trim(),
    ProviderConfig: {
      DiscoveryURL: d.discoveryUrl.trim(),
      ClientID: d.clientId.trim(),
      Scopes: d.scopes.split(/\s+/).filter((s) => s !== ''),
      ...secret,
    },
    CustomEmailField: d.emailField.trim(),
    CustomUserGroupField: d.groupField.trim(),
    UserGroupSeparator: d.separator,
    UserGroupMapping: Object.fromEntries(d.mapping.filter((m) => m.claim.trim() !== '').map((m) => [m.claim.trim(), m.target ?? ''])),
    DefaultUserGroupID: d.defaultTarget,
    SSOOnlyForRegisteredUsers: d.registeredOnly,
    SSOOnly: d.ssoOnly,
    ReturnURL: d.returnUrl.trim(),
  };
}

function TestProfile({ id, dirty }: { id: string; dirty: boolean }) {
  const test = useTestSsoProfile();
  return (
    <Paper withBorder p="md" maw={820} component="section" aria-labelledby="sso-test-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="sso-test-title">
          Test this profile
        </Title>
        <Text size="sm">Fetches the provider's discovery document now, with the saved settings, and says whether this profile can use it.</Text>
        <Group>
          <Button variant="default" loading={test.isPending} disabled={dirty} onClick={() => test.mutate(id)}>
            Test this profile
          </Button>
        </Group>
        {dirty && (
          <Text size="sm" c="dimmed">
            Save your changes first: the test uses the saved settings.
          </Text>
        )}
        {test.data && (
          <Alert color={test.data.Works ? 'teal.9' : 'red'} variant={test.data.Works ? 'filled' : 'light'} role="status" title={test.data.Works ? 'The profile works' : 'The profile does not work yet'}>
            {test.data.Message}
          </Alert>
        )}
        {test.error && (
          <Alert color="red" role="alert" title="The test could not run">
            {test.error.message}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function ProfileForm({ user, existing }: { user: CurrentUser; existing: SsoProfile | null }) {
  const navigate = useNavigate();
  const [d, setD] = useState<Draft>(() => (existing ? draftOf(existing) : EMPTY));
  const [deleting, setDeleting] = useState(false);
  const save = useSaveSsoProfile(existing?.ID ?? null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const staff = d.actionType === STAFF_ACTION;
  const targets = useMappingTargets(staff);
  // Staff profiles create Dashboard accounts in any user group: administrators only (the server says so too).
  const writable = can(user, 'portal', 'write') && (isAdmin(user) || (!staff && existing?.ActionType !== STAFF_ACTION));
  const error = save.error;
  const dirty = existing !== null && JSON.stringify(bodyOf(d, existing)) !== JSON.stringify(bodyOf(draftOf(existing), existing));
  const targetWord = staff ? 'user group' : 'team';
  const targetOptions = targets.data ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(bodyOf(d, existing), {
      onSuccess: async (saved) => {
        notifyDone(existing ? `Profile ${saved.Name} saved` : `Profile ${saved.Name} created`);
        setD(draftOf(saved));
        if (!existing) await navigate(`/portal/sso/${encodeURIComponent(saved.ID)}`, { replace: true });
      },
    });
  };
  const setRow = (key: number, row: Partial<MappingRow>) => setD((prev) => ({ ...prev, mapping: prev.mapping.map((m) => (m.key === key ? { ...m, ...row } : m)) }));

  return (
    <Stack gap="lg">
      <PageHeader
        title={existing ? existing.Name : 'New single sign-on profile'}
        description={existing ? `Sign in with ${existing.ProviderName}` : 'Connects an OpenID Connect provider: register the redirect address below at the provider, then enter what it gives you.'}
        actions={
          <>
            <Button component={Link} to="/portal/sso" variant="default">
              Back to single sign-on
            </Button>
            {existing && writable && (
              <Button color="red.9" variant="outline" onClick={() => setDeleting(true)}>
                Delete profile
              </Button>
            )}
          </>
        }
      />
      {existing && (
        <Paper withBorder p="md" maw={820} component="section" aria-labelledby="sso-addresses-title">
          <Stack gap="xs">
            <Title order={2} size="h4" id="sso-addresses-title">
              Addresses
            </Title>
            <Text size="sm">
              Redirect address to register at the provider: <Code>{existing.RedirectURL}</Code>
            </Text>
            <Text size="sm">
              Login address (the sign-in button's link): <Code>{existing.LoginURL}</Code>
            </Text>
          </Stack>
        </Paper>
      )}
      <form onSubmit={submit} noValidate style={{ maxWidth: 820 }}>
        <Stack gap="lg">
          {error && !isFieldError(error, FIELDS) && (
            <Alert color="red" role="alert" title="Not saved">
              {error.message}
            </Alert>
          )}
          <Paper withBorder p="md" component="section" aria-labelledby="sso-profile-title">
            <Stack gap="md">
              <Title order={2} size="h4" id="sso-profile-title">
                Profile
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label="Name" description="For administrators" required readOnly={!writable} value={d.name} onChange={(e) => set('name', e.currentTarget.value)} error={errorFor(error, 'Name')} />
                <TextInput
                  label="Profile key"
                  description="Letters, digits, - and _; part of the addresses; cannot change later"
                  required
                  readOnly={existing !== null || !writable}
                  value={d.id}
                  onChange={(e) => set('id', e.currentTarget.value)}
                  error={errorFor(error, 'ID')}
                />
              </SimpleGrid>
              <NativeSelect
                label="Who signs in with it"
                disabled={!writable}
                data={[
                  { value: CONSUMER_ACTION, label: 'API consumers, into the Live Portal' },
                  ...(isAdmin(user) || existing?.ActionType === STAFF_ACTION ? [{ value: STAFF_ACTION, label: 'Staff, into the console' }] : []),
                ]}
                value={d.actionType}
                onChange={(e) => {
                  const actionType = e.currentTarget.value === STAFF_ACTION ? STAFF_ACTION : CONSUMER_ACTION;
                  // The groups' targets differ by audience (user groups or teams): the mapping starts over.
                  setD((prev) => ({ ...prev, actionType, mapping: [], defaultTarget: '' }));
                }}
                error={errorFor(error, 'ActionType')}
              />
              <TextInput
                label="Provider name"
                description="The button reads “Sign in with <provider name>”"
                required
                readOnly={!writable}
                value={d.providerName}
                onChange={(e) => set('providerName', e.currentTarget.value)}
                error={errorFor(error, 'ProviderName')}
              />
            </Stack>
          </Paper>

          <Paper withBorder p="md" component="section" aria-labelledby="sso-provider-title">
            <Stack gap="md">
              <Title order={2} size="h4" id="sso-provider-title">
                Provider
              </Title>
              <TextInput
                label="Discovery URL"
                description="https://…/.well-known/openid-configuration, or the issuer's address"
                required
                readOnly={!writable}
                value={d.discoveryUrl}
                onChange={(e) => set('discoveryUrl', e.currentTarget.value)}
                error={errorFor(error, 'ProviderConfig.DiscoveryURL')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label="Client ID" required readOnly={!writable} value={d.clientId} onChange={(e) => set('clientId', e.currentTarget.value)} error={errorFor(error, 'ProviderConfig.ClientID')} />
                <PasswordField
                  label="Client secret"
                  description={existing?.ProviderConfig.ClientSecretSet ? 'A secret is stored and never shown; type a new one to replace it' : 'Leave empty for a public client (PKCE only)'}
                  autoComplete="new-password"
                  readOnly={!writable}
                  value={d.clientSecret}
                  onChange={(e) => set('clientSecret', e.currentTarget.value)}
                  error={errorFor(error, 'ProviderConfig.ClientSecret')}
                />
              </SimpleGrid>
              {existing?.ProviderConfig.ClientSecretSet && writable && (
                <Checkbox label="Remove the stored client secret" checked={d.removeSecret} onChange={(e) => set('removeSecret', e.currentTarget.checked)} />
              )}
              <TextInput
                label="Scopes"
                description="Separated by spaces; openid is required. Add the scope that releases the group claim (often groups) if you map groups."
                readOnly={!writable}
                value={d.scopes}
                onChange={(e) => set('scopes', e.currentTarget.value)}
                error={errorFor(error, 'ProviderConfig.Scopes')}
              />
              <TextInput
                label="Email claim"
                description="Leave empty for email"
                readOnly={!writable}
                value={d.emailField}
                onChange={(e) => set('emailField', e.currentTarget.value)}
                error={errorFor(error, 'CustomEmailField')}
              />
            </Stack>
          </Paper>

          <Paper withBorder p="md" component="section" aria-labelledby="sso-groups-title">
            <Stack gap="md">
              <Title order={2} size="h4" id="sso-groups-title">
                Groups
              </Title>
              <Text size="sm">
                {staff
                  ? 'A value of the group claim places the person in a Dashboard user group; the first value that matches wins. Administrators keep their group.'
                  : 'Values of the group claim place the consumer in teams (and the organisation of the first match).'}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="Group claim"
                  description="e.g. groups; empty: no mapping"
                  readOnly={!writable}
                  value={d.groupField}
                  onChange={(e) => set('groupField', e.currentTarget.value)}
                  error={errorFor(error, 'CustomUserGroupField')}
                />
                <TextInput
                  label="Separator"
                  description="When the claim is one string, e.g. a comma"
                  readOnly={!writable}
                  value={d.separator}
                  onChange={(e) => set('separator', e.currentTarget.value)}
                  error={errorFor(error, 'UserGroupSeparator')}
                />
              </SimpleGrid>
              {d.mapping.map((m, i) => (
                <Group key={m.key} align="flex-end" wrap="wrap">
                  <TextInput
                    label={`Claim value ${i + 1}`}
                    readOnly={!writable}
                    value={m.claim}
                    onChange={(e) => setRow(m.key, { claim: e.currentTarget.value })}
                    error={errorFor(error, `UserGroupMapping.${m.claim.trim()}`)}
                    style={{ flexGrow: 1 }}
                  />
                  <Select
                    label={`${staff ? 'User group' : 'Team'} for claim value ${i + 1}`}
                    readOnly={!writable}
                    data={targetOptions}
                    value={m.target}
                    onChange={(v) => setRow(m.key, { target: v })}
                    placeholder={targets.isPending ? 'Loading…' : `Choose a ${targetWord}`}
                    comboboxProps={{ withinPortal: true }}
                    style={{ flexGrow: 1 }}
                  />
                  {writable && (
                    <Button variant="default" onClick={() => setD((prev) => ({ ...prev, mapping: prev.mapping.filter((x) => x.key !== m.key) }))} aria-label={`Remove claim value ${i + 1}`}>
                      Remove
                    </Button>
                  )}
                </Group>
              ))}
              {writable && (
                <Group>
                  <Button variant="default" onClick={() => setD((prev) => ({ ...prev, mapping: [...prev.mapping, { key: nextKey++, claim: '', target: null }] }))}>
                    Add a claim value
                  </Button>
                </Group>
              )}
              <Select
                label={`Default ${targetWord}`}
                description={staff ? 'When no claim value matches; empty: no group' : 'When no claim value matches; empty: the Default Organisation'}
                readOnly={!writable}
                data={[{ value: '', label: 'None' }, ...targetOptions]}
                value={d.defaultTarget}
                onChange={(v) => set('defaultTarget', v ?? '')}
                error={errorFor(error, 'DefaultUserGroupID')}
                comboboxProps={{ withinPortal: true }}
              />
            </Stack>
          </Paper>

          <Paper withBorder p="md" component="section" aria-labelledby="sso-access-title">
            <Stack gap="md">
              <Title order={2} size="h4" id="sso-access-title">
                Sign-in rules
              </Title>
              <Switch
                label="Registered users only"
                description="Only people who already have an account may sign in; nobody is created."
                disabled={!writable}
                checked={d.registeredOnly}
                onChange={(e) => set('registeredOnly', e.currentTarget.checked)}
                error={errorFor(error, 'SSOOnlyForRegisteredUsers')}
              />
              <Switch
                label={`Single sign-on only for ${staff ? 'staff' : 'API consumers'}`}
                description="Password sign-in is refused for this audience, and its sign-in page shows only the providers' buttons. Access keys keep working."
                disabled={!writable}
                checked={d.ssoOnly}
                onChange={(e) => set('ssoOnly', e.currentTarget.checked)}
                error={errorFor(error, 'SSOOnly')}
              />
              <TextInput
                label="Return address"
                description={`Where people land after signing in, a path on this server; empty: ${staff ? 'the console' : 'the consumer dashboard'}`}
                readOnly={!writable}
                value={d.returnUrl}
                onChange={(e) => set('returnUrl', e.currentTarget.value)}
                error={errorFor(error, 'ReturnURL')}
              />
            </Stack>
          </Paper>
          {writable && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {existing ? 'Save profile' : 'Create profile'}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      {existing && <TestProfile id={existing.ID} dirty={dirty} />}
      {existing && (
        <DeleteProfileDialog
          profile={deleting ? existing : null}
          onClose={() => setDeleting(false)}
          onDeleted={() => {
            setDeleting(false);
            void navigate('/portal/sso');
          }}
        />
      )}
    </Stack>
  );
}

export function SsoProfileCreatePage({ user }: { user: CurrentUser }) {
  return <ProfileForm user={user} existing={null} />;
}

export function SsoProfileEditPage({ user }: { user: CurrentUser }) {
  const { id = '' } = useParams();
  const profile = useSsoProfile(id);
  return (
    <QueryView query={profile} label="Loading the profile" notFound={BACK}>
      {(p) => <ProfileForm key={`${p.ID}-${p.UpdatedAt}`} user={user} existing={p} />}
    </QueryView>
  );
}
