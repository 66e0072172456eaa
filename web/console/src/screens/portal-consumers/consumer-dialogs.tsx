import { Badge, Stack, Text } from '@mantine/core';
import { ConfirmDialog } from '../../components/confirm.js';
import { consumerName, useDeleteConsumer, useSetActive } from './queries.js';

export function ConsumerStatus({ active }: { active: boolean }) {
  return (
    <Badge color={active ? 'teal.9' : 'gray.7'} variant="filled">
      {active ? 'Active' : 'Inactive'}
    </Badge>
  );
}

type Person = { ID: number; First: string; Last: string; Email: string };

/** What a consumer's deactivation or deletion asks before it happens. */
export function ConsumerConfirm({ action, user, onClose, onDeleted }: { action: 'deactivate' | 'delete' | null; user: Person | null; onClose: () => void; onDeleted: () => void }) {
  const setActive = useSetActive();
  const remove = useDeleteConsumer(onDeleted);
  if (!user || !action) return null;
  const name = consumerName(user);
  const close = () => {
    setActive.reset();
    remove.reset();
    onClose();
  };
  if (action === 'deactivate') {
    return (
      <ConfirmDialog
        opened
        title={`Deactivate ${name}?`}
        confirmLabel="Deactivate"
        pending={setActive.isPending}
        error={setActive.error}
        onClose={close}
        onConfirm={() => setActive.mutate({ user, active: false }, { onSuccess: onClose })}
      >
        {`${name} is signed out at once and cannot sign in to the Developer Portal; their apps' credentials stop working on their next request. You can activate them again later.`}
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog opened title={`Delete ${name}?`} confirmLabel="Delete user" pending={remove.isPending} error={remove.error} onClose={close} onConfirm={() => remove.mutate(user)}>
      <Stack gap="xs">
        <Text size="sm">
          {name}’s account ({user.Email}) is removed for good, with their apps, access requests, credentials and team memberships. Their gateway keys stop working at once.
        </Text>
        <Text size="sm">This cannot be undone; the audit log keeps who deleted them.</Text>
      </Stack>
    </ConfirmDialog>
  );
}
