import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ensureOk } from '../api.js';
import { bootstrapKey, meKey } from '../session.js';
import { AuthLayout } from './auth-layout.js';
import { PasswordField, signIn } from '@portcullis/web-shared';

/** First run: creates the first administrator (POST /portal-api/bootstrap), then signs them in. */
export function SetupPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ firstName: '', lastName: '', email: '', password: '' });
  const set = (field: keyof typeof form) => (e: { currentTarget: HTMLInputElement }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [field]: value }));
  };

  const setup = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.POST('/portal-api/bootstrap', {
        body: { username: form.email.trim(), password: form.password, first_name: form.firstName.trim(), last_name: form.lastName.trim() },
      });
      ensureOk(response, error);
      await signIn(api, form.email.trim(), form.password);
    },
    onSuccess: async () => {
      queryClient.setQueryData(bootstrapKey, true);
      queryClient.removeQueries({ queryKey: meKey });
      await navigate('/', { replace: true });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setup.mutate();
  };

  return (
    <AuthLayout
      title="Set up Portcullis"
      intro={<Text c="dimmed">Create the first administrator. You will be signed in as them and can invite everyone else from the console.</Text>}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {setup.isError && (
            <Alert color="red" title="The administrator was not created" role="alert">
              {setup.error.message}
            </Alert>
          )}
          <TextInput label="First name" required autoComplete="given-name" value={form.firstName} onChange={set('firstName')} />
          <TextInput label="Last name" required autoComplete="family-name" value={form.lastName} onChange={set('lastName')} />
          <TextInput label="Email" type="email" required autoComplete="email" value={form.email} onChange={set('email')} />
          <PasswordField
            label="Password"
            description="At least 8 characters, not your email address"
            required
            autoComplete="new-password"
            value={form.password}
            onChange={set('password')}
          />
          <Button type="submit" loading={setup.isPending} mt="xs">
            Create administrator
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
