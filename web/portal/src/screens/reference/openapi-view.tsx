import { Anchor, Badge, Box, Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Markdown } from '@portcullis/web-shared';
import type { ReactNode } from 'react';
import {
  constraintWords,
  deref,
  isObject,
  propertiesOf,
  readDocument,
  refName,
  typeWords,
  type Body,
  type Json,
  type JsonObject,
  type MediaSchema,
  type Method,
  type Operation,
  type Parameter,
  type Response,
} from './openapi-model.js';

/*
 * The API reference, rendered from the API's OpenAPI document by the portal
 * itself (no third-party renderer, no script from the document): operations by
 * tag, each with its parameters, request body and responses. Descriptions are
 * Markdown and go through the portal's safe renderer (raw HTML dropped).
 * Loaded on its own (React.lazy) so that the other public pages stay light.
 */

// Dark enough for white text at badge size (contrast above 4.5:1).
const METHOD_COLOURS: Record<Method, string> = {
  get: '#1864ab',
  post: '#1b5e20',
  put: '#9a3c00',
  patch: '#6a1b9a',
  delete: '#b02020',
  head: '#495057',
  options: '#495057',
  trace: '#495057',
};

const MAX_DEPTH = 6;

export interface OpenApiViewProps {
  document: JsonObject;
  /** The API's name in the portal (the document's own title is shown when it differs). */
  apiName: string;
  /** Where consumers call the API: its base path on the gateway. */
  listenPath: string;
}

export default function OpenApiView({ document: doc, apiName, listenPath }: OpenApiViewProps) {
  const model = readDocument(doc);
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        {model.version && (
          <Text size="sm" c="dimmed">
            Version {model.version}
            {model.title && model.title !== apiName ? ` of “${model.title}”` : ''}
          </Text>
        )}
        {model.description && <Markdown source={model.description} headingOffset={1} />}
      </Stack>

      <Stack component="section" aria-labelledby="calling" gap="xs">
        <Title order={2} size="h3" id="calling">
          Calling this API
        </Title>
        <Text size="sm">
          Send requests to the gateway, under the base path <Code>{listenPath}</Code>: an operation’s path below comes after it.
        </Text>
        {model.securitySchemes.length > 0 && (
          <List size="sm" spacing={4}>
            {model.securitySchemes.map((s) => (
              <List.Item key={s.name}>
                Authentication “{s.name}”: {s.words}.{s.description && <Markdown source={s.description} headingOffset={3} />}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>

      {model.operationCount === 0 ? (
        <Text>This API’s document describes no operation yet.</Text>
      ) : (
        <>
          <Box component="nav" aria-labelledby="contents">
            <Title order={2} size="h3" id="contents" mb="xs">
              Operations
            </Title>
            <Stack gap="sm">
              {model.groups.map((g) => (
                <Stack key={g.name} gap={4}>
                  {model.groups.length > 1 && (
                    <Text fw={600} size="sm">
                      {g.name}
                    </Text>
                  )}
                  <List size="sm" spacing={4} listStyleType="none" withPadding={false}>
                    {g.operations.map((op) => (
                      <List.Item key={op.id}>
                        <Anchor href={`#${op.id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                          <Text span ff="monospace" fw={700} size="sm">
                            {op.method.toUpperCase()}
                          </Text>{' '}
                          <Text span ff="monospace" size="sm">
                            {op.path}
                          </Text>
                          {op.summary && ` — ${op.summary}`}
                        </Anchor>
                      </List.Item>
                    ))}
                  </List>
                </Stack>
              ))}
            </Stack>
          </Box>

          {model.groups.map((g) => (
            <Stack key={g.name} component="section" aria-labelledby={`tag-${g.operations[0]!.id}`} gap="md">
              <Title order={2} id={`tag-${g.operations[0]!.id}`}>
                {g.name}
              </Title>
              {g.description && <Markdown source={g.description} headingOffset={2} />}
              {g.operations.map((op) => (
                <OperationView key={op.id} doc={doc} op={op} />
              ))}
            </Stack>
          ))}
        </>
      )}
    </Stack>
  );
}

function MethodBadge({ method }: { method: Method }) {
  return (
    <Badge color={METHOD_COLOURS[method]} variant="filled" radius="sm" size="lg" style={{ flexShrink: 0 }}>
      {method.toUpperCase()}
    </Badge>
  );
}

function OperationView({ doc, op }: { doc: JsonObject; op: Operation }) {
  const headingId = `${op.id}-heading`;
  return (
    <Paper component="section" id={op.id} aria-labelledby={headingId} withBorder radius="md" p="md" style={{ scrollMarginTop: 72 }}>
      <Stack gap="sm">
        <Title order={3} id={headingId}>
          <Group gap="xs" wrap="nowrap" align="center">
            <MethodBadge method={op.method} />{' '}
            <Text span ff="monospace" fw={600} size="lg" style={{ overflowWrap: 'anywhere' }}>
              {op.path}
            </Text>
          </Group>
        </Title>
        {(op.summary || op.deprecated) && (
          <Group gap="xs">
            {op.summary && <Text fw={500}>{op.summary}</Text>}
            {op.deprecated && (
              <Badge color="red.9" variant="outline">
                Deprecated
              </Badge>
            )}
          </Group>
        )}
        {op.description && <Markdown source={op.description} headingOffset={3} />}
        <Parameters doc={doc} parameters={op.parameters} />
        {op.body && <RequestBody doc={doc} body={op.body} />}
        <Responses doc={doc} responses={op.responses} />
      </Stack>
    </Paper>
  );
}

const PLACES: Record<string, string> = { path: 'in the path', query: 'in the query string', header: 'header', cookie: 'cookie', formData: 'form field' };

function Parameters({ doc, parameters }: { doc: JsonObject; parameters: Parameter[] }) {
  if (parameters.length === 0) return null;
  return (
    <Stack gap={6}>
      <Title order={4} size="h5">
        Parameters
      </Title>
      <List spacing="xs" size="sm" listStyleType="none" withPadding={false}>
        {parameters.map((p) => (
          <List.Item key={`${p.in}:${p.name}`}>
            <Field
              name={p.name}
              words={[PLACES[p.in] ?? p.in, typeWords(doc, p.schema), ...constraintWords(doc, p.schema)]}
              required={p.required}
              deprecated={p.deprecated}
              description={p.description || descriptionOf(doc, p.schema)}
            />
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function RequestBody({ doc, body }: { doc: JsonObject; body: Body }) {
  return (
    <Stack gap={6}>
      <Title order={4} size="h5">
        Request body{body.required ? ' (required)' : ' (optional)'}
      </Title>
      {body.description && <Markdown source={body.description} headingOffset={4} />}
      <Contents doc={doc} contents={body.contents} />
    </Stack>
  );
}

function Responses({ doc, responses }: { doc: JsonObject; responses: Response[] }) {
  if (responses.length === 0) return null;
  return (
    <Stack gap={6}>
      <Title order={4} size="h5">
        Responses
      </Title>
      <List spacing="sm" size="sm" listStyleType="none" withPadding={false}>
        {responses.map((r) => (
          <List.Item key={r.status}>
            <Stack gap={4}>
              <Group gap="xs" wrap="nowrap" align="baseline">
                <Code fw={700}>{r.status === 'default' ? 'Otherwise' : r.status}</Code>
                <Box style={{ minWidth: 0 }}>{r.description ? <Markdown source={r.description} headingOffset={4} /> : <Text size="sm">No description.</Text>}</Box>
              </Group>
              <Contents doc={doc} contents={r.contents} />
            </Stack>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function Contents({ doc, contents }: { doc: JsonObject; contents: MediaSchema[] }) {
  if (contents.length === 0) return null;
  return (
    <Stack gap={6}>
      {contents.map((c) => (
        <Box key={c.mediaType} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
          <Text size="sm">
            <Code>{c.mediaType}</Code> {c.schema ? typeWords(doc, c.schema) : 'with no schema given'}
          </Text>
          {c.schema && <SchemaTree doc={doc} schema={c.schema} seen={[]} depth={0} />}
        </Box>
      ))}
    </Stack>
  );
}

function descriptionOf(doc: JsonObject, schema: Json | undefined): string {
  const s = deref(doc, schema);
  return s && typeof s.description === 'string' ? s.description : '';
}

/** What a schema holds: its properties (nested ones indented), or the shapes it may take; a schema met again is not expanded twice. */
function SchemaTree({ doc, schema, seen, depth }: { doc: JsonObject; schema: Json; seen: string[]; depth: number }) {
  const name = refName(schema);
  if (name && seen.includes(name)) return null;
  const path = name ? [...seen, name] : seen;
  const s = deref(doc, schema);
  if (!s || depth > MAX_DEPTH) return null;
  const items = (s.type === 'array' || s.items !== undefined) && s.items !== undefined ? s.items : undefined;
  if (items !== undefined) return <SchemaTree doc={doc} schema={items} seen={path} depth={depth + 1} />;
  const variants = Array.isArray(s.oneOf) ? s.oneOf : Array.isArray(s.anyOf) ? s.anyOf : undefined;
  if (variants) {
    return (
      <List size="sm" spacing={4} mt={4}>
        {variants.map((v, i) => (
          <List.Item key={i}>
            <Text span size="sm">
              {typeWords(doc, v)}
            </Text>
            <SchemaTree doc={doc} schema={v} seen={path} depth={depth + 1} />
          </List.Item>
        ))}
      </List>
    );
  }
  const properties = propertiesOf(doc, schema);
  if (properties.length === 0) return null;
  return (
    <List size="sm" spacing="xs" mt={4} listStyleType="none" withPadding={depth > 0}>
      {properties.map((p) => (
        <List.Item key={p.name}>
          <Field
            name={p.name}
            words={[typeWords(doc, p.schema), ...constraintWords(doc, p.schema)]}
            required={p.required}
            deprecated={isObject(deref(doc, p.schema)) && deref(doc, p.schema)!.deprecated === true}
            description={descriptionOf(doc, p.schema)}
          >
            {refName(p.schema) && path.includes(refName(p.schema)!) ? (
              <Text size="xs" c="dimmed">
                (the same shape as above)
              </Text>
            ) : (
              <SchemaTree doc={doc} schema={p.schema} seen={path} depth={depth + 1} />
            )}
          </Field>
        </List.Item>
      ))}
    </List>
  );
}

function Field({ name, words, required, deprecated, description, children }: { name: string; words: string[]; required: boolean; deprecated: boolean; description: string; children?: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        <Code fw={700}>{name}</Code>{' '}
        <Text span size="sm" c="dimmed">
          {words.filter((w) => w !== '').join(' · ')}
        </Text>
        {required && (
          <Text span size="sm" fw={600} c="red.9">
            {' '}
            · required
          </Text>
        )}
        {deprecated && (
          <Text span size="sm" fw={600}>
            {' '}
            · deprecated
          </Text>
        )}
      </Text>
      {description && <Markdown source={description} headingOffset={4} className="reference-description" />}
      {children}
    </Stack>
  );
}
