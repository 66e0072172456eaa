import { Alert, Anchor, Button, Group, Paper, Radio, Stack, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { Markdown } from '@portcullis/web-shared';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorFor, isFieldError } from '../../components/field-errors.js';
import { notifyDone } from '../../components/notify.js';
import { NotFoundPage, PageHeader } from '../../components/page.js';
import { QueryView } from '../../components/query-states.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { DeleteContentDialog, StatusBadge } from './content-list.js';
import { KIND_WORDS, pathFromTitle, useContentItem, useCreateContent, useUpdateContent, type ContentItem, type ContentKind, type ContentStatus } from './queries.js';

const FIELDS = ['Title', 'Path', 'Lede', 'Content', 'Status'] as const;

interface Values {
  title: string;
  path: string;
  lede: string;
  content: string;
  status: ContentStatus;
}

/** What the form checks before sending: a title and a path (the server checks the rest and says which field). */
interface LocalErrors {
  title?: string;
  path?: string;
}

function BackLink({ kind }: { kind: ContentKind }) {
  return (
    <Anchor component={Link} to={`/portal/content/${kind}`} size="sm">
      ← Back to {KIND_WORDS[kind].many}
    </Anchor>
  );
}

function LiveLink({ kind, path }: { kind: ContentKind; path: string }) {
  return (
    <Button component="a" href={KIND_WORDS[kind].address(path)} target="_blank" rel="noopener" variant="default">
      View in the Live Portal
    </Button>
  );
}

/**
 * The editor of a post or a page: title, path (its address in the Live Portal),
 * summary, Markdown content with Edit and Preview, and draft or published.
 */
function ContentForm({
  kind,
  initial,
  isNew,
  readOnly,
  pending,
  error,
  onSubmit,
}: {
  kind: ContentKind;
  initial: Values;
  isNew: boolean;
  readOnly: boolean;
  pending: boolean;
  error: Error | null;
  onSubmit: (v: Values) => void;
}) {
  const w = KIND_WORDS[kind];
  const [v, setV] = useState<Values>(initial);
  // A new item's path follows its title until the path is typed in.
  const [pathTouched, setPathTouched] = useState(!isNew);
  const [local, setLocal] = useState<LocalErrors>({});
  const [mode, setMode] = useState<string>('edit');
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setV((prev) => ({ ...prev, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: LocalErrors = {};
    if (v.title.trim() === '') found.title = 'Enter a title.';
    if (v.path.trim().replace(/^\//, '') === '') found.path = `Enter a path: it makes the ${w.one}’s address in the Live Portal.`;
    setLocal(found);
    if (found.title || found.path) return;
    onSubmit({ ...v, title: v.title.trim(), path: v.path.trim() });
  };
  const address = w.address(v.path.trim().replace(/^\//, '') || w.example);

  return (
    <Paper withBorder p="md" maw={880} component="form" onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Title"
          required
          value={v.title}
          readOnly={readOnly}
          onChange={(e) => {
            const title = e.currentTarget.value;
            setV((prev) => ({ ...prev, title, path: pathTouched ? prev.path : pathFromTitle(title) }));
            setLocal((prev) => ({ title: undefined, path: pathTouched ? prev.path : undefined }));
          }}
          error={local.title ?? errorFor(error, 'Title')}
          autoComplete="off"
        />
        <TextInput
          label="Path"
          required
          description={`Makes the ${w.one}’s address in the Live Portal: ${address}. Lowercase letters, digits, - and _; use / to group (e.g. guides/first-call). Changing it changes the address.`}
          leftSection={
            <Text size="sm" c="dimmed" aria-hidden>
              {w.prefix}
            </Text>
          }
          leftSectionWidth={kind === 'posts' ? 52 : 24}
          value={v.path}
          readOnly={readOnly}
          onChange={(e) => {
            setPathTouched(true);
            set('path', e.currentTarget.value);
            setLocal((prev) => ({ ...prev, path: undefined }));
          }}
          error={local.path ?? errorFor(error, 'Path')}
          autoComplete="off"
          spellCheck={false}
        />
        <Textarea
          label="Summary"
          description={kind === 'posts' ? 'Optional. One or two sentences shown under the title in the Live Portal’s list of posts.' : 'Optional. One or two sentences that say what the page is about.'}
          autosize
          minRows={2}
          maxRows={5}
          value={v.lede}
          readOnly={readOnly}
          onChange={(e) => set('lede', e.currentTarget.value)}
          error={errorFor(error, 'Lede')}
        />
        <Tabs value={mode} onChange={(m) => m && setMode(m)}>
          <Tabs.List aria-label="Edit or preview the content" mb="xs">
            <Tabs.Tab value="edit">Edit</Tabs.Tab>
            <Tabs.Tab value="preview">Preview</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="edit">
            <Textarea
              label="Content"
              description="Markdown: ## for a heading, **bold**, *italic*, [a link](https://example.com), - for a list, ``` for code. HTML in the text is not shown."
              autosize
              minRows={12}
              maxRows={30}
              value={v.content}
              readOnly={readOnly}
              onChange={(e) => set('content', e.currentTarget.value)}
              error={errorFor(error, 'Content')}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              spellCheck
            />
          </Tabs.Panel>
          <Tabs.Panel value="preview">
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                The content as the Live Portal shows it. Switch back to Edit to change it.
              </Text>
              <Paper withBorder p="md" mih={200} role="region" aria-label="Preview">
                {v.content.trim() === '' ? (
                  <Text c="dimmed" size="sm">
                    Nothing to preview yet: write the content under Edit.
                  </Text>
                ) : (
                  <Markdown source={v.content} />
                )}
              </Paper>
            </Stack>
          </Tabs.Panel>
        </Tabs>
        <Radio.Group label="Status" value={v.status} onChange={(s) => !readOnly && set('status', s === 'published' ? 'published' : 'draft')} error={errorFor(error, 'Status')}>
          <Stack gap="xs" mt={6}>
            <Radio value="draft" label="Draft" description="Only administrators see it, here in the Admin Portal." disabled={readOnly} />
            <Radio value="published" label="Published" description={`Everyone who visits the Live Portal sees it, at ${address}.`} disabled={readOnly} />
          </Stack>
        </Radio.Group>
        {error && !isFieldError(error, FIELDS) && (
          <Alert color="red" role="alert" title="Not saved">
            {error.message}
          </Alert>
        )}
        {!readOnly && (
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={`/portal/content/${kind}`}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {isNew ? `Create ${w.one}` : 'Save changes'}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

const asBody = (v: Values) => ({ Title: v.title, Path: v.path, Lede: v.lede, Content: v.content, Status: v.status });

/** /portal/content/{posts,pages}/new */
export function ContentCreatePage({ user, kind }: { user: CurrentUser; kind: ContentKind }) {
  const w = KIND_WORDS[kind];
  const navigate = useNavigate();
  const create = useCreateContent(kind);
  if (!can(user, 'portal', 'write')) return <NotFoundPage backTo={`/portal/content/${kind}`} backLabel={`Back to ${w.many}`} />;
  return (
    <>
      <BackLink kind={kind} />
      <PageHeader title={`New ${w.one}`} description="Keep it a draft while you write; publish it when it is ready." />
      <ContentForm
        kind={kind}
        isNew
        readOnly={false}
        initial={{ title: '', path: '', lede: '', content: '', status: 'draft' }}
        pending={create.isPending}
        error={create.error}
        onSubmit={(v) =>
          create.mutate(asBody(v), {
            onSuccess: (created) => {
              notifyDone(`${w.One} “${created.title}” created${created.status === 'published' ? ' and published' : ' as a draft'}`);
              void navigate(`/portal/content/${kind}/${created.id}`, { replace: true });
            },
          })
        }
      />
    </>
  );
}

function ContentEdit({ user, kind, item }: { user: CurrentUser; kind: ContentKind; item: ContentItem }) {
  const w = KIND_WORDS[kind];
  const navigate = useNavigate();
  const update = useUpdateContent(kind, item.id);
  const [deleting, setDeleting] = useState(false);
  // Each save starts the form afresh from what the server answered it stored (e.g. "/about-us" is stored as "about-us").
  const [saved, setSaved] = useState<{ version: number; item: ContentItem }>({ version: 0, item });
  const form = saved.item;
  const writable = can(user, 'portal', 'write');
  const dates = [`Created ${item.createdAt} UTC`, `updated ${item.updatedAt} UTC`, item.publishedAt ? `first published ${item.publishedAt} UTC` : 'never published'].join(' · ');
  return (
    <>
      <BackLink kind={kind} />
      <PageHeader
        title={item.title}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <StatusBadge status={item.status} />
            <Text component="span" size="sm" c="dimmed">
              {w.One} · {dates}
            </Text>
          </Group>
        }
        actions={
          <>
            {item.status === 'published' && <LiveLink kind={kind} path={item.path} />}
            {writable && (
              <Button color="red.9" variant="outline" onClick={() => setDeleting(true)}>
                Delete
              </Button>
            )}
          </>
        }
      />
      <ContentForm
        key={saved.version}
        kind={kind}
        isNew={false}
        readOnly={!writable}
        initial={{ title: form.title, path: form.path, lede: form.lede, content: form.content, status: form.status }}
        pending={update.isPending}
        error={update.error}
        onSubmit={(v) =>
          update.mutate(asBody(v), {
            onSuccess: (stored) => {
              setSaved((prev) => ({ version: prev.version + 1, item: stored }));
              const change = stored.status === form.status ? '' : stored.status === 'published' ? ': published' : ': back to draft';
              notifyDone(`${w.One} “${stored.title}” saved${change}`);
            },
          })
        }
      />
      <DeleteContentDialog kind={kind} item={deleting ? item : null} onClose={() => setDeleting(false)} onDeleted={() => void navigate(`/portal/content/${kind}`)} />
    </>
  );
}

/** /portal/content/{posts,pages}/:id: one post or page, to edit (or read, without `portal: write`). */
export function ContentPage({ user, kind }: { user: CurrentUser; kind: ContentKind }) {
  const { id = '' } = useParams();
  const item = useContentItem(kind, id);
  const w = KIND_WORDS[kind];
  return (
    <QueryView query={item} label={`Loading the ${w.one}`} notFound={{ backTo: `/portal/content/${kind}`, backLabel: `Back to ${w.many}` }}>
      {(data) => <ContentEdit user={user} kind={kind} item={data} />}
    </QueryView>
  );
}
