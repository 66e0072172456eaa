import { Alert, Anchor, Button, Card, Code, Group, Modal, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { errorFor, isFieldError, pages } from '@portcullis/web-shared';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { usePageMeta } from '../../page-meta.js';
import { useProduct } from '../catalogue/queries.js';
import { PageState } from '../page-state.js';
import { ConfirmDialog } from '@portcullis/web-shared';
import { KeyOnce } from './key-once.js';
import { useDeleteApp, useMyApp, useRevealKey, useRevokeKey, useRotateKey, useUpdateApp, useOfferNames, type MyAccessRequest, type MyApp, type MyCredential } from './queries.js';
import { dateWords, SignedInOnly, StatusBadge } from './status.js';

/** /portal/apps/:id: one of my apps: edit, delete, its access requests and credentials (reveal once, rotate, revoke). */
export function AppPage() {
  const { id } = useParams();
  return (
    <SignedInOnly>
      <AppLoader id={Number(id)} />
    </SignedInOnly>
  );
}

function AppLoader({ id }: { id: number }) {
  const app = useMyApp(id);
  return (
    <PageState query={app} label="Loading the app">
      {(a) => <AppView app={a} />}
    </PageState>
  );
}

type Action = { kind: 'rotate' | 'revoke'; credential: MyCredential; request: MyAccessRequest };

function AppView({ app }: { app: MyApp }) {
  usePageMeta(app.Name, `Your app “${app.Name}”: its access to APIs and its keys.`);
  const navigate = useNavigate();
  const names = useOfferNames();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  // The key of a reveal or rotation, shown until the consumer hides it or leaves the page: the server never shows it again.
  const [shown, setShown] = useState<{ credentialId: number; key: string } | null>(null);
  const remove = useDeleteApp(app.ID);
  const reveal = useRevealKey(app.ID);
  const rotate = useRotateKey(app.ID);
  const revoke = useRevokeKey(app.ID);
  const credentials = app.AccessRequests.flatMap((r) => r.Credentials);
  const firstApproved = app.AccessRequests.find((r) => r.Status === 'approved');

  const closeAction = () => {
    rotate.reset();
    revoke.reset();
    setAction(null);
  };
  const confirmAction = () => {
    if (!action) return;
    if (action.kind === 'rotate') {
      rotate.mutate(action.credential.ID, {
        onSuccess: (c) => {
          setShown({ credentialId: c.ID, key: c.Credential });
          closeAction();
        },
      });
    } else {
      revoke.mutate(action.credential.ID, {
        onSuccess: () => {
          if (shown?.credentialId === action.credential.ID) setShown(null);
          closeAction();
        },
      });
    }
  };

  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Anchor component={Link} to={pages.consumerDashboard()} size="sm" underline="always">
          My dashboard
        </Anchor>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {app.Name}
        </Title>
        {app.Description ? (
          <Text style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>{app.Description}</Text>
        ) : (
          <Text c="dimmed" size="sm">
            No description.
          </Text>
        )}
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            Edit name and description
          </Button>
          <Button size="xs" variant="default" component={Link} to={pages.consumerAppUsage(app.ID)}>
            Usage
          </Button>
          <Button size="xs" variant="outline" color="red.9" onClick={() => setDeleting(true)}>
            Delete app
          </Button>
        </Group>
      </Stack>

      <Stack component="section" aria-labelledby="access" gap="sm">
        <Title order={2} size="h3" id="access">
          Access and keys
        </Title>
        {app.AccessRequests.length === 0 ? (
          <Text size="sm">
            This app may not call any API yet.{' '}
            <Anchor component={Link} to={pages.portalHome()} underline="always">
              Browse the APIs
            </Anchor>
            , open one and press “Request access” on a plan, choosing this app.
          </Text>
        ) : (
          app.AccessRequests.map((r) => (
            <Card key={r.ID} withBorder radius="md" component="article" aria-label={`${names.product(r)} on the ${names.plan(r)} plan`}>
              <Stack gap="sm">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {names.product(r)} · {names.plan(r)} plan
                    </Text>
                    <Text size="sm" c="dimmed">
                      Asked on {dateWords(r.CreatedAt)}
                    </Text>
                  </Stack>
                  <StatusBadge status={r.Status} />
                </Group>
                {r.Status === 'pending' && <Text size="sm">Waiting for an administrator’s approval. You get an email when it is decided; your key is here then.</Text>}
                {r.Status === 'rejected' && <Text size="sm">This request was turned down: the app may not call this API on this plan.</Text>}
                {r.DecisionComment && (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    Administrator’s comment: “{r.DecisionComment}”
                  </Text>
                )}
                {r.Credentials.map((c) => (
                  <CredentialRow
                    key={c.ID}
                    credential={c}
                    shownKey={shown?.credentialId === c.ID ? shown.key : null}
                    revealing={reveal.isPending && reveal.variables === c.ID}
                    revealError={reveal.variables === c.ID ? reveal.error : null}
                    onReveal={() => reveal.mutate(c.ID, { onSuccess: (v) => setShown({ credentialId: v.ID, key: v.OAuthClientSecret || v.Credential }) })}
                    onHide={() => setShown(null)}
                    onRotate={() => setAction({ kind: 'rotate', credential: c, request: r })}
                    onRevoke={() => setAction({ kind: 'revoke', credential: c, request: r })}
                  />
                ))}
              </Stack>
            </Card>
          ))
        )}
      </Stack>

      {credentials.length > 0 && firstApproved && (
        <CallExample productId={firstApproved.ProductID} oauth={firstApproved.Credentials.some((c) => Boolean(c.OAuthClientID))} />
      )}

      <EditAppDialog app={app} opened={editing} onClose={() => setEditing(false)} />
      <ConfirmDialog
        opened={deleting}
        title={`Delete “${app.Name}”?`}
        confirmLabel="Delete app"
        pending={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setDeleting(false);
        }}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate(pages.consumerDashboard()) })}
      >
        {credentials.length > 0
          ? `Its access requests go with it and its ${credentials.length === 1 ? 'key stops' : `${credentials.length} keys stop`} working at once: every program calling with ${credentials.length === 1 ? 'it' : 'them'} is refused. This cannot be undone.`
          : 'Its access requests go with it. This cannot be undone.'}
      </ConfirmDialog>
      <ConfirmDialog
        opened={action?.kind === 'rotate'}
        title="Rotate this key?"
        confirmLabel="Rotate key"
        pending={rotate.isPending}
        error={rotate.error}
        onClose={closeAction}
        onConfirm={confirmAction}
      >
        <Stack gap="xs">
          <Text size="sm">
            The current key for {action ? names.product(action.request) : ''} stops working at once: every program calling with it is refused from now on.
          </Text>
          <Text size="sm">A new key is shown to you once, right after; put it in those programs.</Text>
        </Stack>
      </ConfirmDialog>
      <ConfirmDialog
        opened={action?.kind === 'revoke'}
        title="Revoke this key?"
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        error={revoke.error}
        onClose={closeAction}
        onConfirm={confirmAction}
      >
        <Stack gap="xs">
          <Text size="sm">The key stops working at once: every program calling with it is refused, and no new key replaces it.</Text>
          <Text size="sm">
            The app’s access to {action ? names.product(action.request) : ''} on the {action ? names.plan(action.request) : ''} plan ends too. To call it again, request access anew from the API’s page.
          </Text>
        </Stack>
      </ConfirmDialog>
    </Stack>
  );
}

function CredentialRow({
  credential: c,
  shownKey,
  revealing,
  revealError,
  onReveal,
  onHide,
  onRotate,
  onRevoke,
}: {
  credential: MyCredential;
  shownKey: string | null;
  revealing: boolean;
  revealError: Error | null;
  onReveal: () => void;
  onHide: () => void;
  onRotate: () => void;
  onRevoke: () => void;
}) {
  if (c.OAuthClientID) return <OAuthClientRow credential={c} shownSecret={shownKey} revealing={revealing} revealError={revealError} onReveal={onReveal} onHide={onHide} onRevoke={onRevoke} />;
  const notMade = c.Credential === '' && !c.Revealed;
  return (
    <Stack gap="xs" role="group" aria-label={`Credential ${c.ID}`} pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Group justify="space-between" gap="xs">
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            Credential {c.ID}
          </Text>
          <Text size="sm">
            Key:{' '}
            {notMade ? (
              'not shown yet'
            ) : (
              <Code aria-label="Key, hidden">{c.Credential || '********'}</Code>
            )}
            {c.Expires && ` · expires on ${dateWords(c.Expires)}`}
          </Text>
        </Stack>
        <Group gap="xs">
          {notMade && (
            <Button size="xs" onClick={onReveal} loading={revealing}>
              Reveal key
            </Button>
          )}
          {!notMade && (
            <Button size="xs" variant="default" onClick={onRotate}>
              Rotate key
            </Button>
          )}
          <Button size="xs" variant="outline" color="red.9" onClick={onRevoke}>
            Revoke key
          </Button>
        </Group>
      </Group>
      {notMade && !shownKey && <Text size="sm">Your key is made when you reveal it, and shown only that once: be ready to copy it.</Text>}
      {revealError && (
        <Alert color="red" role="alert" title="The key was not revealed">
          {revealError.message}
        </Alert>
      )}
      {shownKey && <KeyOnce value={shownKey} onDone={onHide} />}
    </Stack>
  );
}

/** An OAuth client registered at the provider (a DCR product): its id, and its secret shown once. */
function OAuthClientRow({
  credential: c,
  shownSecret,
  revealing,
  revealError,
  onReveal,
  onHide,
  onRevoke,
}: {
  credential: MyCredential;
  shownSecret: string | null;
  revealing: boolean;
  revealError: Error | null;
  onReveal: () => void;
  onHide: () => void;
  onRevoke: () => void;
}) {
  return (
    <Stack gap="xs" role="group" aria-label={`Credential ${c.ID}`} pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Group justify="space-between" gap="xs">
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            Credential {c.ID}: OAuth 2.0 client
          </Text>
          <Text size="sm">
            Client ID: <Code aria-label="Client ID">{c.OAuthClientID}</Code>
          </Text>
          <Text size="sm">
            Client secret: {c.Revealed ? <Code aria-label="Client secret, hidden">********</Code> : 'not shown yet'}
          </Text>
        </Stack>
        <Group gap="xs">
          {!c.Revealed && (
            <Button size="xs" onClick={onReveal} loading={revealing}>
              Reveal client secret
            </Button>
          )}
          <Button size="xs" variant="outline" color="red.9" onClick={onRevoke}>
            Revoke client
          </Button>
        </Group>
      </Group>
      {!c.Revealed && !shownSecret && <Text size="sm">The client secret is shown only once: be ready to copy it. Get access tokens for it from the identity provider.</Text>}
      {revealError && (
        <Alert color="red" role="alert" title="The client secret was not revealed">
          {revealError.message}
        </Alert>
      )}
      {shownSecret && <KeyOnce value={shownSecret} onDone={onHide} label="Your client secret" />}
    </Stack>
  );
}

/**
 * How to call the gateway: the API's base path, and in the Authorization header
 * the key — or, for an OAuth 2.0 client, an access token the identity provider issues for it.
 */
function CallExample({ productId, oauth }: { productId: number; oauth: boolean }) {
  const product = useProduct(productId);
  const first = product.data?.APIs[0];
  // The API's address when the gateway's public address is configured; else a placeholder the provider fills in.
  const address = first?.URL || `https://GATEWAY_ADDRESS${first?.ListenPath ?? '/<base path of the API>/'}`;
  const known = Boolean(first?.URL);
  if (oauth) {
    return (
      <Stack component="section" aria-labelledby="call" gap="xs">
        <Title order={2} size="h3" id="call">
          Calling the API with your OAuth client
        </Title>
        <Text size="sm">
          First get an access token from the identity provider, with your client ID and client secret (the client-credentials grant at the provider’s token
          endpoint). Then send each request to the API gateway, at the API’s base path, with the token in the <Code>Authorization</Code> header:
        </Text>
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {`curl -u "CLIENT_ID:CLIENT_SECRET" -d grant_type=client_credentials -d resource=AUDIENCE https://PROVIDER/token\ncurl -H "Authorization: Bearer ACCESS_TOKEN" ${address}`}
        </Code>
        <Text size="sm" c="dimmed">
          The provider’s token endpoint{known ? ' and' : ','} the audience (resource) to ask for{known ? '' : ' and GATEWAY_ADDRESS'} are given by the API’s provider. A
          token that has expired, or was issued by another provider or for another audience, is refused.
        </Text>
      </Stack>
    );
  }
  return (
    <Stack component="section" aria-labelledby="call" gap="xs">
      <Title order={2} size="h3" id="call">
        Calling the API with your key
      </Title>
      <Text size="sm">
        Send each request to the API gateway, at the API’s base path, with your key in the <Code>Authorization</Code> header. For example:
      </Text>
      <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {`curl -H "Authorization: YOUR_KEY" ${address}`}
      </Code>
      <Text size="sm" c="dimmed">
        {known ? 'Replace YOUR_KEY with your key.' : 'Replace YOUR_KEY with your key and GATEWAY_ADDRESS with the gateway’s address, given by the API’s provider.'} A missing
        or wrong key is answered 401 or 403.
      </Text>
    </Stack>
  );
}

function EditAppDialog({ app, opened, onClose }: { app: MyApp; opened: boolean; onClose: () => void }) {
  const update = useUpdateApp(app.ID);
  const [name, setName] = useState(app.Name);
  const [description, setDescription] = useState(app.Description);
  const close = () => {
    update.reset();
    setName(app.Name);
    setDescription(app.Description);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ Name: name.trim(), Description: description.trim() }, { onSuccess: () => onClose() });
  };
  return (
    <Modal opened={opened} onClose={close} title="Edit the app" centered closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Name" required maxLength={200} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errorFor(update.error, 'Name')} />
          <Textarea label="Description" autosize minRows={2} maxLength={4000} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errorFor(update.error, 'Description')} />
          {update.error && !isFieldError(update.error, ['Name', 'Description']) && (
            <Alert color="red" role="alert" title="Not saved">
              {update.error.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
