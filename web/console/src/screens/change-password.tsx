import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { PasswordField } from '@portcullis/web-shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ensureOk } from '../api.js';
import { errorFor, isFieldError } from '../components/field-errors.js';
import { SecretOnce } from '../components/secret-once.js';
import { changeOwnPassword, meKey, type CurrentUser } from '../session.js';
import { AuthLayout } from './auth-layout.js';

const FIELDS = ['current_password', 'new_password', 'repeat_password'];

/**
 * The first-sign-in password change the API requires before anything else
 * (password_change_required): every other request answers 403 until it is done.
 * The change issues a new access key, shown once before the console opens.
 */
export function ChangePasswordPage({ user }: { user: CurrentUser }) {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const mutation = useMutation({
    mutationFn: () => changeOwnPassword(user.id, current, next, repeat),
  });
  const signOut = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.POST('/auth/password/logout');
      ensureOk(response, error);
    },
    onSuccess: () => queryClient.setQueryData(meKey, null),
  });
  const proceed = () => queryClient.invalidateQueries({ queryKey: meKey });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };

  if (mutation.isSuccess) {
    return (
      <AuthLayout title="Password changed" intro={<Text>Your new password is set.</Text>}>
        <Stack gap="sm">
          {mutation.data && <SecretOnce label="Access key" value={mutation.data} />}
          <Button onClick={() => void proceed()}>Continue to the console</Button>
        </Stack>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Choose a new password" intro={<Text c="dimmed">Your administrator asks you to choose your own password before you go on.</Text>}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {mutation.isError && !isFieldError(mutation.error, FIELDS) && (
            <Alert color="red" title="The password was not changed" role="alert">
              {mutation.error.message}
            </Alert>
          )}
          <PasswordField
            label="Current password"
            required
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errorFor(mutation.error, 'current_password')}
              aria-invalid={errorFor(mutation.error, 'current_password') !== undefined}
          />
          <PasswordField
            label="New password"
            description="At least 8 characters, not your email address, not a recent password"
            required
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={errorFor(mutation.error, 'new_password')}
              aria-invalid={errorFor(mutation.error, 'new_password') !== undefined}
          />
          <PasswordField
            label="Repeat the new password"
            required
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={errorFor(mutation.error, 'repeat_password')}
              aria-invalid={errorFor(mutation.error, 'repeat_password') !== undefined}
          />
          <Button type="submit" loading={mutation.isPending} mt="xs">
            Change password
          </Button>
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed">
              Signed in as {user.email_address}
            </Text>
            <Button variant="subtle" size="compact-sm" loading={signOut.isPending} onClick={() => signOut.mutate()}>
              Sign out
            </Button>
          </Group>
          {signOut.isError && (
            <Text c="red.8" size="sm" role="alert">
              {signOut.error.message}
            </Text>
          )}
        </Stack>
      </form>
    </AuthLayout>
  );
}
