import { ActionIcon, Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ensureOk } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm.js';
import { errorFor, isFieldError } from '../../components/field-errors.js';
import { notifyDone } from '../../components/notify.js';
import { NotFoundPage, PageHeader } from '../../components/page.js';
import { EmptyState, QueryView } from '../../components/query-states.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { MarkdownField } from './markdown-field.js';
import { useGuide, useGuides, useProduct, useRefreshProducts, type Guide, type Product } from './queries.js';
import { idFrom } from '../../route-params.js';

/** The product's guides in their order: move up and down, edit, delete. */
export function GuidesSection({ product, writable }: { product: Product; writable: boolean }) {
  const guides = useGuides(product.ID);
  const refresh = useRefreshProducts();
  const [deleting, setDeleting] = useState<Guide | null>(null);
  const path = { params: { path: { productId: String(product.ID) } } };
  const reorder = useMutation({
    mutationFn: async (order: number[]) => {
      const { error, response } = await api.POST('/portal-api/products/{productId}/docs/reorder', { ...path, body: order });
      ensureOk(response, error);
    },
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: async (g: Guide) => {
      const { error, response } = await api.DELETE('/portal-api/products/{productId}/docs/{docId}', { params: { path: { productId: String(product.ID), docId: String(g.ID) } } });
      ensureOk(response, error);
    },
    onSuccess: async (_, g) => {
      setDeleting(null);
      notifyDone(`Guide “${g.Title}” deleted`);
      await refresh();
    },
  });
  const move = (list: Guide[], index: number, by: -1 | 1) => {
    const order = list.map((g) => g.ID);
    const [id] = order.splice(index, 1);
    order.splice(index + by, 0, id!);
    reorder.mutate(order);
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="guides-heading">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="guides-heading">
            Guides
          </Title>
          {writable && (
            <Button variant="default" component={Link} to={`/portal/products/${product.ID}/guides/new`}>
              Add guide
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          Markdown pages shown with the product on the Live Portal, in this order: getting started, authentication, examples…
        </Text>
        {reorder.isError && (
          <Alert color="red" role="alert" title="Order not saved">
            {reorder.error.message}
          </Alert>
        )}
        <QueryView query={guides} label="Loading guides">
          {(list) =>
            list.length === 0 ? (
              <EmptyState title="No guides yet">{writable ? 'Add a guide to help consumers get started with the product.' : undefined}</EmptyState>
            ) : (
              <Stack component="ol" gap={0} p={0} m={0} aria-label={`Guides of ${product.Name}`} style={{ listStyle: 'none' }}>
                {list.map((g, i) => (
                  <Group key={g.ID} component="li" justify="space-between" wrap="nowrap" gap="xs" py={6} style={{ borderTop: i === 0 ? undefined : '1px solid var(--mantine-color-gray-3)' }}>
                    <Group gap="xs" wrap="nowrap" miw={0}>
                      <Text size="sm" c="dimmed" w={20} ta="right" aria-hidden>
                        {i + 1}.
                      </Text>
                      <Anchor component={Link} to={`/portal/products/${product.ID}/guides/${g.ID}`} size="sm" fw={600} c="indigo.9" style={{ overflowWrap: 'anywhere' }}>
                        {g.Title}
                      </Anchor>
                    </Group>
                    {writable && (
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon variant="default" aria-label={`Move “${g.Title}” up`} disabled={i === 0 || reorder.isPending} onClick={() => move(list, i, -1)}>
                          <span aria-hidden>↑</span>
                        </ActionIcon>
                        <ActionIcon variant="default" aria-label={`Move “${g.Title}” down`} disabled={i === list.length - 1 || reorder.isPending} onClick={() => move(list, i, 1)}>
                          <span aria-hidden>↓</span>
                        </ActionIcon>
                        <Button variant="light" color="red" size="xs" onClick={() => setDeleting(g)}>
                          Delete<VisuallyHidden> “{g.Title}”</VisuallyHidden>
                        </Button>
                      </Group>
                    )}
                  </Group>
                ))}
              </Stack>
            )
          }
        </QueryView>
      </Stack>
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete the guide “${deleting?.Title ?? ''}”?`}
        confirmLabel="Delete guide"
        pending={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
        onConfirm={() => deleting && remove.mutate(deleting)}
      >
        The guide disappears from the product on the Live Portal. This cannot be undone.
      </ConfirmDialog>
    </Paper>
  );
}

/** /portal/products/:id/guides/new and /portal/products/:id/guides/:guideId: a guide's title and Markdown, with a preview. */
export function GuidePage({ user }: { user: CurrentUser }) {
  const { id, guideId } = useParams();
  const productId = idFrom(id);
  const creating = guideId === undefined;
  const guideNumber = creating ? null : idFrom(guideId);
  const product = useProduct(productId);
  const guide = useGuide(productId, guideNumber);
  const back = { backTo: productId === null ? '/portal/products' : `/portal/products/${productId}`, backLabel: 'Back to the product' };
  if (productId === null || (!creating && guideNumber === null)) return <NotFoundPage {...back} />;
  if (creating && !can(user, 'portal', 'write')) return <NotFoundPage {...back} />;
  return (
    <QueryView query={product} label="Loading the product" notFound={back}>
      {(p) =>
        creating ? (
          <GuideEditor product={p} writable />
        ) : (
          <QueryView query={guide} label="Loading the guide" notFound={back}>
            {(g) => <GuideEditor key={`${g.ID}-${g.UpdatedAt}`} product={p} guide={g} writable={can(user, 'portal', 'write')} />}
          </QueryView>
        )
      }
    </QueryView>
  );
}

function GuideEditor({ product, guide, writable }: { product: Product; guide?: Guide; writable: boolean }) {
  const navigate = useNavigate();
  const refresh = useRefreshProducts();
  const [title, setTitle] = useState(guide?.Title ?? '');
  const [content, setContent] = useState(guide?.Content ?? '');
  const productPath = `/portal/products/${product.ID}`;
  const save = useMutation({
    mutationFn: async () => {
      const body = { Title: title.trim(), Content: content };
      if (guide === undefined) {
        const { error, response } = await api.POST('/portal-api/products/{productId}/docs', { params: { path: { productId: String(product.ID) } }, body });
        ensureOk(response, error);
      } else {
        const { error, response } = await api.PUT('/portal-api/products/{productId}/docs/{docId}', { params: { path: { productId: String(product.ID), docId: String(guide.ID) } }, body });
        ensureOk(response, error);
      }
    },
    onSuccess: async () => {
      notifyDone(guide === undefined ? `Guide “${title.trim()}” added` : 'Guide saved');
      await refresh();
      void navigate(productPath);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const fields = ['Title', 'Content'];
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={860}>
        <PageHeader
          title={guide === undefined ? 'Add guide' : guide.Title}
          description={
            <>
              A guide of{' '}
              <Anchor component={Link} to={productPath} inherit underline="always">
                {product.Name}
              </Anchor>
              , shown with the product on the Live Portal.
            </>
          }
        />
        {save.error && !isFieldError(save.error, fields) && (
          <Alert color="red" role="alert" title="Not saved">
            {save.error.message}
          </Alert>
        )}
        <Paper withBorder p="md" radius="md">
          <Stack gap="md">
            <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errorFor(save.error, 'Title')} readOnly={!writable} maw={560} />
            <MarkdownField
              label="Content"
              description="Markdown: # Heading, **bold**, `code`, ``` for a code block, - for a list, [text](https://…) for a link. Raw HTML is not shown."
              value={content}
              onChange={setContent}
              error={errorFor(save.error, 'Content')}
              minRows={14}
            />
          </Stack>
        </Paper>
        <Group gap="xs">
          {writable && (
            <Button type="submit" loading={save.isPending}>
              {guide === undefined ? 'Add guide' : 'Save guide'}
            </Button>
          )}
          <Button component={Link} to={productPath} variant="default">
            {writable ? 'Cancel' : 'Back to the product'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
