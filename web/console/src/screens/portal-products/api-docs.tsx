import { Alert, Badge, Button, FileButton, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ensureOk } from '../../api.js';
import type { CodeProblem } from '../../components/code-editor.js';
import { ConfirmDialog } from '../../components/confirm.js';
import { splitFieldError } from '../../components/field-errors.js';
import { notifyDone } from '../../components/notify.js';
import { EmptyState, ErrorBlock, LoadingBlock } from '../../components/query-states.js';
import { formatDocument, languageOfText, lineOfField, parseText } from '../apis/document.js';
import { CodeEditor } from '../apis/lazy-editor.js';
import { useApiDocument, useRefreshProducts, type Product, type ProductApi } from './queries.js';

function sourceLine(a: ProductApi): string {
  const oas = a.APIType === 'oas';
  if (a.DocumentSource === 'uploaded') {
    return oas
      ? 'The reference documentation is the OpenAPI document uploaded for this product; it replaces the API’s own document here.'
      : 'The reference documentation is the OpenAPI document uploaded for this product.';
  }
  if (a.DocumentSource === 'api') return 'The reference documentation is taken from this OAS API’s own OpenAPI document, and follows its changes. Upload a document to show another one in this product.';
  return 'No reference documentation yet: a Classic API has no OpenAPI document of its own. Upload or paste one so consumers know how to call it.';
}

/** One reference document, read-only, in a dialog. */
function ViewDocument({ productId, a, onClose }: { productId: number; a: ProductApi; onClose: () => void }) {
  const doc = useApiDocument(productId, a.APIID, true);
  return (
    <Modal opened onClose={onClose} title={`OpenAPI document of ${a.Name}`} size="xl" closeButtonProps={{ 'aria-label': 'Close' }}>
      {doc.isPending ? (
        <LoadingBlock label="Loading the document" />
      ) : doc.isError ? (
        <ErrorBlock error={doc.error} onRetry={() => void doc.refetch()} />
      ) : (
        <CodeEditor label="OpenAPI document (read-only)" language="yaml" value={formatDocument(doc.data, 'yaml')} readOnly minHeight={300} maxHeight={560} />
      )}
    </Modal>
  );
}

/** Upload a file or paste a document (YAML or JSON); sent as JSON. Syntax errors show at their line as you type. */
function UploadDocument({ productId, a, onDone }: { productId: number; a: ProductApi; onDone: () => void }) {
  const refresh = useRefreshProducts();
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const parsed = parseText(text);
  const save = useMutation({
    mutationFn: async (body: Record<string, unknown>) => {
      const { error, response } = await api.PUT('/portal-api/products/{productId}/api-details/{apiId}/oas', { params: { path: { productId: String(productId), apiId: a.APIID } }, body });
      ensureOk(response, error);
    },
    onSuccess: async () => {
      notifyDone(`Document saved for ${a.Name}`);
      await refresh();
      onDone();
    },
  });
  const serverError = save.error ? splitFieldError(save.error.message) : null;
  const serverProblems: CodeProblem[] = serverError?.field ? [{ line: lineOfField(text, serverError.field), message: `${serverError.field}: ${serverError.message}` }] : [];
  const problems = text.trim() === '' ? [] : parsed.problems.length > 0 ? parsed.problems : serverProblems;
  const edit = (next: string) => {
    setText(next);
    if (save.error) save.reset();
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (parsed.value !== null) save.mutate(parsed.value);
      }}
    >
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap" align="center">
          <FileButton
            accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
            onChange={(file) => {
              if (!file) return;
              setFileError(null);
              file.text().then(edit, () => setFileError(`Could not read ${file.name}.`));
            }}
          >
            {(props) => (
              <Button variant="default" {...props}>
                Upload a file
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed">
            or paste the document below: OpenAPI 3.x or Swagger 2.0, YAML or JSON.
          </Text>
        </Group>
        {fileError && (
          <Alert color="red" role="alert">
            {fileError}
          </Alert>
        )}
        <CodeEditor label={`OpenAPI document for ${a.Name}`} language={languageOfText(text)} value={text} onChange={edit} problems={problems} minHeight={220} maxHeight={480} />
        {save.error && !serverError?.field && (
          <Alert color="red" title="Not saved" role="alert">
            {save.error.message}
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" loading={save.isPending} disabled={parsed.value === null}>
            Save document
          </Button>
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ApiDocumentation({ productId, a, writable }: { productId: number; a: ProductApi; writable: boolean }) {
  const refresh = useRefreshProducts();
  const [viewing, setViewing] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [removing, setRemoving] = useState(false);
  const remove = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.DELETE('/portal-api/products/{productId}/api-details/{apiId}/oas', { params: { path: { productId: String(productId), apiId: a.APIID } } });
      ensureOk(response, error);
    },
    onSuccess: async () => {
      setRemoving(false);
      notifyDone(`Uploaded document removed from ${a.Name}`);
      await refresh();
    },
  });
  const headingId = `api-doc-${a.APIID}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Title order={3} size="h5" id={headingId}>
            {a.Name}
          </Title>
          <Badge variant="outline" color="gray.7">
            {a.APIType === 'oas' ? 'OAS API' : 'Classic API'}
          </Badge>
          {!a.Status && (
            <Badge variant="outline" color="orange.9">
              Inactive
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          Listen path <code>{a.ListenPath || '—'}</code>
        </Text>
        <Text size="sm">{sourceLine(a)}</Text>
        {!uploading && (
          <Group gap="xs" wrap="wrap">
            {a.DocumentSource !== 'none' && (
              <Button variant="default" size="xs" onClick={() => setViewing(true)}>
                View the document
              </Button>
            )}
            {writable && (
              <Button variant="default" size="xs" onClick={() => setUploading(true)}>
                {a.DocumentSource === 'uploaded' ? 'Replace the document' : 'Upload or paste a document'}
              </Button>
            )}
            {writable && a.DocumentSource === 'uploaded' && (
              <Button variant="light" color="red" size="xs" onClick={() => setRemoving(true)}>
                Remove the uploaded document
              </Button>
            )}
          </Group>
        )}
        {uploading && <UploadDocument productId={productId} a={a} onDone={() => setUploading(false)} />}
      </Stack>
      {viewing && <ViewDocument productId={productId} a={a} onClose={() => setViewing(false)} />}
      <ConfirmDialog
        opened={removing}
        title={`Remove the uploaded document of ${a.Name}?`}
        confirmLabel="Remove document"
        pending={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setRemoving(false);
        }}
        onConfirm={() => remove.mutate()}
      >
        {a.APIType === 'oas' ? 'The API’s own OpenAPI document documents it again in this product.' : 'This Classic API then has no reference documentation in this product.'}
      </ConfirmDialog>
    </Paper>
  );
}

/** Reference documentation, API by API: where it comes from, view it, upload or paste another. */
export function DocumentationSection({ product, writable }: { product: Product; writable: boolean }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="documentation-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="documentation-heading">
          Reference documentation
        </Title>
        <Text size="sm" c="dimmed">
          Consumers read each API’s endpoints from an OpenAPI document on the Live Portal.
        </Text>
        {product.APIDetails.length === 0 ? (
          <EmptyState title="No APIs in this product">Choose the product’s APIs above; each one’s documentation is managed here.</EmptyState>
        ) : (
          product.APIDetails.map((a) => <ApiDocumentation key={a.APIID} productId={product.ID} a={a} writable={writable} />)
        )}
      </Stack>
    </Paper>
  );
}
