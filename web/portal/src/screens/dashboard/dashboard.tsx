import { Alert, Anchor, Button, Card, Group, List, Loader, Modal, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { errorFor, isFieldError, pages } from '@portcullis/web-shared';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { usePageMeta } from '../../page-meta.js';
import { PageState } from '../page-state.js';
import { useCreateApp, useMyAppDetails, useMyAppList, useOfferNames, type MyApp, type MyAppSummary } from './queries.js';
import { dateWords, SignedInOnly, StatusBadge } from './status.js';

/** /portal/dashboard: my apps (what each may call, how many credentials) and my access requests with their status. */
export function DashboardPage() {
  return (
    <SignedInOnly>
      <Dashboard />
    </SignedInOnly>
  );
}

function Dashboard() {
  usePageMeta('My dashboard', 'Your apps, what each may call, your access requests and their status.');
  const list = useMyAppList();
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1}>My dashboard</Title>
        <Text c="dimmed">Your apps, the APIs each may call, and your requests for access.</Text>
      </Stack>
      <PageState query={list} label="Loading your apps">
        {(apps) => (apps.length === 0 ? <FirstSteps onCreate={() => setCreating(true)} /> : <Overview apps={apps} onCreate={() => setCreating(true)} />)}
      </PageState>
      <CreateAppDialog opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

function FirstSteps({ onCreate }: { onCreate: () => void }) {
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="first-steps">
      <Stack gap="sm">
        <Title order={2} size="h3" id="first-steps">
          You have no app yet
        </Title>
        <Text size="sm">An app is what calls the APIs: it holds the keys you get when access is granted. To get started:</Text>
        <List type="ordered" size="sm" spacing={4}>
          <List.Item>
            <Anchor component={Link} to={pages.portalHome()} underline="always">
              Browse the APIs on offer
            </Anchor>{' '}
            and open the one you need.
          </List.Item>
          <List.Item>Choose a plan and press “Request access”: you can create the app there.</List.Item>
          <List.Item>Once access is approved, open the app here and reveal its key.</List.Item>
        </List>
        <Group>
          <Button component={Link} to={pages.portalHome()}>
            Browse the APIs
          </Button>
          <Button variant="default" onClick={onCreate}>
            Create an app
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Overview({ apps, onCreate }: { apps: MyAppSummary[]; onCreate: () => void }) {
  const details = useMyAppDetails(apps.map((a) => a.ID));
  const names = useOfferNames();
  const loaded = details.map((d) => d.data).filter((d): d is MyApp => d !== undefined);
  const failed = details.find((d) => d.isError)?.error;
  const requests = loaded
    .flatMap((app) => app.AccessRequests.map((r) => ({ app, r })))
    .sort((a, b) => (a.r.Status === 'pending' ? 0 : 1) - (b.r.Status === 'pending' ? 0 : 1) || b.r.CreatedAt.localeCompare(a.r.CreatedAt));
  return (
    <>
      <Stack component="section" aria-labelledby="my-apps" gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="my-apps">
            My apps
          </Title>
          <Button size="sm" onClick={onCreate}>
            Create an app
          </Button>
        </Group>
        {failed && (
          <Alert color="red" role="alert" title="Some apps could not be loaded">
            {failed.message}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {apps.map((a, i) => (
            <AppCard key={a.ID} summary={a} app={details[i]?.data} />
          ))}
        </SimpleGrid>
      </Stack>

      <Stack component="section" aria-labelledby="my-requests" gap="sm">
        <Title order={2} size="h3" id="my-requests">
          My access requests
        </Title>
        {requests.length === 0 ? (
          <Text size="sm">
            None yet. To ask for an API,{' '}
            <Anchor component={Link} to={pages.portalHome()} underline="always">
              browse the APIs
            </Anchor>
            , open one and press “Request access” on the plan you want.
          </Text>
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="My access requests">
            {requests.map(({ app, r }) => (
              <Card key={r.ID} withBorder radius="md" padding="sm" component="li" aria-label={`${names.product(r)} on the ${names.plan(r)} plan for ${app.Name}: ${r.Status}`}>
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {names.product(r)} · {names.plan(r)} plan
                    </Text>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      For{' '}
                      <Anchor component={Link} to={pages.consumerApp(app.ID)} underline="always">
                        {app.Name}
                      </Anchor>
                      , asked on {dateWords(r.CreatedAt)}
                    </Text>
                    {r.Status === 'pending' && <Text size="sm">An administrator reviews it; you get an email when it is decided.</Text>}
                    {r.DecisionComment && (
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        Administrator’s comment: “{r.DecisionComment}”
                      </Text>
                    )}
                  </Stack>
                  <StatusBadge status={r.Status} />
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}

function AppCard({ summary, app }: { summary: MyAppSummary; app: MyApp | undefined }) {
  const names = useOfferNames();
  const approved = app?.AccessRequests.filter((r) => r.Status === 'approved') ?? [];
  const credentials = approved.reduce((n, r) => n + r.Credentials.length, 0);
  return (
    <Card withBorder radius="md" component="article" aria-label={summary.Name}>
      <Stack gap={6}>
        <Anchor component={Link} to={pages.consumerApp(summary.ID)} fw={600} underline="always" style={{ overflowWrap: 'anywhere' }}>
          {summary.Name}
        </Anchor>
        {summary.Description && (
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {summary.Description}
          </Text>
        )}
        {!app ? (
          <Loader size="xs" aria-label={`Loading ${summary.Name}`} role="status" />
        ) : (
          <>
            <Text size="sm">
              {approved.length === 0 ? 'May call: nothing yet' : `May call: ${approved.map((r) => `${names.product(r)} (${names.plan(r)} plan)`).join(', ')}`}
            </Text>
            <Text size="sm">{credentials === 1 ? '1 credential' : `${credentials} credentials`}</Text>
          </>
        )}
      </Stack>
    </Card>
  );
}

function CreateAppDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const create = useCreateApp();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const close = () => {
    create.reset();
    setName('');
    setDescription('');
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ Name: name.trim(), Description: description.trim() }, { onSuccess: (app) => void navigate(pages.consumerApp(app.ID)) });
  };
  return (
    <Modal opened={opened} onClose={close} title="Create an app" centered closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">An app is the program that calls the APIs. Name it so you recognise it later; you request access for it next.</Text>
          <TextInput label="Name" required maxLength={200} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errorFor(create.error, 'Name')} />
          <Textarea label="Description" description="Optional: what the app does." autosize minRows={2} maxLength={4000} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errorFor(create.error, 'Description')} />
          {create.error && !isFieldError(create.error, ['Name', 'Description']) && (
            <Alert color="red" role="alert" title="Not created">
              {create.error.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create app
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
