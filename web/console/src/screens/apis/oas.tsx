import { Alert, Button, FileButton, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ensureOk } from '../../api.js';
import type { CodeLanguage, CodeProblem } from '../../components/code-editor.js';
import { CodeEditor } from './lazy-editor.js';
import { splitFieldError } from '../../components/field-errors.js';
import { notifyDone } from '../../components/notify.js';
import { LoadingBlock, ErrorBlock } from '../../components/query-states.js';
import type { CurrentUser } from '../../session.js';
import { formatDocument, languageOfText, lineOfField, parseText } from './document.js';
import { OwnerPickers, sameOwners, type Owners } from './owners.js';
import { apisKey, useApiAccess } from './queries.js';

type OasBody = { openapi: string; info: Record<string, unknown>; 'x-tyk-api-gateway': Record<string, unknown> } & Record<string, unknown>;

/**
 * An OAS API's document in the YAML/JSON editor: syntax errors show at their
 * line as you type, and the server's refusals that name a field
 * ("x-tyk-api-gateway.upstream.url: …") show at that field's line. A document
 * can be pasted or uploaded from a file.
 */
export function OasDocumentEditor({ apiId, initialText, readOnly }: { apiId?: string; initialText: string; readOnly: boolean }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [text, setText] = useState(initialText);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const language: CodeLanguage = languageOfText(text);
  const parsed = parseText(text);

  const save = useMutation({
    mutationFn: async (body: OasBody) => {
      if (apiId === undefined) {
        const { data, error, response } = await api.POST('/api/apis/oas', { body });
        ensureOk(response, error);
        return String(data!.Meta);
      }
      const { error, response } = await api.PUT('/api/apis/oas/{apiId}', { params: { path: { apiId } }, body });
      ensureOk(response, error);
      return apiId;
    },
    onSuccess: async (id) => {
      await queryClient.invalidateQueries({ queryKey: apisKey });
      notifyDone(apiId === undefined ? 'API created' : 'API saved');
      if (apiId === undefined) await navigate(`/apis/${encodeURIComponent(id)}`, { replace: true });
    },
  });

  const serverError = save.error ? splitFieldError(save.error.message) : null;
  const serverProblems: CodeProblem[] = serverError?.field ? [{ line: lineOfField(text, serverError.field), message: `${serverError.field}: ${serverError.message}` }] : [];
  const problems = parsed.problems.length > 0 ? parsed.problems : serverProblems;

  const edit = (next: string) => {
    setText(next);
    if (save.error) save.reset();
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (readOnly || parsed.value === null) return;
        save.mutate(parsed.value as OasBody);
      }}
    >
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap" align="center" justify="space-between">
          {!readOnly ? (
            <Group gap="sm" wrap="wrap" align="center">
              <FileButton
                accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
                onChange={(file) => {
                  if (!file) return;
                  setUploadError(null);
                  file.text().then(edit, () => setUploadError(`Could not read ${file.name}.`));
                }}
              >
                {(props) => (
                  <Button variant="default" {...props}>
                    Upload a document
                  </Button>
                )}
              </FileButton>
              <Text size="sm" c="dimmed">
                or paste it below (YAML or JSON, OpenAPI 3.0 or 3.1 with <code>x-tyk-api-gateway</code>).
              </Text>
            </Group>
          ) : (
            <span />
          )}
          <SegmentedControl
            aria-label="Show the document as"
            size="xs"
            value={language}
            disabled={parsed.value === null}
            onChange={(v) => {
              if (parsed.value !== null) edit(formatDocument(parsed.value, v as CodeLanguage));
            }}
            data={[
              { value: 'yaml', label: 'YAML' },
              { value: 'json', label: 'JSON' },
            ]}
          />
        </Group>
        {uploadError && (
          <Alert color="red" role="alert">
            {uploadError}
          </Alert>
        )}
        <CodeEditor label="OpenAPI document" language={language} value={text} onChange={edit} readOnly={readOnly} problems={problems} minHeight={360} maxHeight={640} />
        {save.error && !serverError?.field && (
          <Alert color="red" title="Not saved" role="alert">
            {save.error.message}
          </Alert>
        )}
        {!readOnly && (
          <Group>
            <Button type="submit" loading={save.isPending} disabled={parsed.value === null}>
              {apiId === undefined ? 'Create API' : 'Save API'}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** The Access tab of an OAS API: its owners, read and written through /api/apis/{id}/access. */
export function OasAccess({ user, apiId, readOnly }: { user: CurrentUser; apiId: string; readOnly: boolean }) {
  const access = useApiAccess(apiId);
  if (access.isPending) return <LoadingBlock label="Loading the owners" />;
  if (access.isError) return <ErrorBlock error={access.error} onRetry={() => void access.refetch()} />;
  return <OasAccessForm key={JSON.stringify(access.data)} user={user} apiId={apiId} initial={access.data} readOnly={readOnly} />;
}

function OasAccessForm({ user, apiId, initial, readOnly }: { user: CurrentUser; apiId: string; initial: Owners; readOnly: boolean }) {
  const queryClient = useQueryClient();
  const [owners, setOwners] = useState<Owners>(initial);
  const save = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.PUT('/api/apis/{apiId}/access', { params: { path: { apiId } }, body: { userIds: owners.userIds, userGroupIds: owners.groupIds } });
      ensureOk(response, error);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: apisKey });
      notifyDone('Owners saved');
    },
  });
  const { field, message } = save.error ? splitFieldError(save.error.message) : { field: null, message: '' };
  const userError = field === 'userIds' ? message : undefined;
  const groupError = field === 'userGroupIds' ? message : undefined;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!readOnly) save.mutate();
      }}
    >
      <Stack gap="md" maw={720}>
        <OwnerPickers user={user} value={owners} onChange={setOwners} readOnly={readOnly} userError={userError} groupError={groupError} />
        {save.error && !userError && !groupError && (
          <Alert color="red" title="Owners not saved" role="alert">
            {save.error.message}
          </Alert>
        )}
        {!readOnly && (
          <Group>
            <Button type="submit" loading={save.isPending} disabled={sameOwners(owners, initial)}>
              Save owners
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
