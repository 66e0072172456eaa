import { Stack, Text } from '@mantine/core';
import { ConfirmDialog } from '../../components/confirm.js';
import { ownerName, useDeleteApp, useRevokeCredential, useRotateCredential, type AppCredential } from './queries.js';

type Owned = { ID: number; Name: string; UserName: string; UserEmail: string };
export type CredentialAction = { action: 'rotate' | 'revoke'; credential: AppCredential; product: string; plan: string };

/** Rotate or revoke, each saying what happens to the callers that use the key. */
export function CredentialConfirm({ app, target, onClose }: { app: Owned; target: CredentialAction | null; onClose: () => void }) {
  const close = () => {
    rotate.reset();
    revoke.reset();
    onClose();
  };
  const rotate = useRotateCredential(close);
  const revoke = useRevokeCredential(close);
  const owner = ownerName(app);
  if (!target) return <ConfirmDialog opened={false} title="" confirmLabel="" onConfirm={() => undefined} onClose={close} children="" />;
  const { credential: c, action, product, plan } = target;
  const what = `${product} on the ${plan} plan`;
  if (action === 'rotate') {
    return (
      <ConfirmDialog
        opened
        title={`Rotate credential ${c.ID}?`}
        confirmLabel="Rotate credential"
        pending={rotate.isPending}
        error={rotate.error}
        onClose={close}
        onConfirm={() => rotate.mutate({ app, credential: c })}
      >
        <Stack gap="xs">
          <Text size="sm">
            The current key of “{app.Name}” for {what} stops working at once: every caller using it is refused from now on.
          </Text>
          <Text size="sm">
            The new key is not shown to you. {owner} sees it the next time they open the app in the Developer Portal, and must give it to those callers.
          </Text>
        </Stack>
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog
      opened
      title={`Revoke credential ${c.ID}?`}
      confirmLabel="Revoke credential"
      pending={revoke.isPending}
      error={revoke.error}
      onClose={close}
      onConfirm={() => revoke.mutate({ credential: c })}
    >
      <Stack gap="xs">
        <Text size="sm">Its key is deleted at once: every caller using it is refused from now on, and no new key replaces it.</Text>
        <Text size="sm">
          The approved access request that produced it ({what}) is removed too, so “{app.Name}” may no longer call {product}. To call it again, {owner} asks for access anew.
        </Text>
      </Stack>
    </ConfirmDialog>
  );
}

export function DeleteAppConfirm({ app, opened, onClose, onDeleted }: { app: { ID: number; Name: string; credentials: number }; opened: boolean; onClose: () => void; onDeleted: () => void }) {
  const remove = useDeleteApp(onDeleted);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog opened={opened} title={`Delete “${app.Name}”?`} confirmLabel="Delete app" pending={remove.isPending} error={remove.error} onClose={close} onConfirm={() => remove.mutate(app)}>
      {app.credentials > 0
        ? `Its access requests are deleted with it and its ${app.credentials === 1 ? 'credential is' : `${app.credentials} credentials are`} revoked: every caller using their keys is refused at once. This cannot be undone.`
        : 'Its access requests are deleted with it. It holds no credential, so no caller is affected. This cannot be undone.'}
    </ConfirmDialog>
  );
}
