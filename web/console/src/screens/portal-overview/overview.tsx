import { Alert, Anchor, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page.js';
import { QueryView } from '../../components/query-states.js';
import { visibleAdminPortalSections } from '../../navigation.js';
import { SectionCards } from '../home.js';
import type { CurrentUser } from '../../session.js';
import { usePortalCounts, type PortalCounts } from './queries.js';

const upTo = (n: number) => (n >= 100 ? '100 or more' : String(n));

/** /portal: where API Owners land after signing in — what waits for them, the first steps, the Admin Portal's sections. */
export function AdminPortalOverviewPage({ user }: { user: CurrentUser }) {
  const counts = usePortalCounts();
  const sections = visibleAdminPortalSections(user).filter((s) => s.to !== '/portal');
  return (
    <Stack gap="lg" maw={960}>
      <PageHeader
        title="Admin Portal"
        description={
          <>
            Run the Developer Portal: publish your APIs as products and plans in catalogues, let API consumers in, decide their access requests.{' '}
            <Anchor href="/" underline="always">
              Open the Live Portal
            </Anchor> to see what consumers see.
          </>
        }
      />
      <QueryView query={counts} label="Loading what waits for you">
        {(c) => (
          <>
            <Waiting counts={c} />
            <FirstSteps counts={c} />
          </>
        )}
      </QueryView>
      <SectionCards title="Sections" items={sections} />
    </Stack>
  );
}

/** Registrations and access requests waiting for a decision, each a link to where it is made. */
function Waiting({ counts }: { counts: PortalCounts }) {
  const { pendingConsumers: consumers, pendingRequests: requests } = counts;
  if (consumers === 0 && requests === 0) {
    return (
      <Alert color="teal" variant="light" title="Nothing waits for you" styles={{ title: { color: 'var(--mantine-color-black)' } }}>
        No registration and no access request is waiting for approval.
      </Alert>
    );
  }
  return (
    <Alert color="orange" variant="light" title="Waiting for your decision" styles={{ title: { color: 'var(--mantine-color-black)' } }}>
      <List spacing={4} size="sm">
        {consumers > 0 && (
          <List.Item>
            <Anchor component={Link} to="/portal/consumers">
              {consumers === 1 ? '1 consumer waits for approval' : `${upTo(consumers)} consumers wait for approval`}
            </Anchor>
          </List.Item>
        )}
        {requests > 0 && (
          <List.Item>
            <Anchor component={Link} to="/portal/access-requests">
              {requests === 1 ? '1 access request waits for a decision' : `${upTo(requests)} access requests wait for a decision`}
            </Anchor>
          </List.Item>
        )}
      </List>
    </Alert>
  );
}

/** Until something is published, the order in which an API Owner sets the portal up, each step ticked once done. */
function FirstSteps({ counts }: { counts: PortalCounts }) {
  if (counts.catalogues > 0 && counts.products > 0 && counts.plans > 0) return null;
  const steps = [
    { done: counts.products > 0, to: '/portal/products', label: 'Create a product', detail: 'one or more of your APIs, with a description, documentation and guides.' },
    { done: counts.plans > 0, to: '/portal/plans', label: 'Create a plan', detail: 'the rate limit, quota and key expiry consumers get, and whether requests are approved automatically.' },
    { done: counts.catalogues > 0, to: '/portal/catalogues', label: 'Create a catalogue', detail: 'public for everyone or private for chosen organisations and teams, holding products and plans.' },
  ];
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        First steps
      </Title>
      <Text size="sm">Consumers see a product once it and a plan are in a catalogue they may see.</Text>
      <List spacing="xs" center>
        {steps.map((s, i) => (
          <List.Item
            key={s.to}
            icon={
              <ThemeIcon size={22} radius="xl" color={s.done ? 'teal.9' : 'gray.7'} aria-hidden>
                <Text span size="xs" c="white" fw={700}>
                  {s.done ? '✓' : i + 1}
                </Text>
              </ThemeIcon>
            }
          >
            <Text size="sm">
              <Anchor component={Link} to={s.to} fw={600}>
                {s.label}
              </Anchor>
              {s.done ? ' (done): ' : ': '}
              {s.detail}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
