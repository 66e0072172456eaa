import { Alert, Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api, ApiError, ensureOk } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { ChoiceGroup } from './permissions-editor.js';
import { fullName, useAllGroups, useAllUsers } from './queries.js';

interface Successor {
  successor_user?: string;
  successor_group?: string;
}

/** The server's 409 for deleting the only owner of some APIs (other 409s — last administrator, members left — are plain refusals). */
function needsSuccessor(error: Error | null): error is ApiError {
  return error instanceof ApiError && error.status === 409 && /only owner/i.test(error.message);
}

/**
 * Deleting a user or a user group: asks for confirmation, and when the server
 * answers that they are the only owner of some APIs, asks who takes them over
 * (another user or group) and deletes with that successor.
 */
export function DeleteOwnerDialogs({
  actor,
  kind,
  id,
  name,
  opened,
  onClose,
  onDeleted,
}: {
  actor: CurrentUser;
  kind: 'user' | 'group';
  id: string;
  name: string;
  opened: boolean;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const noun = kind === 'user' ? 'user' : 'user group';
  const remove = useMutation({
    mutationFn: async (successor: Successor) => {
      const query = { ...successor };
      const { error, response } =
        kind === 'user'
          ? await api.DELETE('/api/users/{id}', { params: { path: { id }, query } })
          : await api.DELETE('/api/usergroups/{id}', { params: { path: { id }, query } });
      ensureOk(response, error);
    },
    onSuccess: onDeleted,
  });
  const [handOver, setHandOver] = useState<string | null>(null);
  const close = () => {
    setHandOver(null);
    remove.reset();
    onClose();
  };
  const askSuccessor = handOver !== null || needsSuccessor(remove.error);

  if (askSuccessor) {
    return (
      <SuccessorDialog
        actor={actor}
        kind={kind}
        id={id}
        name={name}
        reason={handOver ?? (remove.error as Error).message}
        pending={remove.isPending}
        error={handOver !== null ? remove.error : null}
        onCancel={close}
        onConfirm={(successor) => {
          setHandOver((current) => current ?? (remove.error as Error).message);
          remove.mutate(successor);
        }}
      />
    );
  }
  return (
    <ConfirmDialog
      opened={opened}
      title={`Delete ${noun} ${name}?`}
      confirmLabel={`Delete ${noun}`}
      pending={remove.isPending}
      error={remove.error}
      onClose={close}
      onConfirm={() => remove.mutate({})}
    >
      {kind === 'user'
        ? `${name} will no longer be able to sign in; their access key and sessions end now. This cannot be undone.`
        : `The group ${name} and its permission template are deleted. This cannot be undone.`}
    </ConfirmDialog>
  );
}

/** "1 API", "3 APIs" or "some APIs", from the server's 409 ("…is the only owner of 3 APIs: name a successor…"). */
function ownedCount(message: string): string {
  const m = /only owner of (\d+ APIs?)/.exec(message);
  return m ? m[1]! : 'some APIs';
}

const SUCCESSOR_TYPES = [
  { value: 'user', label: 'A user' },
  { value: 'group', label: 'A user group' },
] as const;

function SuccessorDialog({
  actor,
  kind,
  id,
  name,
  reason,
  pending,
  error,
  onCancel,
  onConfirm,
}: {
  actor: CurrentUser;
  kind: 'user' | 'group';
  id: string;
  name: string;
  reason: string;
  pending: boolean;
  error: Error | null;
  onCancel: () => void;
  onConfirm: (successor: Successor) => void;
}) {
  const mayReadUsers = can(actor, 'users');
  const mayReadGroups = can(actor, 'user_groups');
  const users = useAllUsers(mayReadUsers);
  const groups = useAllGroups(mayReadGroups);
  const [type, setType] = useState<'user' | 'group'>(mayReadUsers ? 'user' : 'group');
  const [choice, setChoice] = useState('');
  const typeId = useId();

  const userOptions = (users.data ?? []).filter((u) => !(kind === 'user' && u.id === id)).map((u) => ({ value: u.id, label: `${fullName(u)} (${u.email_address})` }));
  const groupOptions = (groups.data ?? []).filter((g) => !(kind === 'group' && g.id === id)).map((g) => ({ value: g.id, label: g.name }));
  const options = type === 'user' ? userOptions : groupOptions;
  const loading = type === 'user' ? users.isPending && mayReadUsers : groups.isPending && mayReadGroups;
  const loadError = type === 'user' ? users.error : groups.error;

  return (
    <Modal opened onClose={onCancel} title="Choose who takes over" centered closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack gap="md">
        <Alert color="indigo" title={`${name} is the only owner of ${ownedCount(reason)}`}>
          <Text size="sm">
            Ownership is never lost: choose who takes over. The successor becomes an owner of every API {name} owned, then {kind === 'user' ? 'the user' : 'the group'} is deleted.
          </Text>
        </Alert>
        {mayReadUsers && mayReadGroups && (
          <Stack gap={4}>
            <Text id={typeId} size="sm" fw={500}>
              Successor type
            </Text>
            <ChoiceGroup
              labelId={typeId}
              options={SUCCESSOR_TYPES}
              value={type}
              onChange={(v) => {
                setType(v);
                setChoice('');
              }}
            />
          </Stack>
        )}
        <NativeSelect
          label={type === 'user' ? 'Successor user' : 'Successor group'}
          value={choice}
          onChange={(e) => setChoice(e.currentTarget.value)}
          data={[{ value: '', label: loading ? 'Loading…' : 'Choose…' }, ...options]}
          error={loadError?.message}
        />
        {error && (
          <Alert color="red" role="alert" title="Not deleted">
            {error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
          <Button color="red.9" loading={pending} disabled={choice === ''} onClick={() => onConfirm(type === 'user' ? { successor_user: choice } : { successor_group: choice })}>
            Hand over and delete
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
