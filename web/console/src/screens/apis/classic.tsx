import { Alert, Button, Fieldset, Group, NumberInput, Radio, Select, Stack, Switch, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, ensureOk } from '../../api.js';
import { CodeEditor } from './lazy-editor.js';
import { errorFor, isFieldError, splitFieldError } from '../../components/field-errors.js';
import { notifyDone } from '../../components/notify.js';
import type { CurrentUser } from '../../session.js';
import { isObject, parseJsonText, type Json } from './document.js';
import { NO_OWNERS, OwnerPickers, type Owners } from './owners.js';
import { apisKey } from './queries.js';

/** A new Classic definition: keyless, active, not versioned, no rate limit. */
export function newClassicDefinition(): Json {
  return {
    name: '',
    active: true,
    use_keyless: true,
    proxy: { listen_path: '/', target_url: '', strip_listen_path: true },
    auth: { auth_header_name: 'Authorization' },
    global_rate_limit: { rate: 0, per: 0 },
    definition: { location: 'header', key: 'x-api-version' },
    version_data: { not_versioned: true, default_version: 'Default', versions: { Default: { name: 'Default', expires: '', use_extended_paths: true } } },
  };
}

function child(d: Json, key: string): Json {
  const v = d[key];
  return isObject(v) ? v : {};
}

function withChild(d: Json, key: string, patch: Json): Json {
  return { ...d, [key]: { ...child(d, key), ...patch } };
}

const str = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The fields the Core settings tab shows; errors naming them show there, next to the field. */
const CORE_FIELDS = [
  'api_definition.name',
  'api_definition.proxy.listen_path',
  'api_definition.proxy.target_url',
  'api_definition.proxy.strip_listen_path',
  'api_definition.auth',
  'api_definition.active',
  'api_definition.use_keyless',
  'api_definition.global_rate_limit',
  'user_owners',
  'user_group_owners',
];
const VERSION_FIELDS = ['api_definition.version_data', 'api_definition.definition'];

type Tab = 'core' | 'versions' | 'raw';

/**
 * A Classic API's designer: Core settings (with the owners), Versions and the
 * raw definition in the JSON editor. The form and the raw editor edit one
 * definition: switching to the raw tab shows the form's state, and valid JSON
 * typed there is what the form shows afterwards. Other fields of the
 * definition are kept as they are.
 */
export function ClassicForm({
  user,
  apiId,
  initial,
  initialOwners = NO_OWNERS,
  readOnly,
  actions,
}: {
  user: CurrentUser;
  /** The API's id; absent when creating. */
  apiId?: string;
  initial: Json;
  initialOwners?: Owners;
  readOnly: boolean;
  actions?: ReactNode;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [definition, setDefinition] = useState<Json>(initial);
  const [owners, setOwners] = useState<Owners>(initialOwners);
  const [tab, setTab] = useState<Tab>('core');
  const [rawDraft, setRawDraft] = useState<string | null>(null);
  const raw = rawDraft === null ? null : parseJsonText(rawDraft);
  const rawBroken = raw !== null && raw.value === null;

  const save = useMutation({
    mutationFn: async () => {
      const body = { api_definition: definition as Json & { name: string; proxy: { listen_path: string; target_url: string } }, user_owners: owners.userIds, user_group_owners: owners.groupIds };
      if (apiId === undefined) {
        const { data, error, response } = await api.POST('/api/apis', { body });
        ensureOk(response, error);
        return String(data!.Meta);
      }
      const { error, response } = await api.PUT('/api/apis/{apiId}', { params: { path: { apiId } }, body });
      ensureOk(response, error);
      return apiId;
    },
    onSuccess: async (id) => {
      await queryClient.invalidateQueries({ queryKey: apisKey });
      notifyDone(apiId === undefined ? 'API created' : 'API saved');
      if (apiId === undefined) await navigate(`/apis/${encodeURIComponent(id)}`, { replace: true });
    },
    onError: (err) => {
      if (isFieldError(err, CORE_FIELDS)) setTab('core');
      else if (isFieldError(err, VERSION_FIELDS)) setTab('versions');
    },
  });

  const set = (patch: Json) => setDefinition((d) => ({ ...d, ...patch }));
  const proxy = child(definition, 'proxy');
  const auth = child(definition, 'auth');
  const rate = child(definition, 'global_rate_limit');
  const keyless = definition.use_keyless === true;
  const err = save.error;
  const formFields = [...CORE_FIELDS, ...VERSION_FIELDS];
  const otherError = err && !isFieldError(err, formFields) ? err : null;
  const otherField = otherError ? splitFieldError(otherError.message).field : null;

  const changeTab = (next: string | null) => {
    if (next === null) return;
    if (tab === 'raw' && raw && raw.value) {
      setDefinition(raw.value);
      setRawDraft(null);
    } else if (tab === 'raw' && raw === null) {
      setRawDraft(null);
    }
    setTab(next as Tab);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (readOnly) return;
        if (raw) {
          if (raw.value === null) return;
          setDefinition(raw.value);
        }
        save.mutate();
      }}
      noValidate
    >
      {actions}
      <Tabs value={tab} onChange={changeTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="core">Core settings</Tabs.Tab>
          <Tabs.Tab value="versions">Versions</Tabs.Tab>
          <Tabs.Tab value="raw">Raw definition</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="core">
          <Stack gap="md" maw={720}>
            <TextInput
              label="API name"
              required={!readOnly}
              readOnly={readOnly}
              value={str(definition.name)}
              onChange={(e) => set({ name: e.currentTarget.value })}
              error={errorFor(err, 'api_definition.name')}
            />
            <TextInput
              label="Listen path"
              description="Where the gateway serves this API, starting with /."
              required={!readOnly}
              readOnly={readOnly}
              value={str(proxy.listen_path)}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setDefinition((d) => withChild(d, 'proxy', { listen_path: v }));
              }}
              error={errorFor(err, 'api_definition.proxy.listen_path')}
            />
            <TextInput
              label="Target URL"
              description="The upstream the gateway forwards to: an absolute http or https URL."
              required={!readOnly}
              readOnly={readOnly}
              value={str(proxy.target_url)}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setDefinition((d) => withChild(d, 'proxy', { target_url: v }));
              }}
              error={errorFor(err, 'api_definition.proxy.target_url')}
            />
            <Switch
              label="Strip the listen path before forwarding"
              disabled={readOnly}
              checked={proxy.strip_listen_path === true}
              onChange={(e) => {
                const v = e.currentTarget.checked;
                setDefinition((d) => withChild(d, 'proxy', { strip_listen_path: v }));
              }}
              error={errorFor(err, 'api_definition.proxy.strip_listen_path')}
            />
            <Switch label="Active (served by the gateways)" disabled={readOnly} checked={definition.active !== false} onChange={(e) => set({ active: e.currentTarget.checked })} error={errorFor(err, 'api_definition.active')} />
            <Radio.Group label="Authentication" value={keyless ? 'keyless' : 'token'} onChange={(v) => set({ use_keyless: v === 'keyless' })} error={errorFor(err, 'api_definition.use_keyless')}>
              <Stack gap="xs" mt={6}>
                <Radio value="keyless" label="Keyless (open)" disabled={readOnly} />
                <Radio value="token" label="Auth token" disabled={readOnly} />
              </Stack>
            </Radio.Group>
            {!keyless && (
              <TextInput
                label="Auth header name"
                description="The request header that carries the key."
                readOnly={readOnly}
                value={str(auth.auth_header_name)}
                onChange={(e) => {
                  const name = e.currentTarget.value;
                  setDefinition((d) => ({ ...withChild(d, 'auth', { auth_header_name: name }), auth_configs: { ...child(d, 'auth_configs'), authToken: { ...child(child(d, 'auth_configs'), 'authToken'), auth_header_name: name } } }));
                }}
                error={errorFor(err, 'api_definition.auth')}
              />
            )}
            <Fieldset legend="Rate limit (whole API)">
              <Group grow align="flex-start" preventGrowOverflow={false} wrap="wrap">
                <NumberInput
                  label="Requests"
                  description="0: no limit"
                  min={0}
                  readOnly={readOnly}
                  value={num(rate.rate)}
                  onChange={(v) => setDefinition((d) => withChild(d, 'global_rate_limit', { rate: typeof v === 'number' ? v : 0 }))}
                  error={errorFor(err, 'api_definition.global_rate_limit.rate')}
                  miw={140}
                />
                <NumberInput
                  label="Per seconds"
                  min={0}
                  readOnly={readOnly}
                  value={num(rate.per)}
                  onChange={(v) => setDefinition((d) => withChild(d, 'global_rate_limit', { per: typeof v === 'number' ? v : 0 }))}
                  error={errorFor(err, 'api_definition.global_rate_limit.per')}
                  miw={140}
                />
              </Group>
            </Fieldset>
            <Fieldset legend="API ownership">
              <OwnerPickers user={user} value={owners} onChange={setOwners} readOnly={readOnly} userError={errorFor(err, 'user_owners')} groupError={errorFor(err, 'user_group_owners')} />
            </Fieldset>
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="versions">
          <VersionsEditor definition={definition} onChange={setDefinition} readOnly={readOnly} error={err} />
        </Tabs.Panel>

        <Tabs.Panel value="raw">
          <CodeEditor
            label="Raw API definition (JSON)"
            description={readOnly ? undefined : 'The whole Tyk Classic api_definition. Fields the form does not show are kept as written here.'}
            language="json"
            value={rawDraft ?? `${JSON.stringify(definition, null, 2)}\n`}
            onChange={(text) => setRawDraft(text)}
            readOnly={readOnly}
            problems={raw?.problems ?? []}
            minHeight={320}
          />
        </Tabs.Panel>
      </Tabs>

      {otherError && (
        <Alert color="red" title={otherField ? `Not saved: ${otherField}` : 'Not saved'} role="alert" mt="md">
          {otherError.message}
        </Alert>
      )}
      {rawBroken && !readOnly && (
        <Alert color="red" title="The raw definition is not valid JSON" mt="md">
          Fix the problem shown in the Raw definition tab before saving.
        </Alert>
      )}
      {!readOnly && (
        <Group mt="lg">
          <Button type="submit" loading={save.isPending} disabled={rawBroken}>
            {apiId === undefined ? 'Create API' : 'Save API'}
          </Button>
        </Group>
      )}
    </form>
  );
}

/** Versions: unversioned, or a list of named versions with where the gateway reads the version from. */
function VersionsEditor({ definition, onChange, readOnly, error }: { definition: Json; onChange: (update: (d: Json) => Json) => void; readOnly: boolean; error: Error | null }) {
  const [newName, setNewName] = useState('');
  const data = child(definition, 'version_data');
  const location = child(definition, 'definition');
  const versions = child(data, 'versions');
  const names = Object.keys(versions);
  const notVersioned = data.not_versioned !== false;

  const setData = (patch: Json) => onChange((d) => withChild(d, 'version_data', patch));
  const setVersions = (next: Json) => setData({ versions: next });
  const rename = (from: string, to: string) => {
    if (to !== from && to in versions) return;
    const next: Json = {};
    for (const [k, v] of Object.entries(versions)) next[k === from ? to : k] = k === from ? { ...(isObject(v) ? v : {}), name: to } : v;
    setData({ versions: next, ...(data.default_version === from ? { default_version: to } : {}) });
  };
  const addVersion = () => {
    const name = newName.trim();
    if (name === '' || name in versions) return;
    setVersions({ ...versions, [name]: { name, expires: '', use_extended_paths: true } });
    setNewName('');
  };
  const newNameTaken = newName.trim() !== '' && newName.trim() in versions;

  return (
    <Stack gap="md" maw={720}>
      <Switch
        label="Not versioned"
        description="Every request uses the first version; the gateway reads no version from the request."
        disabled={readOnly}
        checked={notVersioned}
        onChange={(e) => setData({ not_versioned: e.currentTarget.checked })}
        error={errorFor(error, 'api_definition.version_data.not_versioned')}
      />
      {!notVersioned && (
        <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
          <Select
            label="Version location"
            data={[
              { value: 'header', label: 'Header' },
              { value: 'url-param', label: 'Query parameter' },
              { value: 'url', label: 'First part of the URL path' },
            ]}
            value={str(location.location, 'header')}
            onChange={(v) => onChange((d) => withChild(d, 'definition', { location: v ?? 'header' }))}
            readOnly={readOnly}
            allowDeselect={false}
            error={errorFor(error, 'api_definition.definition.location')}
            miw={200}
          />
          <TextInput
            label="Version key name"
            description="The header or parameter name."
            readOnly={readOnly}
            value={str(location.key)}
            onChange={(e) => {
              const key = e.currentTarget.value;
              onChange((d) => withChild(d, 'definition', { key }));
            }}
            error={errorFor(error, 'api_definition.definition.key')}
            miw={200}
          />
          <Select
            label="Default version"
            data={names}
            value={names.includes(str(data.default_version)) ? str(data.default_version) : null}
            onChange={(v) => setData({ default_version: v ?? '' })}
            readOnly={readOnly}
            error={errorFor(error, 'api_definition.version_data.default_version')}
            miw={200}
          />
        </Group>
      )}
      <div>
        <Title order={2} size="h4" mb="xs">
          Versions
        </Title>
        {names.length === 0 ? (
          <Text size="sm" c="dimmed">
            No versions. The gateway needs at least one.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={320}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  {!readOnly && <Table.Th>Remove</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {names.map((name, i) => {
                  const v = child(versions, name);
                  return (
                    <Table.Tr key={i}>
                      <Table.Td>
                        <TextInput aria-label={`Name of version ${i + 1}`} readOnly={readOnly} value={name} onChange={(e) => rename(name, e.currentTarget.value)} error={errorFor(error, `api_definition.version_data.versions.${name}.name`)} />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`Expiry of version ${name}`}
                          placeholder="Never"
                          readOnly={readOnly}
                          value={str(v.expires)}
                          onChange={(e) => {
                            const expires = e.currentTarget.value;
                            setVersions({ ...versions, [name]: { ...v, expires } });
                          }}
                          error={errorFor(error, `api_definition.version_data.versions.${name}.expires`)}
                        />
                      </Table.Td>
                      {!readOnly && (
                        <Table.Td>
                          <Button
                            variant="subtle"
                            color="red"
                            size="xs"
                            aria-label={`Remove version ${name}`}
                            disabled={names.length === 1}
                            onClick={() => {
                              const next = { ...versions };
                              delete next[name];
                              setVersions(next);
                            }}
                          >
                            Remove
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {!readOnly && (
          <Group align="flex-end" mt="sm" wrap="wrap">
            <TextInput
              label="New version name"
              value={newName}
              onChange={(e) => setNewName(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addVersion();
                }
              }}
              error={newNameTaken ? 'A version with this name exists' : undefined}
            />
            <Button variant="default" onClick={addVersion} disabled={newName.trim() === '' || newNameTaken}>
              Add version
            </Button>
          </Group>
        )}
        <Text size="xs" c="dimmed" mt="xs">
          Version changes are saved with the API.
        </Text>
      </div>
    </Stack>
  );
}
