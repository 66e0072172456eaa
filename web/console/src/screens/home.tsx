import { Anchor, SimpleGrid, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { visibleAdminPortalSections, visibleSections, type NavItem } from '../navigation.js';
import type { CurrentUser } from '../session.js';

/** The signed-in home: the sections this user may open, each in one line. */
export function HomePage({ user }: { user: CurrentUser }) {
  const sections = visibleSections(user);
  const portal = visibleAdminPortalSections(user);
  return (
    <Stack gap="md" maw={960}>
      <Title order={1} size="h2">
        Welcome, {user.first_name || user.email_address}
      </Title>
      {sections.length === 0 && portal.length === 0 ? (
        <Text>Your account has no Dashboard permissions yet. An administrator can grant them on the Users screen.</Text>
      ) : (
        <>
          <SectionCards title="Dashboard" items={sections} />
          <SectionCards title="Admin Portal" items={portal} />
        </>
      )}
      <Text size="sm">
        Everything the console does, the HTTP API does too: <Anchor href="/api/docs">read the API reference</Anchor>.
      </Text>
    </Stack>
  );
}

/** One group of sections as cards with a line each; nothing when the user may see none of them. */
export function SectionCards({ title, items }: { title: string; items: NavItem[] }) {
  if (items.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {items.map((s) => (
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
    </Stack>
  );
}
