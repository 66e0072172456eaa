import { Alert, Anchor, Button, Group, Loader, Modal, NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { errorFor, pages, planWords } from '@portcullis/web-shared';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMyAppList, useRequestAccess } from '../dashboard/queries.js';
import type { LiveProduct } from './queries.js';

type Plan = LiveProduct['Plans'][number];
const NEW_APP = 'new';

/** Asks for a product on a plan for one of my apps, or for a new app created first; then says whether it is approved or pending. */
export function RequestAccessDialog({ product, plan, onClose }: { product: LiveProduct; plan: Plan | null; onClose: () => void }) {
  const apps = useMyAppList();
  const request = useRequestAccess();
  const [choice, setChoice] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [clientType, setClientType] = useState<string | null>(null);
  // A DCR product with several OAuth client types lets the consumer choose; with one (or none) there is nothing to choose.
  const clientTypes = product.ClientTypes;
  const chosenType = clientType ?? (clientTypes.length > 0 ? String(clientTypes[0]!.ID) : null);
  const productName = product.DisplayName || product.Name;
  const planName = plan ? plan.DisplayName || plan.Name : '';
  const list = apps.data ?? [];
  const selected = choice ?? (list.length > 0 ? String(list[0]!.ID) : NEW_APP);

  const close = () => {
    request.reset();
    setChoice(null);
    setNewName('');
    setClientType(null);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!plan) return;
    const existing = list.find((a) => String(a.ID) === selected);
    request.mutate({
      app: existing ? { id: existing.ID, name: existing.Name } : { newName: newName.trim() },
      productId: product.ID,
      planId: plan.ID,
      ...(clientTypes.length > 1 && chosenType !== null ? { clientTypeId: Number(chosenType) } : {}),
      // Should the request fail after the app was made, a retry uses that app rather than making another.
      onAppCreated: (app) => setChoice(String(app.id)),
    });
  };

  const done = request.data;
  return (
    <Modal opened={plan !== null} onClose={close} title={`Request access to ${productName}`} centered closeButtonProps={{ 'aria-label': 'Close' }}>
      {done ? (
        <Stack gap="sm">
          {done.request.Status === 'approved' ? (
            <Alert color="teal" title="Approved" role="status" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
              “{done.app.name}” may call {productName} on the {planName} plan now. Open the app to reveal its key.
            </Alert>
          ) : (
            <Alert color="yellow" title="Pending approval" role="status" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
              An administrator reviews your request for “{done.app.name}”. You get an email when it is decided; the key is then on the app’s page.
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Close
            </Button>
            <Button component={Link} to={pages.consumerApp(done.app.id)}>
              Open {done.app.name}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm">
              Plan: <strong>{planName}</strong> ({plan ? planWords(plan) : ''}).
            </Text>
            {apps.isPending ? (
              <Loader size="sm" aria-label="Loading your apps" role="status" />
            ) : apps.isError ? (
              <Alert color="red" role="alert" title="Your apps could not be loaded">
                {apps.error.message}
              </Alert>
            ) : (
              <Radio.Group label="Which app will call it?" value={selected} onChange={setChoice}>
                <Stack gap="xs" mt="xs">
                  {list.map((a) => (
                    <Radio key={a.ID} value={String(a.ID)} label={a.Name} />
                  ))}
                  <Radio value={NEW_APP} label="A new app" />
                </Stack>
              </Radio.Group>
            )}
            {selected === NEW_APP && (
              <TextInput
                label="Name of the new app"
                description="The program that will call the API, e.g. “Shop website”."
                required
                maxLength={200}
                value={newName}
                onChange={(e) => setNewName(e.currentTarget.value)}
                error={errorFor(request.error, 'Name')}
              />
            )}
            {clientTypes.length > 1 && (
              <NativeSelect
                label="OAuth client type"
                description="How the app's OAuth client is registered at the identity provider."
                data={clientTypes.map((c) => ({ value: String(c.ID), label: c.Description ? `${c.Name} — ${c.Description}` : c.Name }))}
                value={chosenType ?? ''}
                onChange={(e) => setClientType(e.currentTarget.value)}
                error={errorFor(request.error, 'ClientTypeID')}
              />
            )}
            <Text size="sm" c="dimmed">
              {plan?.AutoApproveAccessRequests ? 'This plan is approved at once: your key is ready right after.' : 'An administrator approves requests for this plan; you get an email when it is decided.'}
            </Text>
            {request.error && !errorFor(request.error, 'Name') && !errorFor(request.error, 'ClientTypeID') && (
              <Alert color="red" role="alert" title="Not requested">
                {request.error.message}
              </Alert>
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={request.isPending} disabled={apps.isPending || apps.isError}>
                Request access
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              Your apps and requests are on{' '}
              <Anchor component={Link} to={pages.consumerDashboard()} underline="always" size="xs">
                your dashboard
              </Anchor>
              .
            </Text>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
