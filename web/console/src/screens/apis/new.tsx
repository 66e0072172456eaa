import { Anchor, Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';
import { ClassicForm, newClassicDefinition } from './classic.js';
import { OAS_TEMPLATE } from './document.js';
import { OasDocumentEditor } from './oas.js';

function BackToList() {
  return (
    <Anchor component={Link} to="/apis" size="sm">
      Back to the APIs
    </Anchor>
  );
}

/** Create an API: choose its style first. */
export function NewApiChoice() {
  return (
    <>
      <PageHeader title="Create an API" description="Choose how you want to describe it." actions={<BackToList />} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={880}>
        <Card withBorder padding="lg" component="section" aria-labelledby="new-classic-title">
          <Stack gap="sm" h="100%" justify="space-between" align="flex-start">
            <div>
              <Title order={2} size="h4" id="new-classic-title">
                Tyk Classic API
              </Title>
              <Text size="sm" c="dimmed" mt={4}>
                A form for the essentials — listen path, target, authentication, rate limit, versions, owners — and the whole definition in a JSON editor.
              </Text>
            </div>
            <Button component={Link} to="/apis/new/classic">
              Create a Classic API
            </Button>
          </Stack>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="new-oas-title">
          <Stack gap="sm" h="100%" justify="space-between" align="flex-start">
            <div>
              <Title order={2} size="h4" id="new-oas-title">
                OpenAPI (OAS) API
              </Title>
              <Text size="sm" c="dimmed" mt={4}>
                Upload or paste an OpenAPI 3.0/3.1 document with the <code>x-tyk-api-gateway</code> extension, and edit it as YAML or JSON.
              </Text>
            </div>
            <Button component={Link} to="/apis/new/oas">
              Create an OAS API
            </Button>
          </Stack>
        </Card>
      </SimpleGrid>
    </>
  );
}

export function NewClassicApiPage({ user }: { user: CurrentUser }) {
  return (
    <>
      <PageHeader title="Create a Classic API" actions={<BackToList />} />
      <ClassicForm user={user} initial={newClassicDefinition()} readOnly={false} />
    </>
  );
}

export function NewOasApiPage() {
  return (
    <>
      <PageHeader title="Create an OAS API" description="Owners can be chosen on the Access tab once the API exists." actions={<BackToList />} />
      <OasDocumentEditor initialText={OAS_TEMPLATE} readOnly={false} />
    </>
  );
}
