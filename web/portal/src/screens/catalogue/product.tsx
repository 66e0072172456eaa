import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { Markdown, pages, planWords } from '@portcullis/web-shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { usePageMeta } from '../../page-meta.js';
import { useConsumerSsoOnly, useMe } from '../../session.js';
import { PageState } from '../page-state.js';
import { summaryOf } from './home.js';
import { useProduct, type LiveProduct } from './queries.js';
import { RequestAccessDialog } from './request-access.js';

/** /portal/catalogue-products/:id: a product's description, plans in plain words, APIs and guides. */
export function ProductPage() {
  const { id } = useParams();
  const product = useProduct(Number(id));
  return (
    <PageState query={product} label="Loading the product">
      {(p) => <ProductView product={p} />}
    </PageState>
  );
}

function ProductView({ product: p }: { product: LiveProduct }) {
  const name = p.DisplayName || p.Name;
  usePageMeta(name, summaryOf(p.Description) || `${name}: plans, API reference and guides.`);
  const me = useMe();
  const ssoOnly = useConsumerSsoOnly();
  const [requesting, setRequesting] = useState<LiveProduct['Plans'][number] | null>(null);
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Anchor component={Link} to={pages.portalHome()} size="sm" underline="always">
          All APIs
        </Anchor>
        <Title order={1}>{name}</Title>
        {p.Tags.length > 0 && (
          <Group gap={6}>
            {p.Tags.map((t) => (
              <Badge key={t} variant="outline" color="gray.9">
                {t}
              </Badge>
            ))}
          </Group>
        )}
        {p.Description && <Markdown source={p.Description} headingOffset={1} />}
      </Stack>

      <Stack component="section" aria-labelledby="plans" gap="sm">
        <Title order={2} size="h3" id="plans">
          Plans
        </Title>
        {p.Plans.length === 0 ? (
          <Text size="sm">No plan is offered with this product to you yet.</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {p.Plans.map((plan) => (
              <Card key={plan.ID} withBorder radius="md" component="article" aria-label={plan.DisplayName || plan.Name}>
                <Stack gap={6}>
                  <Text fw={600}>{plan.DisplayName || plan.Name}</Text>
                  <Text size="sm">{planWords(plan)}</Text>
                  {plan.Description && (
                    <Text size="sm" c="dimmed">
                      {plan.Description}
                    </Text>
                  )}
                  {me.data && (
                    <Button size="sm" mt="xs" style={{ alignSelf: 'flex-start' }} onClick={() => setRequesting(plan)} aria-label={`Request access with the ${plan.DisplayName || plan.Name} plan`}>
                      Request access
                    </Button>
                  )}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
        {me.data === null && (
          <Text size="sm">
            <Anchor component={Link} to={pages.signIn()} underline="always">
              Sign in
            </Anchor>{' '}
            {!ssoOnly && (
              <>
                or{' '}
                <Anchor component={Link} to={pages.register()} underline="always">
                  create an account
                </Anchor>{' '}
              </>
            )}
            to request access.
          </Text>
        )}
      </Stack>

      <Stack component="section" aria-labelledby="apis" gap="sm">
        <Title order={2} size="h3" id="apis">
          APIs
        </Title>
        <List spacing="sm">
          {p.APIs.map((a) => (
            <List.Item key={a.APIID}>
              <Text fw={600} span>
                {a.Name}
              </Text>{' '}
              <Text span size="sm" c="dimmed">
                {a.URL ? (
                  <>
                    (at <code>{a.URL}</code>)
                  </>
                ) : (
                  <>
                    (base path <code>{a.ListenPath}</code>)
                  </>
                )}
              </Text>
              {a.Description && <Text size="sm">{a.Description}</Text>}
              {a.OASUrl && (
                <Anchor component={Link} to={pages.apiReference(p.ID, a.APIID)} size="sm" underline="always" display="block">
                  API reference<VisuallyHidden> of {a.Name}</VisuallyHidden>
                </Anchor>
              )}
            </List.Item>
          ))}
        </List>
      </Stack>

      {me.data && <RequestAccessDialog product={p} plan={requesting} onClose={() => setRequesting(null)} />}

      {p.Guides.length > 0 && (
        <Stack component="section" aria-labelledby="guides" gap="sm">
          <Title order={2} size="h3" id="guides">
            Guides
          </Title>
          <List spacing={4}>
            {p.Guides.map((g) => (
              <List.Item key={g.ID}>
                <Anchor component={Link} to={pages.productGuide(p.ID, g.ID)} underline="always">
                  {g.Title}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
