import { Anchor, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ensureOk } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm.js';
import { notifyDone } from '../../components/notify.js';
import { PageHeader } from '../../components/page.js';
import { QueryView } from '../../components/query-states.js';
import { SecretOnce } from '../../components/secret-once.js';
import { AccessRightsView } from '../policies/access-rights-editor.js';
import { Fact } from '../policies/detail.js';
import { usePolicies } from '../policies/list.js';
import { describeQuota, describeRate, duration, keysKey, rightsToDrafts } from '../policies/model.js';
import { KeyForm } from './key-form.js';
import { describeExpiry, isExpired, keyLabel, shortHash, useKey, type CreatedKey, type KeyData, type KeySession } from './model.js';
import { StateBadge } from '../policies/state-badge.js';

const NOT_FOUND = { backTo: '/keys', backLabel: 'Back to keys' };

/** The quota left in the current window, as the server reports it (-1: no quota). */
function QuotaRemaining({ session }: { session: KeySession }) {
  if (!(session.quota_max > 0)) return <Text size="sm">No quota: the key is not limited.</Text>;
  if (session.quota_remaining === undefined) {
    return (
      <Text size="sm">
        Unknown here: the Dashboard cannot reach the gateway&apos;s counters (no gateway runs in its process and no Redis is configured). The quota is{' '}
        {session.quota_max.toLocaleString()} requests.
      </Text>
    );
  }
  const remaining = Math.max(0, session.quota_remaining);
  const renews = session.quota_renews ?? 0;
  const percent = Math.max(0, Math.min(100, (remaining / session.quota_max) * 100));
  return (
    <Stack gap={6}>
      <Text size="sm">
        <Text span fw={700} size="lg">
          {remaining.toLocaleString()}
        </Text>{' '}
        of {session.quota_max.toLocaleString()} requests remaining
      </Text>
      {/* The sentence above says it; the bar only shows it. */}
      <Progress value={percent} color={percent > 20 ? 'teal' : 'orange'} aria-hidden />
      <Text size="xs" c="dimmed">
        {renews > 0
          ? `Renews ${new Date(renews * 1000).toLocaleString()}.`
          : session.quota_renewal_rate > 0
            ? `A window of ${duration(session.quota_renewal_rate)} starts with the next request.`
            : 'This quota never renews.'}
      </Text>
    </Stack>
  );
}

/** /keys/:keyId — the key's settings and remaining quota; editing and deleting for writers. */
export function KeyDetailPage({ canWrite, canReadPolicies }: { canWrite: boolean; canReadPolicies: boolean }) {
  const { keyId = '' } = useParams();
  const key = useKey(keyId);
  return (
    <QueryView query={key} label="Loading the key" notFound={NOT_FOUND}>
      {(k) => <KeyDetail data={k} canWrite={canWrite} canReadPolicies={canReadPolicies} />}
    </QueryView>
  );
}

function KeyDetail({ data, canWrite, canReadPolicies }: { data: KeyData; canWrite: boolean; canReadPolicies: boolean }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const policies = usePolicies(canReadPolicies && data.data.apply_policies.length > 0);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.DELETE('/api/keys/{keyId}', { params: { path: { keyId: data.key_id } } });
      ensureOk(response, error);
    },
    onSuccess: async () => {
      setConfirming(false);
      queryClient.removeQueries({ queryKey: [...keysKey, 'one', data.key_id] });
      await queryClient.invalidateQueries({ queryKey: keysKey });
      notifyDone('Key deleted');
      await navigate('/keys');
    },
  });
  const s = data.data;
  const label = keyLabel(data);
  const policyName = (id: string) => {
    const p = policies.data?.find((x) => x._id === id);
    return p ? p.name || `Policy ${id}` : `Policy ${id}`;
  };

  return (
    <>
      <Anchor component={Link} to="/keys" size="sm">
        ← Keys
      </Anchor>
      <PageHeader
        title={label}
        description="Key"
        actions={
          canWrite && (
            <>
              <Button component={Link} to={`/keys/${encodeURIComponent(data.key_id)}/edit`}>
                Edit key
              </Button>
              <Button color="red" variant="light" onClick={() => { remove.reset(); setConfirming(true); }}>
                Delete key
              </Button>
            </>
          )
        }
      />
      <Stack gap="md" maw={820}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Quota remaining
          </Title>
          <QuotaRemaining session={s} />
        </Paper>
        <Paper withBorder p="md">
          <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} m={0} spacing="md">
            <Fact label="State">
              <StateBadge color={s.is_inactive ? 'gray' : isExpired(s.expires) ? 'orange' : 'teal'}>
                {s.is_inactive ? 'Inactive' : isExpired(s.expires) ? 'Expired' : 'Active'}
              </StateBadge>
            </Fact>
            <Fact label="Expires">{describeExpiry(s.expires)}</Fact>
            <Fact label="Rate limit">{describeRate(s)}</Fact>
            <Fact label="Quota">{describeQuota(s)}</Fact>
            <Fact label="Policies">
              {s.apply_policies.length === 0 ? (
                'None'
              ) : (
                <Group gap={6} component="span">
                  {s.apply_policies.map((id) =>
                    canReadPolicies ? (
                      <Anchor key={id} component={Link} to={`/policies/${encodeURIComponent(id)}`} size="sm">
                        {policyName(id)}
                      </Anchor>
                    ) : (
                      <Text span key={id} size="sm">
                        {policyName(id)}
                      </Text>
                    ),
                  )}
                </Group>
              )}
            </Fact>
            <Fact label="Key hash">
              <Text span ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
                {data.key_id}
              </Text>
            </Fact>
            <Fact label="Created">{s.date_created ? new Date(s.date_created).toLocaleString() : '—'}</Fact>
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Access rights
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            The key&apos;s own rights and those its policies give it.
          </Text>
          <AccessRightsView rights={rightsToDrafts(s.access_rights)} />
        </Paper>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title="Delete this key?"
        confirmLabel="Delete key"
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirming(false)}
        pending={remove.isPending}
        error={remove.error}
      >
        {`The gateway refuses "${label}" from now on. This cannot be undone.`}
      </ConfirmDialog>
    </>
  );
}

/** /keys/:keyId/edit */
export function KeyEditPage({ canReadPolicies }: { canReadPolicies: boolean }) {
  const { keyId = '' } = useParams();
  const navigate = useNavigate();
  const key = useKey(keyId);
  return (
    <QueryView query={key} label="Loading the key" notFound={NOT_FOUND}>
      {(k) => (
        <>
          <Anchor component={Link} to={`/keys/${encodeURIComponent(k.key_id)}`} size="sm">
            ← {keyLabel(k)}
          </Anchor>
          <PageHeader title={`Edit ${keyLabel(k)}`} />
          <KeyForm
            existing={k}
            canReadPolicies={canReadPolicies}
            onSaved={(saved) => {
              notifyDone('Key saved');
              void navigate(`/keys/${encodeURIComponent(saved.key_id)}`);
            }}
            onCancel={() => void navigate(`/keys/${encodeURIComponent(k.key_id)}`)}
          />
        </>
      )}
    </QueryView>
  );
}

/** /keys/new — the form, then the key itself, once. */
export function KeyCreatePage({ canReadPolicies }: { canReadPolicies: boolean }) {
  const navigate = useNavigate();
  const [created, setCreated] = useState<CreatedKey | null>(null);
  if (created) {
    // As in Tyk, key_id here is the key itself: the page is named and linked by its hash.
    const label = created.data.alias.trim() !== '' ? created.data.alias : `Key ${shortHash(created.key_hash)}`;
    return (
      <>
        <PageHeader title="Key created" description={label} />
        <Stack gap="md" maw={820}>
          <SecretOnce label="API key" value={created.key} />
          <Group gap="xs">
            <Button component={Link} to={`/keys/${encodeURIComponent(created.key_hash)}`}>
              Open the key
            </Button>
            <Button component={Link} to="/keys" variant="default">
              Back to keys
            </Button>
          </Group>
        </Stack>
      </>
    );
  }
  return (
    <>
      <Anchor component={Link} to="/keys" size="sm">
        ← Keys
      </Anchor>
      <PageHeader title="New key" />
      <KeyForm
        canReadPolicies={canReadPolicies}
        onCreated={(k) => setCreated(k)}
        onCancel={() => void navigate('/keys')}
      />
    </>
  );
}
