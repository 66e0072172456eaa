import { Alert, Button, Checkbox, Fieldset, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { PasswordField } from '@portcullis/web-shared';
import { useEffect, useState, type FormEvent } from 'react';
import { errorFor, isFieldError } from '../../components/field-errors.js';
import { notifyDone } from '../../components/notify.js';
import { PageHeader } from '../../components/page.js';
import { QueryView } from '../../components/query-states.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { useOrganisations, usePortalSettings, useSaveSettings, useSendTestEmail, useTeams, type PortalSettings, type SettingsUpdate } from './queries.js';

/** A rule being edited: organisation and team may not be chosen yet. */
interface RuleDraft {
  key: number;
  Domain: string;
  OrganisationID: number | null;
  TeamID: number | null;
  AutoApprove: boolean;
}

interface Draft {
  SelfRegistration: boolean;
  AutoApproveConsumers: boolean;
  AdminNotificationEmail: string;
  SenderEmail: string;
  SMTPHost: string;
  SMTPPort: number | string;
  SMTPUsername: string;
  /** A new password; empty keeps the stored one. */
  newPassword: string;
  clearPassword: boolean;
  rules: RuleDraft[];
}

let nextKey = 1;

function draftOf(s: PortalSettings): Draft {
  return {
    SelfRegistration: s.SelfRegistration,
    AutoApproveConsumers: s.AutoApproveConsumers,
    AdminNotificationEmail: s.AdminNotificationEmail,
    SenderEmail: s.SenderEmail,
    SMTPHost: s.SMTPHost,
    SMTPPort: s.SMTPPort,
    SMTPUsername: s.SMTPUsername,
    newPassword: '',
    clearPassword: false,
    rules: s.RegistrationRules.map((r) => ({ ...r, key: nextKey++ })),
  };
}

const rulesOf = (rules: RuleDraft[]) => rules.map((r) => ({ Domain: r.Domain.trim(), OrganisationID: r.OrganisationID ?? 0, TeamID: r.TeamID ?? 0, AutoApprove: r.AutoApprove }));

/** Only what changed, so the audit log says what was changed. */
function changes(saved: PortalSettings, d: Draft): SettingsUpdate {
  const out: SettingsUpdate = {};
  if (d.SelfRegistration !== saved.SelfRegistration) out.SelfRegistration = d.SelfRegistration;
  if (d.AutoApproveConsumers !== saved.AutoApproveConsumers) out.AutoApproveConsumers = d.AutoApproveConsumers;
  if (d.AdminNotificationEmail.trim() !== saved.AdminNotificationEmail) out.AdminNotificationEmail = d.AdminNotificationEmail.trim();
  if (d.SenderEmail.trim() !== saved.SenderEmail) out.SenderEmail = d.SenderEmail.trim();
  if (d.SMTPHost.trim() !== saved.SMTPHost) out.SMTPHost = d.SMTPHost.trim();
  if (Number(d.SMTPPort) !== saved.SMTPPort) out.SMTPPort = Number(d.SMTPPort);
  if (d.SMTPUsername.trim() !== saved.SMTPUsername) out.SMTPUsername = d.SMTPUsername.trim();
  if (d.newPassword !== '') out.SMTPPassword = d.newPassword;
  else if (d.clearPassword && saved.SMTPPasswordSet) out.SMTPPassword = '';
  const rules = rulesOf(d.rules);
  if (JSON.stringify(rules) !== JSON.stringify(saved.RegistrationRules)) out.RegistrationRules = rules;
  return out;
}

const FIELDS = ['SelfRegistration', 'AutoApproveConsumers', 'AdminNotificationEmail', 'SenderEmail', 'SMTPHost', 'SMTPPort', 'SMTPUsername', 'SMTPPassword', 'RegistrationRules'] as const;

function RuleRow({
  index,
  rule,
  readOnly,
  error,
  onChange,
  onRemove,
}: {
  index: number;
  rule: RuleDraft;
  readOnly: boolean;
  error: Error | null;
  onChange: (r: RuleDraft) => void;
  onRemove: () => void;
}) {
  const organisations = useOrganisations();
  const teams = useTeams(rule.OrganisationID);
  // A newly chosen organisation starts with its default team.
  useEffect(() => {
    if (rule.OrganisationID !== null && rule.TeamID === null && teams.data) {
      const fallback = teams.data.find((t) => t.Default) ?? teams.data[0];
      if (fallback) onChange({ ...rule, TeamID: fallback.ID });
    }
  }, [teams.data, rule, onChange]);
  const path = `RegistrationRules.${index}`;
  return (
    <Fieldset legend={`Rule ${index + 1}${rule.Domain ? `: ${rule.Domain}` : ''}`} p="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label="Email domain"
          placeholder="acme.com"
          required
          readOnly={readOnly}
          value={rule.Domain}
          onChange={(e) => onChange({ ...rule, Domain: e.currentTarget.value })}
          error={errorFor(error, `${path}.Domain`)}
        />
        <Select
          label="Organisation"
          required
          readOnly={readOnly}
          data={(organisations.data ?? []).map((o) => ({ value: String(o.ID), label: o.Name }))}
          value={rule.OrganisationID === null ? null : String(rule.OrganisationID)}
          onChange={(v) => onChange({ ...rule, OrganisationID: v === null ? null : Number(v), TeamID: null })}
          error={errorFor(error, `${path}.OrganisationID`) ?? (organisations.isError ? organisations.error.message : undefined)}
          placeholder={organisations.isPending ? 'Loading organisations…' : 'Choose an organisation'}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label="Team"
          required
          readOnly={readOnly}
          disabled={rule.OrganisationID === null}
          data={(teams.data ?? []).map((t) => ({ value: String(t.ID), label: t.Name }))}
          value={rule.TeamID === null ? null : String(rule.TeamID)}
          onChange={(v) => onChange({ ...rule, TeamID: v === null ? null : Number(v) })}
          error={errorFor(error, `${path}.TeamID`)}
          placeholder={rule.OrganisationID === null ? 'Choose the organisation first' : 'Choose a team'}
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      <Group justify="space-between" mt="sm" wrap="wrap">
        <Checkbox
          label="Approve automatically"
          disabled={readOnly}
          checked={rule.AutoApprove}
          onChange={(e) => onChange({ ...rule, AutoApprove: e.currentTarget.checked })}
          error={errorFor(error, `${path}.AutoApprove`)}
        />
        {!readOnly && (
          <Button variant="default" size="xs" onClick={onRemove} aria-label={`Remove rule ${index + 1}${rule.Domain ? ` (${rule.Domain})` : ''}`}>
            Remove rule
          </Button>
        )}
      </Group>
    </Fieldset>
  );
}

function TestEmail({ user, dirty }: { user: CurrentUser; dirty: boolean }) {
  const [to, setTo] = useState(user.email_address);
  const send = useSendTestEmail();
  return (
    <Paper withBorder p="md" maw={820} component="section" aria-labelledby="test-email-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="test-email-title">
          Test email
        </Title>
        <Text size="sm">Sends one email right away through the saved SMTP settings, and shows what the mail server answered.</Text>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label="Send the test email to"
            type="email"
            value={to}
            onChange={(e) => {
              setTo(e.currentTarget.value);
              send.reset();
            }}
            error={errorFor(send.error, 'to')}
            miw={260}
            style={{ flexGrow: 1 }}
          />
          <Button variant="default" loading={send.isPending} disabled={dirty || to.trim() === ''} onClick={() => send.mutate(to.trim())}>
            Send test email
          </Button>
        </Group>
        {dirty && (
          <Text size="sm" c="dimmed">
            Save your changes first: the test uses the saved settings.
          </Text>
        )}
        {send.isSuccess && (
          <Alert color="teal.9" variant="filled" role="status" title="Test email sent">
            {send.data.Message}. Check the inbox of {send.variables}.
          </Alert>
        )}
        {send.error && !errorFor(send.error, 'to') && (
          <Alert color="red" role="alert" title="The test email was not sent">
            {send.error.message}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function SettingsForm({ user, saved }: { user: CurrentUser; saved: PortalSettings }) {
  const writable = can(user, 'portal', 'write');
  const [d, setD] = useState<Draft>(() => draftOf(saved));
  const save = useSaveSettings();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const patch = changes(saved, d);
  const dirty = Object.keys(patch).length > 0;
  const error = save.error;
  const incomplete = d.rules.some((r) => r.OrganisationID === null || r.TeamID === null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(patch, {
      onSuccess: (next) => {
        setD(draftOf(next));
        notifyDone('Settings saved');
      },
    });
  };
  const setRule = (key: number) => (r: RuleDraft) => setD((prev) => ({ ...prev, rules: prev.rules.map((x) => (x.key === key ? r : x)) }));

  return (
    <Stack gap="lg">
      <form onSubmit={submit} noValidate style={{ maxWidth: 820 }}>
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="registration-title">
          <Stack gap="md">
            <Title order={2} size="h4" id="registration-title">
              Registration
            </Title>
            <Switch
              label="Allow API consumers to register themselves"
              description="When off, only invited people can register."
              disabled={!writable}
              checked={d.SelfRegistration}
              onChange={(e) => set('SelfRegistration', e.currentTarget.checked)}
              error={errorFor(error, 'SelfRegistration')}
            />
            <Switch
              label="Auto-approve API consumers registering to the portal"
              description="New registrations are active at once, without an administrator's review."
              disabled={!writable}
              checked={d.AutoApproveConsumers}
              onChange={(e) => set('AutoApproveConsumers', e.currentTarget.checked)}
              error={errorFor(error, 'AutoApproveConsumers')}
            />
          </Stack>
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="rules-title">
          <Stack gap="md">
            <Title order={2} size="h4" id="rules-title">
              Registration rules by email domain
            </Title>
            <Text size="sm">People who register with an address at a domain below join its organisation and team, and are approved at once when the rule says so.</Text>
            {d.rules.length === 0 && (
              <Text size="sm" c="dimmed">
                No rules: everyone who registers joins the Default Organisation.
              </Text>
            )}
            {d.rules.map((r, i) => (
              <RuleRow
                key={r.key}
                index={i}
                rule={r}
                readOnly={!writable}
                error={error}
                onChange={setRule(r.key)}
                onRemove={() => setD((prev) => ({ ...prev, rules: prev.rules.filter((x) => x.key !== r.key) }))}
              />
            ))}
            {errorFor(error, 'RegistrationRules') && !d.rules.some((_r, i) => errorFor(error, `RegistrationRules.${i}`)) && (
              <Alert color="red" role="alert">
                {errorFor(error, 'RegistrationRules')}
              </Alert>
            )}
            {writable && (
              <Group>
                <Button variant="default" onClick={() => set('rules', [...d.rules, { key: nextKey++, Domain: '', OrganisationID: null, TeamID: null, AutoApprove: false }])}>
                  Add rule
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="email-title">
          <Stack gap="md">
            <Title order={2} size="h4" id="email-title">
              Email
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Sender email"
                description="The From address of portal email."
                type="email"
                readOnly={!writable}
                value={d.SenderEmail}
                onChange={(e) => set('SenderEmail', e.currentTarget.value)}
                error={errorFor(error, 'SenderEmail')}
              />
              <TextInput
                label="Administrator notification email"
                description="Where notifications for administrators go; empty: every active administrator."
                type="email"
                readOnly={!writable}
                value={d.AdminNotificationEmail}
                onChange={(e) => set('AdminNotificationEmail', e.currentTarget.value)}
                error={errorFor(error, 'AdminNotificationEmail')}
              />
              <TextInput
                label="SMTP host"
                description="Empty: no email is sent."
                readOnly={!writable}
                value={d.SMTPHost}
                onChange={(e) => set('SMTPHost', e.currentTarget.value)}
                error={errorFor(error, 'SMTPHost')}
              />
              <NumberInput
                label="SMTP port"
                description="465 uses TLS; other ports upgrade with STARTTLS when offered."
                readOnly={!writable}
                min={1}
                max={65535}
                allowDecimal={false}
                value={d.SMTPPort}
                onChange={(v) => set('SMTPPort', v)}
                error={errorFor(error, 'SMTPPort')}
              />
              <TextInput
                label="SMTP username"
                readOnly={!writable}
                value={d.SMTPUsername}
                onChange={(e) => set('SMTPUsername', e.currentTarget.value)}
                error={errorFor(error, 'SMTPUsername')}
                autoComplete="off"
              />
              <Stack gap={4}>
                <Text size="sm" fw={500} id="smtp-password-state">
                  SMTP password: {saved.SMTPPasswordSet ? 'set' : 'not set'}
                </Text>
                {writable && (
                  <>
                    <PasswordField
                      label={saved.SMTPPasswordSet ? 'New SMTP password' : 'SMTP password'}
                      description={saved.SMTPPasswordSet ? 'Leave empty to keep the stored one.' : 'Stored write-only: it is never shown again.'}
                      value={d.newPassword}
                      onChange={(e) => set('newPassword', e.currentTarget.value)}
                      error={errorFor(error, 'SMTPPassword')}
                      autoComplete="new-password"
                    />
                    {saved.SMTPPasswordSet && (
                      <Checkbox
                        label="Remove the stored SMTP password"
                        disabled={d.newPassword !== ''}
                        checked={d.clearPassword}
                        onChange={(e) => set('clearPassword', e.currentTarget.checked)}
                      />
                    )}
                  </>
                )}
              </Stack>
            </SimpleGrid>
          </Stack>
        </Paper>

        {error && !isFieldError(error, FIELDS) && !d.rules.some((_r, i) => errorFor(error, `RegistrationRules.${i}`)) && (
          <Alert color="red" role="alert" title="Not saved">
            {error.message}
          </Alert>
        )}
        {writable && (
          <Group justify="flex-end" gap="xs">
            {incomplete && (
              <Text size="sm" c="dimmed">
                Choose an organisation and a team for every rule.
              </Text>
            )}
            <Button variant="default" disabled={!dirty || save.isPending} onClick={() => setD(draftOf(saved))}>
              Discard changes
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!dirty || incomplete}>
              Save changes
            </Button>
          </Group>
        )}
      </Stack>
      </form>
      {writable && <TestEmail user={user} dirty={dirty} />}
    </Stack>
  );
}

/** Settings > General: registration, approval, registration rules and email (SMTP). */
export function PortalSettingsPage({ user }: { user: CurrentUser }) {
  const settings = usePortalSettings();
  return (
    <>
      <PageHeader title="General settings" description="Settings > General: how API consumers join the portal, and how the portal sends email." />
      <QueryView query={settings} label="Loading the settings">
        {(data) => <SettingsForm user={user} saved={data} />}
      </QueryView>
    </>
  );
}
