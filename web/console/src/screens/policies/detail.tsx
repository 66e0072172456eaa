import { Anchor, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ensureOk } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm.js';
import { notifyDone } from '../../components/notify.js';
import { PageHeader } from '../../components/page.js';
import { QueryView } from '../../components/query-states.js';
import { AccessRightsView } from './access-rights-editor.js';
import { describeQuota, describeRate, duration, policiesKey, rightsToDrafts, type Policy } from './model.js';
import { PolicyForm } from './policy-form.js';
import { StateBadge } from './state-badge.js';

const NOT_FOUND = { backTo: '/policies', backLabel: 'Back to policies' };

export function usePolicy(id: string) {
  return useQuery({
    queryKey: [...policiesKey, id],
    queryFn: async (): Promise<Policy> => {
      const { data, error, response } = await api.GET('/api/portal/policies/{id}', { params: { path: { id } } });
      ensureOk(response, error);
      return data!;
    },
  });
}

/** A label and its value, as a definition list entry. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text component="dt" size="xs" fw={700} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {children}
      </Text>
    </Stack>
  );
}

/** /policies/:id — the policy, read-only; editing and deleting for writers. */
export function PolicyDetailPage({ canWrite }: { canWrite: boolean }) {
  const { id = '' } = useParams();
  const policy = usePolicy(id);
  return (
    <QueryView query={policy} label="Loading the policy" notFound={NOT_FOUND}>
      {(p) => <PolicyDetail policy={p} canWrite={canWrite} />}
    </QueryView>
  );
}

function PolicyDetail({ policy, canWrite }: { policy: Policy; canWrite: boolean }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.DELETE('/api/portal/policies/{id}', { params: { path: { id: policy._id } } });
      ensureOk(response, error);
    },
    onSuccess: async () => {
      setConfirming(false);
      queryClient.removeQueries({ queryKey: [...policiesKey, policy._id] });
      await queryClient.invalidateQueries({ queryKey: policiesKey });
      notifyDone('Policy deleted');
      await navigate('/policies');
    },
  });

  return (
    <>
      <Anchor component={Link} to="/policies" size="sm">
        ← Policies
      </Anchor>
      <PageHeader
        title={policy.name || '(no name)'}
        description="Policy"
        actions={
          canWrite && (
            <>
              <Button component={Link} to={`/policies/${encodeURIComponent(policy._id)}/edit`}>
                Edit policy
              </Button>
              <Button color="red" variant="light" onClick={() => { remove.reset(); setConfirming(true); }}>
                Delete policy
              </Button>
            </>
          )
        }
      />
      <Stack gap="md" maw={820}>
        <Paper withBorder p="md">
          <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} m={0} spacing="md">
            <Fact label="State">
              <StateBadge color={policy.active ? 'teal' : 'gray'}>
                {policy.active ? 'Active' : 'Inactive'}
              </StateBadge>
            </Fact>
            <Fact label="Rate limit">{describeRate(policy)}</Fact>
            <Fact label="Quota">{describeQuota(policy)}</Fact>
            <Fact label="Keys expire">{policy.key_expires_in > 0 ? `After ${duration(policy.key_expires_in)}` : 'Never'}</Fact>
            <Fact label="Policy id">
              <Text span ff="monospace" size="sm">
                {policy._id}
              </Text>
            </Fact>
            <Fact label="Last updated">{policy.last_updated ? new Date(policy.last_updated).toLocaleString() : '—'}</Fact>
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Access rights
          </Title>
          <AccessRightsView rights={rightsToDrafts(policy.access_rights)} />
        </Paper>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title="Delete this policy?"
        confirmLabel="Delete policy"
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirming(false)}
        pending={remove.isPending}
        error={remove.error}
      >
        {`Keys that apply "${policy.name}" lose the access rights and limits it gives them. This cannot be undone.`}
      </ConfirmDialog>
    </>
  );
}

/** /policies/:id/edit */
export function PolicyEditPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const policy = usePolicy(id);
  return (
    <QueryView query={policy} label="Loading the policy" notFound={NOT_FOUND}>
      {(p) => (
        <>
          <Anchor component={Link} to={`/policies/${encodeURIComponent(p._id)}`} size="sm">
            ← {p.name || 'Policy'}
          </Anchor>
          <PageHeader title={`Edit ${p.name || 'policy'}`} />
          <PolicyForm
            policy={p}
            onSaved={(savedId) => {
              notifyDone('Policy saved');
              void navigate(`/policies/${encodeURIComponent(savedId)}`);
            }}
            onCancel={() => void navigate(`/policies/${encodeURIComponent(p._id)}`)}
          />
        </>
      )}
    </QueryView>
  );
}

/** /policies/new */
export function PolicyCreatePage() {
  const navigate = useNavigate();
  return (
    <>
      <Anchor component={Link} to="/policies" size="sm">
        ← Policies
      </Anchor>
      <PageHeader title="New policy" />
      <PolicyForm
        onSaved={(createdId) => {
          notifyDone('Policy created');
          void navigate(`/policies/${encodeURIComponent(createdId)}`);
        }}
        onCancel={() => void navigate('/policies')}
      />
    </>
  );
}
