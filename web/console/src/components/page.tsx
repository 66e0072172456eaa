import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The top of every screen: one h1, an optional line of explanation, the screen's main actions. */
export function PageHeader({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm" mb="md">
      <Stack gap={4} miw={0}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </Stack>
      {actions && (
        <Group gap="xs" wrap="wrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}

/**
 * What a missing object and a hidden one both look like: the server answers 404
 * for both, and so does the console — no hint that something exists.
 */
export function NotFoundPage({ backTo = '/', backLabel = 'Go to the home page' }: { backTo?: string; backLabel?: string }) {
  return (
    <Stack gap="sm" maw={560}>
      <Title order={1} size="h2">
        Not found
      </Title>
      <Text>There is nothing at this address, or you do not have access to it.</Text>
      <Anchor component={Link} to={backTo}>
        {backLabel}
      </Anchor>
    </Stack>
  );
}
