import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ensureOk, errorFor, isFieldError, pages, PasswordField } from '@portcullis/web-shared';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api.js';
import { AuthCard } from './auth-card.js';

/** /auth/password/reset?token=…: the page a reset email links to; a new password ends every session. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const mutation = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.POST('/auth/password/reset', { body: { token, password, password_confirmation: confirmation } });
      ensureOk(response, error);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  if (mutation.isSuccess) {
    return (
      <AuthCard title="Password changed" description="Sign in with your new password.">
        <Button component={Link} to={pages.signIn()}>
          Go to sign in
        </Button>
      </AuthCard>
    );
  }
  const forgot = (
    <Anchor component={Link} to={pages.forgotPassword()} underline="always">
      Ask for a new link
    </Anchor>
  );
  if (token === '') {
    return (
      <AuthCard title="Choose a new password" description="This page opens from the link in a password reset email." footer={forgot}>
        <Text>The address has no reset token. Open the link from the email again, or ask for a new one.</Text>
      </AuthCard>
    );
  }
  const error = mutation.error;
  return (
    <AuthCard title="Choose a new password" description="Every session of your account ends when the password changes." footer={forgot}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordField label="New password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={errorFor(error, 'password')} />
          <PasswordField label="Repeat the new password" autoComplete="new-password" required value={confirmation} onChange={(e) => setConfirmation(e.currentTarget.value)} error={errorFor(error, 'password_confirmation')} />
          {error && !isFieldError(error, ['password', 'password_confirmation']) && (
            <Alert color="red" role="alert" title="Password not changed">
              {error.message}
            </Alert>
          )}
          <Button type="submit" loading={mutation.isPending}>
            Change password
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
