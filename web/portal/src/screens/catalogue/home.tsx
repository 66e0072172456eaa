import { Anchor, Badge, Box, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Markdown, pages, planWords } from '@portcullis/web-shared';
import { Link } from 'react-router';
import { useAppearance } from '../../appearance.js';
import { usePageMeta } from '../../page-meta.js';
import { PageState } from '../page-state.js';
import { useCatalogues, type LiveCatalogue } from './queries.js';

/** The first line of a Markdown description, as plain text, for a card. */
export function summaryOf(markdown: string): string {
  const line = markdown.split('\n').map((l) => l.replace(/^[#>\-*\s]+/, '').replace(/[*_`[\]]/g, '').trim()).find((l) => l !== '') ?? '';
  return line.length > 180 ? `${line.slice(0, 177)}…` : line;
}

/** /: what the portal offers this visitor, catalogue by catalogue. */
export function HomePage() {
  const appearance = useAppearance();
  usePageMeta(appearance.Name, 'Browse the APIs on offer, read their reference and guides, and request access.');
  const catalogues = useCatalogues();
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1}>APIs on offer</Title>
        <Text c="dimmed">Browse the products below, read their documentation, then sign in to request access with the plan that suits you.</Text>
      </Stack>
      {/* The administrators' introduction (Settings > Appearance), in Markdown: never HTML. */}
      {appearance.Introduction.trim() !== '' && (
        <Box component="section" aria-label="Introduction">
          <Markdown source={appearance.Introduction} headingOffset={1} />
        </Box>
      )}
      <PageState query={catalogues} label="Loading the catalogues">
        {(list) =>
          list.length === 0 ? (
            <Text>No API is published here yet. Come back soon.</Text>
          ) : (
            list.map((c) => <CatalogueSection key={c.ID} catalogue={c} />)
          )
        }
      </PageState>
    </Stack>
  );
}

function CatalogueSection({ catalogue }: { catalogue: LiveCatalogue }) {
  const headingId = `catalogue-${catalogue.ID}`;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Group gap="xs">
        <Title order={2} size="h3" id={headingId}>
          {catalogue.Name}
        </Title>
        {catalogue.VisibilityStatus === 'Private' && (
          <Badge variant="outline" color="gray.9">
            Private to your organisation
          </Badge>
        )}
      </Group>
      {catalogue.Products.length === 0 ? (
        <Text size="sm">No product in this catalogue yet.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {catalogue.Products.map((p) => (
            <Card key={p.ID} withBorder radius="md" padding="md" component="article">
              <Stack gap="xs">
                <Anchor component={Link} to={pages.product(p.ID)} fw={600} size="lg">
                  {p.DisplayName || p.Name}
                </Anchor>
                {p.Description && <Text size="sm">{summaryOf(p.Description)}</Text>}
                <Text size="xs" c="dimmed">
                  {p.APIs.length === 1 ? '1 API' : `${p.APIs.length} APIs`}
                  {p.Guides.length > 0 ? ` · ${p.Guides.length === 1 ? '1 guide' : `${p.Guides.length} guides`}` : ''}
                </Text>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {catalogue.Plans.length > 0 && (
        <Text size="sm">
          <Text span fw={600}>
            Plans:{' '}
          </Text>
          {catalogue.Plans.map((plan) => `${plan.DisplayName || plan.Name} (${planWords(plan)})`).join('; ')}
        </Text>
      )}
    </Stack>
  );
}
