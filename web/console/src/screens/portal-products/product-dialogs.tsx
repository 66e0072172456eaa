import { Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ensureOk } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm.js';
import { notifyDone } from '../../components/notify.js';
import { productsKey, useRefreshProducts } from './queries.js';

/** Asks before deleting a product, saying what goes with it and what stays. */
export function DeleteProductDialog({
  product,
  opened,
  onClose,
  onDeleted,
}: {
  product: { ID: number; Name: string; Catalogues: string[] };
  opened: boolean;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const queryClient = useQueryClient();
  const refresh = useRefreshProducts();
  const remove = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.DELETE('/portal-api/products/{productId}', { params: { path: { productId: String(product.ID) } } });
      ensureOk(response, error);
    },
    onSuccess: async () => {
      notifyDone(`${product.Name} deleted`);
      queryClient.removeQueries({ queryKey: [...productsKey, 'one', product.ID] });
      await refresh();
      onDeleted();
    },
  });
  return (
    <ConfirmDialog
      opened={opened}
      title={`Delete ${product.Name}?`}
      confirmLabel="Delete product"
      pending={remove.isPending}
      error={remove.error}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      onConfirm={() => remove.mutate()}
    >
      <Stack gap="xs">
        <Text size="sm">
          The product, its guides and the documents uploaded for it are deleted
          {product.Catalogues.length > 0 ? `, and it leaves ${product.Catalogues.length === 1 ? 'the catalogue' : 'the catalogues'} ${product.Catalogues.map((c) => `“${c}”`).join(', ')}` : ''}.
        </Text>
        <Text size="sm" fw={600}>
          Its APIs are not deleted: they stay in the Dashboard as they are.
        </Text>
        <Text size="sm" c="dimmed">
          A product that access requests refer to cannot be deleted until those requests are.
        </Text>
      </Stack>
    </ConfirmDialog>
  );
}
