import { Anchor, SimpleGrid, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { visibleSections } from '../navigation.js';
import type { CurrentUser } from '../session.js';

/** The signed-in home: the sections this user may open, each in one line. */
export function HomePage({ user }: { user: CurrentUser }) {
  const sections = visibleSections(user);
  return (
    <Stack gap="md" maw={960}>
      <Title order={1} size="h2">
        Welcome, {user.first_name || user.email_address}
      </Title>
      {sections.length === 0 ? (
        <Text>Your account has no Dashboard permissions yet. An administrator can grant them on the Users screen.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {sections.map((s) => (
            <Paper key={s.to} withBorder p="md" radius="md">
              <Anchor component={Link} to={s.to} fw={600}>
                {s.label}
              </Anchor>
              <Text size="sm" c="dimmed" mt={4}>
                {s.summary}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      <Text size="sm">
        Everything the console does, the HTTP API does too: <Anchor href="/api/docs">read the API reference</Anchor>.
      </Text>
    </Stack>
  );
}
