import { Anchor, Stack, Text, Title } from '@mantine/core';
import type { CurrentUser } from '../session.js';

/** The signed-in home; until the sections are built it says what works meanwhile. */
export function HomePage({ user, notBuilt = false }: { user: CurrentUser; notBuilt?: boolean }) {
  return (
    <Stack gap="sm" maw={640}>
      <Title order={1} size="h2">
        {notBuilt ? 'This screen is not built yet' : `Welcome, ${user.first_name}`}
      </Title>
      <Text>
        The Dashboard's sections (APIs and their owners, users, groups, policies, keys, analytics and the audit log) are coming to
        the console. Everything they will do can already be done through the HTTP API.
      </Text>
      <Text>
        <Anchor href="/api/docs">Read the API reference</Anchor>
      </Text>
    </Stack>
  );
}
