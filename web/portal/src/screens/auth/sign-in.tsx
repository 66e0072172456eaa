import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CONSOLE_PREFIX, pages, PasswordField, signIn, ssoSignInOptions, SsoButtons } from '@portcullis/web-shared';
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
  // API consumers' single sign-on providers; with SSO only, they replace the password form (and registration).
  const sso = useQuery({ queryKey: ['sso-sign-in-options'], queryFn: () => ssoSignInOptions(api) });
  const ssoOnly = sso.data?.consumers.SSOOnly === true;
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
        ssoOnly ? undefined : (
          <>
            New here?{' '}
            <Anchor component={Link} to={pages.register()} underline="always">
              Create an account
            </Anchor>
          </>
        )
      }
    >
      <Stack gap="sm">
        <SsoButtons options={sso.data?.consumers} />
        {ssoOnly && <Text size="sm">Password sign-in is switched off: sign in with your organisation's account.</Text>}
        {!ssoOnly && (
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
        )}
      </Stack>
    </AuthCard>
  );
}
