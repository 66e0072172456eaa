import { Anchor, Stack, Text, Title } from '@mantine/core';
import { pages } from '@portcullis/web-shared';
import { Link } from 'react-router';
import { usePageMeta } from '../page-meta.js';

/**
 * My dashboard (apps, access requests, credentials) is the Live Portal's next
 * step (issue 13); until it is built, its addresses say so and point to what works.
 */
export function DashboardToCome() {
  usePageMeta('My dashboard', 'Your apps, access requests and credentials.');
  return (
    <Stack gap="sm" maw={640}>
      <Title order={1}>My dashboard</Title>
      <Text>
        This page is being built. Meanwhile your apps, access requests and credentials are managed through the portal's API (<code>/portal/api</code>), described in the{' '}
        <Anchor href="/api/docs" underline="always">
          API reference
        </Anchor>
        .
      </Text>
      <Anchor component={Link} to={pages.portalHome()} underline="always">
        Browse the APIs on offer
      </Anchor>
    </Stack>
  );
}
