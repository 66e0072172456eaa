import { Anchor, Badge, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { pages } from '@portcullis/web-shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePageMeta } from '../../page-meta.js';
import { useConsumerSsoOnly, useMe } from '../../session.js';

type Status = 'pending' | 'approved' | 'rejected';

const STATUS: Record<Status, { label: string; color: string }> = {
  pending: { label: 'Pending approval', color: 'yellow.9' },
  approved: { label: 'Approved', color: 'teal.9' },
  rejected: { label: 'Rejected', color: 'red.9' },
};

/** An access request's status in words, with a colour that keeps its text readable. */
export function StatusBadge({ status }: { status: Status }) {
  const s = STATUS[status];
  return (
    <Badge color={s.color} variant="filled" style={{ flexShrink: 0 }}>
      {s.label}
    </Badge>
  );
}

/** A date as the reader's locale writes it ("12 Mar 2025"). */
export function dateWords(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The dashboard's pages are the signed-in consumer's: a visitor is asked to sign in. */
export function SignedInOnly({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading your account" role="status" />
      </Center>
    );
  }
  if (!me.data) return <SignInFirst />;
  return <>{children}</>;
}

function SignInFirst() {
  usePageMeta('My dashboard', 'Sign in to see your apps, access requests and keys.');
  const ssoOnly = useConsumerSsoOnly();
  return (
    <Stack gap="sm" maw={560}>
      <Title order={1}>My dashboard</Title>
      <Text>
        <Anchor component={Link} to={pages.signIn()} underline="always">
          Sign in
        </Anchor>{' '}
        to see your apps, your access requests and your keys.
        {!ssoOnly && (
          <>
            {' '}New here?{' '}
            <Anchor component={Link} to={pages.register()} underline="always">
              Create an account
            </Anchor>
            .
          </>
        )}
      </Text>
    </Stack>
  );
}
