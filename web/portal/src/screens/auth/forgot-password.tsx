import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ensureOk, errorFor, pages } from '@portcullis/web-shared';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api.js';
import { AuthCard } from './auth-card.js';

/** /auth/password/new: asks for a reset link by email (the answer is the same for every address). */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const mutation = useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.POST('/auth/password/new', { body: { email: email.trim() } });
      ensureOk(response, error);
      return data!.Message;
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  const back = (
    <Anchor component={Link} to={pages.signIn()} underline="always">
      Back to sign in
    </Anchor>
  );
  if (mutation.isSuccess) {
    return (
      <AuthCard title="Check your email" description={mutation.data} footer={back}>
        <Text>The link in the email is valid for 30 minutes and works once. If nothing arrives, check the address and your spam folder.</Text>
      </AuthCard>
    );
  }
  const fieldError = errorFor(mutation.error, 'email');
  return (
    <AuthCard title="Forgot your password?" description="We email you a link to choose a new one." footer={back}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError} />
          {mutation.error && !fieldError && (
            <Alert color="red" role="alert" title="Not sent">
              {mutation.error.message}
            </Alert>
          )}
          <Button type="submit" loading={mutation.isPending}>
            Email me a reset link
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
