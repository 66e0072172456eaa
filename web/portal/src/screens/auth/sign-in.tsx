import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CONSOLE_PREFIX, pages, PasswordField, signIn } from '@portcullis/web-shared';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api.js';
import { meKey } from '../../session.js';
import { AuthCard } from './auth-card.js';

/** /auth/password/login: API consumers (and staff, who are sent on to the console) sign in. */
export function SignInPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: () => signIn(api, email.trim(), password),
    onSuccess: async (redirectTo) => {
      if (redirectTo.startsWith(CONSOLE_PREFIX)) {
        window.location.assign(redirectTo);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: meKey });
      await navigate(redirectTo, { replace: true });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <AuthCard
      title="Sign in"
      description="Sign in to create apps, request access to APIs and get your credentials."
      footer={
        <>
          New here?{' '}
          <Anchor component={Link} to={pages.register()} underline="always">
            Create an account
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordField label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          {mutation.error && (
            <Alert color="red" role="alert" title="Not signed in">
              {mutation.error.message}
            </Alert>
          )}
          <Button type="submit" loading={mutation.isPending}>
            Sign in
          </Button>
          <Anchor component={Link} to={pages.forgotPassword()} size="sm" underline="always">
            Forgot your password?
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
