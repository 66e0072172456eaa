import { Badge, Stack, Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../../components/confirm.js';
import { errorFor } from '../../components/field-errors.js';
import { ListTable, type Column } from '../../components/list-table.js';
import { EmptyState } from '../../components/query-states.js';
import { credentialStatus, requesterName, STATUS_LABEL, useDecide, type Credential, type Decision, type RequestStatus } from './queries.js';

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  // Pending is yellow with black text: orange with white text is below 4.5:1.
  const color = status === 'pending' ? 'yellow.4' : status === 'approved' ? 'teal.9' : 'gray.7';
  return (
    <Badge color={color} c={status === 'pending' ? 'black' : undefined} variant="filled" miw="max-content">
      {STATUS_LABEL[status]}
    </Badge>
  );
}

/** What a request is for, in one line: "Payments on the Gold plan". */
export function offering(r: { Products: string; Plan: string }): string {
  return `${r.Products} on the ${r.Plan} plan`;
}

type Decidable = { ID: number; Products: string; Plan: string; Client: string; UserName: string; User: string; Organisation: string };

/**
 * Approve or reject with an optional comment. The dialog says what happens:
 * approval issues a credential whose key only the consumer sees; either way
 * the consumer is emailed, with the comment.
 */
export function DecisionDialog({ target, onClose }: { target: { request: Decidable; decision: Decision } | null; onClose: () => void }) {
  const [comment, setComment] = useState('');
  const close = () => {
    setComment('');
    decide.reset();
    onClose();
  };
  const decide = useDecide(close);
  if (!target) return <ConfirmDialog opened={false} title="" confirmLabel="" onConfirm={() => undefined} onClose={close} children="" />;
  const { request: r, decision } = target;
  const who = requesterName(r);
  const approving = decision === 'approve';
  return (
    <ConfirmDialog
      opened
      title={approving ? 'Approve access request' : 'Reject access request'}
      confirmLabel={approving ? 'Approve' : 'Reject'}
      destructive={!approving}
      pending={decide.isPending}
      error={errorFor(decide.error, 'Comment') ? null : decide.error}
      onClose={close}
      onConfirm={() => decide.mutate({ request: r, decision, comment })}
    >
      <Stack gap="sm">
        <Text size="sm">
          {who}
          {r.Organisation ? ` (${r.Organisation})` : ''} asks for <b>{offering(r)}</b> for the app “{r.Client}”.
        </Text>
        <Text size="sm">
          {approving
            ? 'Approving issues a credential. The consumer is emailed and collects its key in their app; the key is shown to them once and never to you.'
            : 'The consumer is emailed that the request was declined. They may ask again, for instance on another plan.'}
        </Text>
        <Textarea
          label="Comment (optional)"
          description="Sent to the consumer with your decision and shown on their app’s page."
          autosize
          minRows={2}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={errorFor(decide.error, 'Comment')}
        />
      </Stack>
    </ConfirmDialog>
  );
}

/** The credentials an approval produced: number and key id, created, expiry, status; never a key. */
export function CredentialsTable({ credentials, caption, actions, extra }: { credentials: Credential[]; caption: string; actions?: (c: Credential) => ReactNode; extra?: Column<Credential> }) {
  if (credentials.length === 0) return <EmptyState title="No credentials">A credential is issued when a request is approved.</EmptyState>;
  const columns: Column<Credential>[] = [
    {
      key: 'credential',
      header: 'Credential',
      render: (c) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            Credential {c.ID}
          </Text>
          <Text size="xs" c="dimmed">
            {c.CredentialHash === '' ? 'No key yet' : `Key id …${c.CredentialHash.slice(-8)}`}
          </Text>
          {extra && (
            <Text size="xs" hiddenFrom="sm">
              {extra.render(c)}
            </Text>
          )}
          <Text size="xs" c="dimmed" hiddenFrom="sm">
            Created {c.CreatedAt} UTC · {expiry(c)}
          </Text>
        </Stack>
      ),
    },
    ...(extra ? [{ ...extra, visibleFrom: 'sm' as const }] : []),
    { key: 'created', header: 'Created', visibleFrom: 'sm', render: (c) => `${c.CreatedAt} UTC` },
    { key: 'expires', header: 'Expires', visibleFrom: 'sm', render: (c) => expiry(c) },
    {
      key: 'status',
      header: 'Status',
      render: (c) => {
        const status = credentialStatus(c);
        return (
          <Stack gap={2} align="flex-start">
            <Badge color={status.color} c={status.color === 'yellow.4' ? 'black' : undefined} variant="filled" miw="max-content">
              {status.label}
            </Badge>
            <Text size="xs" c="dimmed" maw={260} visibleFrom="sm">
              {status.help}
            </Text>
          </Stack>
        );
      },
    },
    ...(actions ? [{ key: 'actions', header: 'Actions', render: actions }] : []),
  ];
  return <ListTable caption={caption} columns={columns} rows={credentials} rowKey={(c) => String(c.ID)} />;
}

function expiry(c: Credential): string {
  if (c.Expires) return `Expires ${c.Expires} UTC`;
  return c.CredentialHash === '' ? 'Expiry set when the key is made' : 'Never expires';
}
