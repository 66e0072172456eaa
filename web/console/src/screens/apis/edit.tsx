import { Alert, Anchor, Badge, Button, Code, Group, Tabs, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ensureOk } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm.js';
import { notifyDone } from '../../components/notify.js';
import { PageHeader } from '../../components/page.js';
import { QueryView } from '../../components/query-states.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { ClassicForm } from './classic.js';
import { formatDocument } from './document.js';
import { OasAccess, OasDocumentEditor } from './oas.js';
import { apisKey, isOas, summarise, useApi, type ApiWrapper } from './queries.js';

/** One API: the Classic designer or the OAS document and access tabs. A hidden API answers the same not-found page as a missing one. */
export function ApiEditPage({ user }: { user: CurrentUser }) {
  const { id = '' } = useParams();
  const query = useApi(id);
  return (
    <QueryView query={query} label="Loading the API" notFound={{ backTo: '/apis', backLabel: 'Go to the APIs' }}>
      {(wrapper) => <ApiEditor key={wrapper.updated_at} user={user} wrapper={wrapper} />}
    </QueryView>
  );
}

function ApiEditor({ user, wrapper }: { user: CurrentUser; wrapper: ApiWrapper }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const summary = summarise(wrapper);
  const readOnly = !can(user, 'apis', 'write');
  const oas = isOas(wrapper);
  const [confirming, setConfirming] = useState(false);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'access' ? 'access' : 'document';
  const setTab = (next: string) => setParams(next === 'access' ? { tab: 'access' } : {}, { replace: true });

  const remove = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.DELETE('/api/apis/{apiId}', { params: { path: { apiId: summary.id } } });
      ensureOk(response, error);
    },
    onSuccess: async () => {
      setConfirming(false);
      notifyDone(`API ${summary.name} deleted`);
      await navigate('/apis', { replace: true });
      queryClient.removeQueries({ queryKey: [...apisKey, 'one', summary.id] });
      await queryClient.invalidateQueries({ queryKey: apisKey });
    },
  });

  return (
    <>
      <PageHeader
        title={summary.name}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <Badge variant="light" color={oas ? 'grape' : 'indigo'} component="span">
              {oas ? 'OAS API' : 'Classic API'}
            </Badge>
            <Badge variant="dot" color={summary.active ? 'teal' : 'gray'} component="span">
              {summary.active ? 'Active' : 'Inactive'}
            </Badge>
            <Text component="span" size="sm" c="dimmed">
              API ID <Code>{summary.apiId}</Code>
            </Text>
          </Group>
        }
        actions={
          <>
            <Anchor component={Link} to="/apis" size="sm">
              Back to the APIs
            </Anchor>
            {!readOnly && (
              <Button color="red" variant="light" onClick={() => setConfirming(true)}>
                Delete API
              </Button>
            )}
          </>
        }
      />
      {readOnly && (
        <Alert color="blue" mb="md" title="Read only">
          You can see this API but not change it: that needs the APIs write permission.
        </Alert>
      )}
      {oas ? (
        <Tabs value={tab} onChange={(v) => v && setTab(v)}>
          <Tabs.List mb="md">
            <Tabs.Tab value="document">Document</Tabs.Tab>
            <Tabs.Tab value="access">Access</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="document">
            <OasDocumentEditor apiId={summary.id} initialText={formatDocument(wrapper.oas ?? {}, 'yaml')} readOnly={readOnly} />
          </Tabs.Panel>
          <Tabs.Panel value="access">
            <OasAccess user={user} apiId={summary.id} readOnly={readOnly} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <ClassicForm user={user} apiId={summary.id} initial={wrapper.api_definition} initialOwners={{ userIds: wrapper.user_owners, groupIds: wrapper.user_group_owners }} readOnly={readOnly} />
      )}
      <ConfirmDialog
        opened={confirming}
        title="Delete this API?"
        confirmLabel="Delete API"
        onConfirm={() => remove.mutate()}
        onClose={() => {
          setConfirming(false);
          remove.reset();
        }}
        pending={remove.isPending}
        error={remove.error}
      >
        {`${summary.name} stops being served at ${summary.listenPath} and its definition is gone for good. Keys and policies that grant it lose this API.`}
      </ConfirmDialog>
    </>
  );
}
