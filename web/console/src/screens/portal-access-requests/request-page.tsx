import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { idFrom } from '../../route-params.js';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Detail } from '../../components/detail.js';
import { NotFoundPage, PageHeader } from '../../components/page.js';
import { QueryView } from '../../components/query-states.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { requesterName, useAccessRequest, type AccessRequest, type Decision } from './queries.js';
import { usePlan } from '../portal-plans/queries.js';
import { planWords } from '@portcullis/web-shared';
import { CredentialsTable, DecisionDialog, offering, RequestStatusBadge } from './request-parts.js';

const BACK = { backTo: '/portal/access-requests', backLabel: 'Back to access requests' };

/** /portal/access-requests/:id: who asks for what, the decision, and the credentials it produced. */
export function AccessRequestPage({ user }: { user: CurrentUser }) {
  const { id = '' } = useParams();
  const numeric = idFrom(id);
  const request = useAccessRequest(numeric);
  if (numeric === null) return <NotFoundPage {...BACK} />;
  return (
    <QueryView query={request} label="Loading the access request" notFound={BACK}>
      {(r) => <RequestDetails r={r} writable={can(user, 'portal', 'write')} />}
    </QueryView>
  );
}

function decision(r: AccessRequest): string {
  if (r.Status === 'pending') return 'Not decided yet';
  if (r.ProvisionImmediately) return `Approved at once by the plan, ${r.CreatedAt} UTC`;
  const verb = r.Status === 'approved' ? 'Approved' : 'Rejected';
  return `${verb}${r.DecidedBy ? ` by ${r.DecidedBy}` : ''}${r.DecidedAt ? `, ${r.DecidedAt} UTC` : ''}`;
}

function RequestDetails({ r, writable }: { r: AccessRequest; writable: boolean }) {
  const [deciding, setDeciding] = useState<Decision | null>(null);
  return (
    <Stack gap="md" maw={960}>
      <PageHeader
        title={`Access request ${r.ID}`}
        description={
          <Group gap="xs" component="span">
            <RequestStatusBadge status={r.Status} />
            <span>
              {requesterName(r)} {r.Status === 'pending' ? 'asks' : 'asked'} for {offering(r)}.
            </span>
          </Group>
        }
        actions={
          writable && r.Status === 'pending' ? (
            <>
              <Button color="teal.9" onClick={() => setDeciding('approve')}>
                Approve
              </Button>
              <Button variant="default" onClick={() => setDeciding('reject')}>
                Reject
              </Button>
            </>
          ) : undefined
        }
      />
      <Paper withBorder p="md" radius="md">
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
          <Detail label="Consumer">
            {requesterName(r)} ({r.User})
          </Detail>
          <Detail label="Organisation">{r.Organisation || 'None'}</Detail>
          <Detail label="App">
            <Anchor component={Link} to={`/portal/apps/${r.AppID}`} c="indigo.9" size="sm">
              {r.Client}
            </Anchor>
          </Detail>
          <Detail label="Product">{r.Products}</Detail>
          <Detail label="Plan">
            <PlanTerms planId={r.PlanID} name={r.Plan} />
          </Detail>
          <Detail label="Catalogue">{r.Catalogue || '—'}</Detail>
          {r.DCREnabled && <Detail label="OAuth client type">{r.ClientType || 'None chosen: the product’s first'}</Detail>}
          <Detail label="Requested">{r.CreatedAt} UTC</Detail>
          <Detail label="Decision">{decision(r)}</Detail>
          <Detail label="Comment to the consumer">{r.DecisionComment || (r.Status === 'pending' ? '—' : 'None')}</Detail>
        </SimpleGrid>
      </Paper>
      <Title order={2} size="h4">
        Credentials
      </Title>
      <Text size="sm" c="dimmed">
        The API keys this approval produced. Keys are never shown here: only the app’s owner sees theirs, once. Rotate or revoke them on{' '}
        <Anchor component={Link} to={`/portal/apps/${r.AppID}`} c="indigo.9" size="sm" underline="always">
          the app’s page
        </Anchor>
        .
      </Text>
      {r.Status === 'approved' ? (
        <CredentialsTable credentials={r.Credentials} caption={`Credentials of access request ${r.ID}`} />
      ) : (
        <Text size="sm">{r.Status === 'pending' ? 'None yet: a credential is issued when the request is approved.' : 'None: the request was rejected.'}</Text>
      )}
      <Anchor component={Link} to="/portal/access-requests">
        Back to access requests
      </Anchor>
      <DecisionDialog target={deciding ? { request: r, decision: deciding } : null} onClose={() => setDeciding(null)} />
    </Stack>
  );
}

/** The plan's name and, once loaded, its terms in the words consumers read (a deleted plan keeps its name only). */
function PlanTerms({ planId, name }: { planId: number; name: string }) {
  const plan = usePlan(planId);
  return (
    <>
      {name}
      {plan.data && (
        <Text span size="sm" c="dimmed" display="block">
          {planWords(plan.data)}
        </Text>
      )}
    </>
  );
}
