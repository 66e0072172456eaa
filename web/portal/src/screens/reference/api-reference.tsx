import { Alert, Anchor, Center, Code, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError, ensureOk, pages } from '@portcullis/web-shared';
import { Component, lazy, Suspense, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api.js';
import { usePageMeta } from '../../page-meta.js';
import { summaryOf } from '../catalogue/home.js';
import { useProduct, type LiveProduct } from '../catalogue/queries.js';
import { NotFoundPage, PageState } from '../page-state.js';
import { descriptionOf, isObject, securitySchemesOf, type JsonObject } from './document-summary.js';

// The reference renderer has a chunk of its own: the other public pages never load it.
const SwaggerView = lazy(() => import('./swagger-view.js'));

/** The OpenAPI document of one API of a product this visitor may see; a 404 otherwise. */
function useApiDocument(productId: number, apiId: string) {
  return useQuery({
    queryKey: ['product', productId, 'api', apiId, 'document'],
    queryFn: async (): Promise<JsonObject> => {
      if (!Number.isSafeInteger(productId) || productId < 1 || apiId === '') throw new ApiError(404, 'Not found');
      const { data, error, response } = await api.GET('/portal/api/products/{productId}/api-details/{apiId}/oas', { params: { path: { productId: String(productId), apiId } } });
      ensureOk(response, error);
      if (!isObject(data)) throw new Error('The API’s document is not an OpenAPI document.');
      return data;
    },
  });
}

/** /portal/catalogue-products/:id/apis/:apiId/reference: one API's reference, rendered from its OpenAPI document. */
export function ApiReferencePage() {
  const { id, apiId = '' } = useParams();
  const productId = Number(id);
  const product = useProduct(productId);
  return (
    <PageState query={product} label="Loading the product">
      {(p) => {
        const entry = p.APIs.find((a) => a.APIID === apiId);
        // An API the product does not offer, or one without a document, has no reference page.
        if (!entry?.OASUrl) return <NotFoundPage />;
        return <Reference product={p} apiId={apiId} apiName={entry.Name} listenPath={entry.ListenPath} url={entry.URL} />;
      }}
    </PageState>
  );
}

function Reference({ product, apiId, apiName, listenPath, url }: { product: LiveProduct; apiId: string; apiName: string; listenPath: string; url: string }) {
  const document = useApiDocument(product.ID, apiId);
  const productName = product.DisplayName || product.Name;
  const about = document.data ? summaryOf(descriptionOf(document.data)) : '';
  usePageMeta(`${apiName} — API reference`, about || `The operations of ${apiName} (${productName}): paths, parameters, request bodies and responses.`);
  return (
    <Stack gap="lg" maw={960}>
      <Anchor component={Link} to={pages.product(product.ID)} size="sm" underline="always">
        Back to {productName}
      </Anchor>
      <Title order={1}>{apiName} — API reference</Title>
      <PageState query={document} label="Loading the API reference">
        {(doc) => (
          <>
            <Calling document={doc} listenPath={listenPath} url={url} />
            <RenderError>
              <Suspense
                fallback={
                  <Center py="xl">
                    <Loader aria-label="Loading the API reference" role="status" />
                  </Center>
                }
              >
                <SwaggerView document={doc} />
              </Suspense>
            </RenderError>
          </>
        )}
      </PageState>
    </Stack>
  );
}

/** Where and how to call the API: its base path on the gateway, and the document's authentication in words. */
/** `url`: the API's address at the gateway, when the gateway's public address is configured; else only its base path is known. */
function Calling({ document: doc, listenPath, url }: { document: JsonObject; listenPath: string; url: string }) {
  const schemes = securitySchemesOf(doc);
  return (
    <Stack component="section" aria-labelledby="calling" gap="xs">
      <Title order={2} size="h3" id="calling">
        Calling this API
      </Title>
      <Text size="sm">
        {url ? (
          <>
            Send requests to <Code>{url}</Code>: an operation’s path below comes after it.
          </>
        ) : (
          <>
            Send requests to the gateway, under the base path <Code>{listenPath}</Code>: an operation’s path below comes after it.
          </>
        )}{' '}
        Your app’s key for this API is on your dashboard once your access request is approved.
      </Text>
      {schemes.length > 0 && (
        <List size="sm" spacing={4}>
          {schemes.map((s) => (
            <List.Item key={s.name}>
              Authentication “{s.name}”: {s.words}.
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** A document the renderer cannot read (or a chunk that fails to load) says so instead of blanking the page. */
class RenderError extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (this.state.failed) {
      return (
        <Alert color="red" role="alert" title="This reference could not be shown">
          The API’s OpenAPI document could not be read. Reload the page; if it happens again, tell the portal’s administrators.
        </Alert>
      );
    }
    return this.props.children;
  }
}
