import { Alert, Anchor, Button, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ensureOk, errorFor, isFieldError, pages, PasswordField } from '@portcullis/web-shared';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api.js';
import { AuthCard } from './auth-card.js';

const FIELDS = ['first', 'last', 'email', 'password', 'password_confirmation'] as const;

interface Registered {
  pendingApproval: boolean;
  message: string;
}

/** /auth/password/register (and ?invite=<token> from an invitation email): a new API consumer account. */
export function RegisterPage() {
  const [params] = useSearchParams();
  const invite = params.get('invite') ?? undefined;
  const [form, setForm] = useState({ first: '', last: '', email: '', password: '', password_confirmation: '' });
  const mutation = useMutation({
    mutationFn: async (): Promise<Registered> => {
      const { data, error, response } = await api.POST('/auth/password/register', {
        body: { ...form, first: form.first.trim(), last: form.last.trim(), email: form.email.trim(), ...(invite ? { invite } : {}) },
      });
      ensureOk(response, error);
      const meta = data!.Meta as { pending_approval?: boolean } | null;
      return { pendingApproval: meta?.pending_approval === true, message: data!.Message };
    },
  });
  const set = (field: keyof typeof form) => (e: { currentTarget: HTMLInputElement }) => setForm({ ...form, [field]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };

  if (mutation.data) {
    const pending = mutation.data.pendingApproval;
    return (
      <AuthCard title={pending ? 'Pending approval' : 'Account created'} description={mutation.data.message}>
        <Text>
          {pending
            ? 'An administrator reviews new accounts. You will get an email when yours is active; until then you cannot sign in.'
            : 'Your account is ready: sign in with your email and password.'}
        </Text>
        <Button component={Link} to={pages.signIn()} variant={pending ? 'default' : 'filled'}>
          Go to sign in
        </Button>
      </AuthCard>
    );
  }

  const error = mutation.error;
  const inviteError = errorFor(error, 'invite');
  return (
    <AuthCard
      title="Create an account"
      description={invite ? 'You were invited: register with the address the invitation was sent to.' : 'Register to create apps and request access to APIs.'}
      footer={
        <>
          Already registered?{' '}
          <Anchor component={Link} to={pages.signIn()} underline="always">
            Sign in
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label="First name" autoComplete="given-name" required value={form.first} onChange={set('first')} error={errorFor(error, 'first')} />
            <TextInput label="Last name" autoComplete="family-name" required value={form.last} onChange={set('last')} error={errorFor(error, 'last')} />
          </SimpleGrid>
          <TextInput label="Email" type="email" autoComplete="email" required value={form.email} onChange={set('email')} error={errorFor(error, 'email')} />
          <PasswordField label="Password" autoComplete="new-password" required value={form.password} onChange={set('password')} error={errorFor(error, 'password')} />
          <PasswordField label="Repeat the password" autoComplete="new-password" required value={form.password_confirmation} onChange={set('password_confirmation')} error={errorFor(error, 'password_confirmation')} />
          {error && !isFieldError(error, FIELDS) && (
            <Alert color="red" role="alert" title="Not registered">
              {inviteError ? `The invitation cannot be used: ${inviteError}.` : error.message}
            </Alert>
          )}
          <Button type="submit" loading={mutation.isPending}>
            Create account
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
