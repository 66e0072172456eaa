import { Alert, Button, Center, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ensureOk, errorFor, isFieldError, PasswordField } from '@portcullis/web-shared';
import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { usePageMeta } from '../../page-meta.js';
import { meKey, useMe, type Me } from '../../session.js';
import { NotFoundPage } from '../page-state.js';

/** /portal/profile: the signed-in consumer's name and password. */
export function ProfilePage() {
  const me = useMe();
  if (me.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading your profile" role="status" />
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
  if (!me.data) return <NotFoundPage />;
  return <Profile me={me.data} />;
}

function Profile({ me }: { me: Me }) {
  usePageMeta('My profile', 'Your name and password on the developer portal.');
  return (
    <Stack gap="lg" maw={560}>
      <Stack gap={4}>
        <Title order={1}>My profile</Title>
        <Text>
          You are signed in as <strong>{me.Email}</strong>
          {me.Organisation ? (
            <>
              , a member of <strong>{me.Organisation}</strong>
            </>
          ) : null}
          . To change your email address, ask an administrator of the portal.
        </Text>
      </Stack>
      <NameForm me={me} />
      <PasswordForm />
    </Stack>
  );
}

function NameForm({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [first, setFirst] = useState(me.First);
  const [last, setLast] = useState(me.Last);
  const mutation = useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.PUT('/portal/api/me', { body: { First: first.trim(), Last: last.trim() } });
      ensureOk(response, error);
      return data!;
    },
    onSuccess: (data) => queryClient.setQueryData(meKey, data),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  const error = mutation.error;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="name-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="name-title">
            Name
          </Title>
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label="First name" autoComplete="given-name" required miw={180} value={first} onChange={(e) => setFirst(e.currentTarget.value)} error={errorFor(error, 'First')} />
            <TextInput label="Last name" autoComplete="family-name" required miw={180} value={last} onChange={(e) => setLast(e.currentTarget.value)} error={errorFor(error, 'Last')} />
          </Group>
          {error && !isFieldError(error, ['First', 'Last']) && (
            <Alert color="red" role="alert" title="Name not saved">
              {error.message}
            </Alert>
          )}
          {mutation.isSuccess && (
            <Text size="sm" role="status" fw={500}>
              Your name is saved.
            </Text>
          )}
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              Save name
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const mutation = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.POST('/portal/api/me/password', { body: { current_password: current, new_password: next } });
      ensureOk(response, error);
    },
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setRepeat('');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (next !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    mutation.mutate();
  };
  const error = mutation.error;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="password-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="password-title">
            Password
          </Title>
          <Text size="sm">Changing your password signs you out on every other device and browser; you stay signed in here.</Text>
          <PasswordField label="Current password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={errorFor(error, 'current_password')} />
          <PasswordField label="New password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.currentTarget.value)} error={errorFor(error, 'new_password', 'password')} />
          <PasswordField
            label="Repeat the new password"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={mismatch ? 'The two new passwords are not the same' : undefined}
          />
          {error && !isFieldError(error, ['current_password', 'new_password', 'password']) && (
            <Alert color="red" role="alert" title="Password not changed">
              {error.message}
            </Alert>
          )}
          {mutation.isSuccess && (
            <Text size="sm" role="status" fw={500}>
              Your password is changed. Your other sessions have ended.
            </Text>
          )}
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
