import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ensureOk } from '../api.js';
import { meKey, type CurrentUser } from '../session.js';
import { AuthLayout } from './auth-layout.js';

/** The first-sign-in password change the API requires before anything else (password_change_required). */
export function ChangePasswordPage({ user }: { user: CurrentUser }) {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const mutation = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.POST('/api/users/{id}/actions/reset', {
        params: { path: { id: user.id } },
        body: { current_password: current, new_password: next },
      });
      ensureOk(response, error);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <AuthLayout title="Choose a new password" intro={<Text c="dimmed">Your administrator asks you to choose your own password before you go on.</Text>}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {mutation.isError && (
            <Alert color="red" title="The password was not changed" role="alert">
              {mutation.error.message}
            </Alert>
          )}
          <PasswordInput label="Current password" required autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.currentTarget.value)} />
          <PasswordInput
            label="New password"
            description="At least 8 characters, not your email address, not a recent password"
            required
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
          />
          <Button type="submit" loading={mutation.isPending} mt="xs">
            Change password
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
