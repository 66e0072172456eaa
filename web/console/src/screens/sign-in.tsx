import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { CONSOLE_PREFIX, PasswordField, signIn, ssoSignInOptions, SsoButtons } from '@portcullis/web-shared';
import { api } from '../api.js';
import { meKey } from '../session.js';
import { AuthLayout } from './auth-layout.js';

export function SignInPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Staff's single sign-on providers; with SSO only, they replace the password form.
  const sso = useQuery({ queryKey: ['sso-sign-in-options'], queryFn: () => ssoSignInOptions(api) });
  const ssoOnly = sso.data?.staff.SSOOnly === true;

  const mutation = useMutation({
    mutationFn: () => signIn(api, email.trim(), password),
    onSuccess: async (redirectTo) => {
      // API consumers belong in the Live Portal, not here.
      if (!redirectTo.startsWith('/admin')) {
        window.location.assign(redirectTo);
        return;
      }
      queryClient.removeQueries({ queryKey: meKey });
      // The server says where: API Owners land in the Admin Portal, other staff on the console's home.
      await navigate(redirectTo.slice(CONSOLE_PREFIX.length) || '/', { replace: true });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };

  return (
    <AuthLayout title="Sign in">
      <Stack gap="sm">
        <SsoButtons options={sso.data?.staff} />
        {ssoOnly && <Text size="sm">Password sign-in is switched off: sign in with your organisation's account.</Text>}
        {!ssoOnly && (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              {mutation.isError && (
                <Alert color="red" title="Not signed in" role="alert">
                  {mutation.error.message}
                </Alert>
              )}
              <TextInput label="Email" type="email" required autoComplete="username" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
              <PasswordField label="Password" required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
              <Button type="submit" loading={mutation.isPending} mt="xs">
                Sign in
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </AuthLayout>
  );
}
