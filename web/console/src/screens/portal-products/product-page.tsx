import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Markdown } from '@portcullis/web-shared';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ensureOk } from '../../api.js';
import { notifyDone } from '../../components/notify.js';
import { Detail } from '../../components/detail.js';
import { NotFoundPage, PageHeader } from '../../components/page.js';
import { QueryView } from '../../components/query-states.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { ProductDcrSection } from '../portal-oauth/product-dcr.js';
import { DocumentationSection } from './api-docs.js';
import { GuidesSection } from './guides.js';
import { DeleteProductDialog } from './product-dialogs.js';
import { bodyOf, draftOf, EMPTY_DRAFT, FormError, ProductFields, type ProductDraft } from './product-form.js';
import { countOf, useProduct, useRefreshProducts, type Product } from './queries.js';
import { idFrom } from '../../route-params.js';

const BACK = { backTo: '/portal/products', backLabel: 'Back to products' };

/** /portal/products/new: a product's details and APIs; documentation and guides come once it exists. */
export function ProductCreatePage({ user }: { user: CurrentUser }) {
  const navigate = useNavigate();
  const refresh = useRefreshProducts();
  const [draft, setDraft] = useState<ProductDraft>(EMPTY_DRAFT);
  const create = useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.POST('/portal-api/products', { body: bodyOf(draft) });
      ensureOk(response, error);
      return data!;
    },
    onSuccess: async (created) => {
      notifyDone(`${created.Name} created`);
      await refresh();
      void navigate(`/portal/products/${created.ID}`);
    },
  });
  if (!can(user, 'portal', 'write')) return <NotFoundPage {...BACK} />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={860}>
        <PageHeader title="Add product" description="Choose the APIs to offer and describe them for API consumers. Reference documentation and guides are added once the product is created." />
        <FormError error={create.error} title="Not saved" />
        <ProductFields draft={draft} setDraft={setDraft} error={create.error} />
        <Group gap="xs">
          <Button type="submit" loading={create.isPending}>
            Create product
          </Button>
          <Button component={Link} to="/portal/products" variant="default">
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** /portal/products/:id: details, APIs and catalogues; reference documentation per API; guides. */
export function ProductPage({ user }: { user: CurrentUser }) {
  const { id } = useParams();
  const numeric = idFrom(id);
  const product = useProduct(numeric);
  if (numeric === null) return <NotFoundPage {...BACK} />;
  return (
    <QueryView query={product} label="Loading the product" notFound={BACK}>
      {(p) => <ProductView key={p.ID} user={user} product={p} />}
    </QueryView>
  );
}

function summaryOf(p: Product): string {
  const published = p.Catalogues.length === 0 ? 'not published in any catalogue' : `published in ${p.Catalogues.join(', ')}`;
  return `${countOf(p.APIDetails.length, 'API', 'APIs')}, ${published}`;
}

function ProductView({ user, product }: { user: CurrentUser; product: Product }) {
  const writable = can(user, 'portal', 'write');
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader
        title={product.Name}
        description={
          <Group gap="xs" component="span">
            {product.Catalogues.length === 0 && (
              <Badge color="gray.7" variant="outline" component="span">
                Not published
              </Badge>
            )}
            <Text span size="sm" c="dimmed">
              {product.DisplayName !== product.Name ? `Shown as “${product.DisplayName}”; ` : ''}
              {summaryOf(product)}
            </Text>
          </Group>
        }
        actions={
          writable ? (
            <Button color="red" variant="light" onClick={() => setDeleting(true)}>
              Delete product
            </Button>
          ) : undefined
        }
      />
      {writable ? <ProductEditor key={product.UpdatedAt} product={product} /> : <ProductDetails product={product} />}
      <ProductDcrSection key={`dcr-${product.UpdatedAt}`} product={product} writable={writable} />
      <DocumentationSection product={product} writable={writable} />
      <GuidesSection product={product} writable={writable} />
      <Anchor component={Link} to="/portal/products">
        Back to products
      </Anchor>
      {deleting && <DeleteProductDialog product={product} opened onClose={() => setDeleting(false)} onDeleted={() => void navigate('/portal/products')} />}
    </Stack>
  );
}

function ProductEditor({ product }: { product: Product }) {
  const refresh = useRefreshProducts();
  const [draft, setDraft] = useState<ProductDraft>(() => draftOf(product));
  const save = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.PUT('/portal-api/products/{productId}', { params: { path: { productId: String(product.ID) } }, body: bodyOf(draft, product) });
      ensureOk(response, error);
    },
    onSuccess: async () => {
      notifyDone('Product saved');
      await refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="details-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="details-heading">
          Details, APIs and catalogues
        </Title>
        <FormError error={save.error} title="Not saved" />
        <ProductFields draft={draft} setDraft={setDraft} error={save.error} current={product} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What a reader without `portal: write` sees. */
function ProductDetails({ product }: { product: Product }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="details-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="details-heading">
          Details
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
          <Detail label="Display name">{product.DisplayName}</Detail>
          <Detail label="Tags">{product.Tags.join(', ') || 'None'}</Detail>
          <Detail label="APIs">{product.APIDetails.map((a) => `${a.Name} (${a.ListenPath})`).join(', ') || 'None'}</Detail>
          <Detail label="Catalogues">{product.Catalogues.join(', ') || 'Not published'}</Detail>
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          Description
        </Text>
        {product.Description.trim() === '' ? <Text size="sm">None</Text> : <Markdown source={product.Description} />}
      </Stack>
    </Paper>
  );
}
