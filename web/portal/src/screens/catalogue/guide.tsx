import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Markdown, pages } from '@portcullis/web-shared';
import { Link, useParams } from 'react-router';
import { usePageMeta } from '../../page-meta.js';
import { PageState } from '../page-state.js';
import { summaryOf } from './home.js';
import { useGuide, useProduct } from './queries.js';

/** /portal/catalogue-products/:id/guides/:guideId: one of a product's guides, rendered safely from Markdown. */
export function GuidePage() {
  const { id, guideId } = useParams();
  const productId = Number(id);
  const guide = useGuide(productId, Number(guideId));
  const product = useProduct(productId);
  return (
    <PageState query={guide} label="Loading the guide">
      {(g) => <GuideView productId={productId} productName={product.data ? product.data.DisplayName || product.data.Name : 'the product'} title={g.Title} content={g.Content} updatedAt={g.UpdatedAt} />}
    </PageState>
  );
}

function GuideView({ productId, productName, title, content, updatedAt }: { productId: number; productName: string; title: string; content: string; updatedAt: string }) {
  usePageMeta(title, summaryOf(content) || `A guide to ${productName}.`);
  return (
    <Stack gap="md" maw={800}>
      <Anchor component={Link} to={pages.product(productId)} size="sm" underline="always">
        Back to {productName}
      </Anchor>
      <Title order={1}>{title}</Title>
      <Text size="xs" c="dimmed">
        Updated {new Date(updatedAt).toLocaleDateString()}
      </Text>
      <Markdown source={content} headingOffset={1} />
    </Stack>
  );
}
