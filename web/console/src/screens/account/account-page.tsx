import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { PasswordField } from '@portcullis/web-shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ensureOk } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm.js';
import { errorFor, isFieldError } from '../../components/field-errors.js';
import { notifyDone } from '../../components/notify.js';
import { PageHeader } from '../../components/page.js';
import { SecretOnce } from '../../components/secret-once.js';
import { changeOwnPassword, meKey, type CurrentUser } from '../../session.js';
import { PermissionsView } from '../users/permissions-editor.js';
import { roleLabel } from '../users/users-list.js';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The key's last four characters, as the server shows them to its owner ("…1a2b"). */
function keyHint(user: CurrentUser): string | null {
  return user.access_key ? user.access_key.replace('…', '') : null;
}

/** /account: your name, your password and your access key. */
export function AccountPage({ user }: { user: CurrentUser }) {
  const queryClient = useQueryClient();
  const [issuedKey, setIssuedKey] = useState<{ value: string; why: string } | null>(null);
  const refreshMe = () => queryClient.invalidateQueries({ queryKey: meKey });

  return (
    <Stack gap="md" maw={720}>
      <PageHeader title="My account" description={`${user.email_address} · ${roleLabel(user.role)}`} />
      {issuedKey && (
        <Stack gap={4}>
          <Text size="sm">{issuedKey.why}</Text>
          <SecretOnce label="New access key" value={issuedKey.value} onDone={() => setIssuedKey(null)} />
        </Stack>
      )}
      <NameSection user={user} onSaved={refreshMe} />
      <PasswordSection
        user={user}
        onChanged={async (key) => {
          if (key) setIssuedKey({ value: key, why: 'Your password was changed. Your previous access key and your other sessions have ended; here is your new access key.' });
          await refreshMe();
        }}
      />
      <AccessKeySection
        user={user}
        onRotated={async (key) => {
          setIssuedKey({ value: key, why: 'Your access key was rotated: the previous one no longer works, and your other sessions have ended.' });
          await refreshMe();
        }}
      />
      <Section title="Your permissions">
        {user.group_id && (
          <Text size="sm" mb="xs">
            They come from your user group.
          </Text>
        )}
        <PermissionsView value={user.user_permissions} caption="Your permissions" title={null} />
      </Section>
    </Stack>
  );
}

function NameSection({ user, onSaved }: { user: CurrentUser; onSaved: () => Promise<void> }) {
  const [first, setFirst] = useState(user.first_name);
  const [last, setLast] = useState(user.last_name);
  const save = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.PUT('/api/users/{id}', {
        params: { path: { id: user.id } },
        // Only the name: anyone may change their own, without the Users write permission.
        body: { first_name: first.trim(), last_name: last.trim() },
      });
      ensureOk(response, error);
    },
    onSuccess: async () => {
      notifyDone('Name saved');
      await onSaved();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const fieldShown = isFieldError(save.error, ['first_name', 'last_name']);
  return (
    <Section title="Name">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {save.isError && !fieldShown && (
            <Alert color="red" role="alert" title="Not saved">
              {save.error.message}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label="First name" required value={first} onChange={(e) => setFirst(e.currentTarget.value)} error={errorFor(save.error, 'first_name')} />
            <TextInput label="Last name" required value={last} onChange={(e) => setLast(e.currentTarget.value)} error={errorFor(save.error, 'last_name')} />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save name
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function PasswordSection({ user, onChanged }: { user: CurrentUser; onChanged: (key: string) => Promise<void> }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const change = useMutation({
    mutationFn: () => changeOwnPassword(user.id, current, next, repeat),
    onSuccess: async (key) => {
      setCurrent('');
      setNext('');
      setRepeat('');
      notifyDone('Password changed');
      await onChanged(key);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate();
  };
  const fields = ['current_password', 'new_password', 'repeat_password'];
  return (
    <Section title="Password">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {change.isError && !isFieldError(change.error, fields) && (
            <Alert color="red" role="alert" title="The password was not changed">
              {change.error.message}
            </Alert>
          )}
          <PasswordField label="Current password" required autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={errorFor(change.error, 'current_password')}
              aria-invalid={errorFor(change.error, 'current_password') !== undefined} />
          <PasswordField
              label="New password"
              description="At least 8 characters, not your email address, not a recent password"
              required
              autoComplete="new-password"
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              error={errorFor(change.error, 'new_password')}
              aria-invalid={errorFor(change.error, 'new_password') !== undefined}
            />
            <PasswordField label="Repeat the new password" required autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} error={errorFor(change.error, 'repeat_password')}
              aria-invalid={errorFor(change.error, 'repeat_password') !== undefined} />
          
          <Text size="sm" c="dimmed">
            Changing your password also issues a new access key (shown once) and ends your other sessions.
          </Text>
          <Group>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function AccessKeySection({ user, onRotated }: { user: CurrentUser; onRotated: (key: string) => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const rotate = useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.PUT('/api/users/{id}/actions/key/reset', { params: { path: { id: user.id } } });
      ensureOk(response, error);
      const meta = data?.Meta as { access_key?: unknown } | null | undefined;
      if (typeof meta?.access_key !== 'string') throw new Error('The server did not return the new key.');
      return meta.access_key;
    },
    onSuccess: async (key) => {
      setConfirming(false);
      await onRotated(key);
    },
  });
  const hint = keyHint(user);
  return (
    <Section title="Access key">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          Scripts and API clients send it in the <code>Authorization</code> header.{' '}
          {hint ? (
            <>
              Your current key ends in <strong>{hint}</strong>.
            </>
          ) : (
            'You have no access key at the moment.'
          )}{' '}
          Portcullis keeps only a hash of it, so it cannot show it again.
        </Text>
        <Button variant="default" onClick={() => setConfirming(true)}>
          Rotate access key
        </Button>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title="Rotate your access key?"
        confirmLabel="Rotate key"
        pending={rotate.isPending}
        error={rotate.error}
        onClose={() => {
          setConfirming(false);
          rotate.reset();
        }}
        onConfirm={() => rotate.mutate()}
      >
        Your current access key stops working at once, and your sessions on other devices end. The new key is shown once.
      </ConfirmDialog>
    </Section>
  );
}
