import { Alert, Button, Checkbox, Fieldset, Group, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { errorFor } from '../../components/field-errors.js';
import { ErrorBlock, LoadingBlock } from '../../components/query-states.js';
import { exactFieldError, METHODS, useVisibleApis, type PathDraft, type RightDraft } from './model.js';

/**
 * Access rights per API: which APIs, which versions, and which paths (RE2
 * pattern + methods; none means the whole API). The picker offers only APIs
 * the user can see; the server refuses any other one anyway.
 */
export function AccessRightsEditor({
  value,
  onChange,
  error,
  description,
}: {
  value: RightDraft[];
  onChange: (next: RightDraft[]) => void;
  error: Error | null;
  description: string;
}) {
  const apis = useVisibleApis();
  const chosen = new Set(value.map((r) => r.apiId));
  const update = (i: number, patch: Partial<RightDraft>) => onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const whole = exactFieldError(error, 'access_rights');

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {description}
      </Text>
      {whole && (
        <Text c="red.8" size="sm" role="alert">
          {whole}
        </Text>
      )}
      {value.map((right, i) => {
        const known = apis.data?.find((a) => a.apiId === right.apiId);
        const versionChoices = known && known.versions.length > 0 ? known.versions : ['Default'];
        const apiError = exactFieldError(error, `access_rights.${right.apiId}`);
        return (
          <Fieldset key={right.apiId} legend={`API: ${right.apiName}`} variant="filled">
            <Stack gap="sm">
              {apiError && (
                <Alert color="red" role="alert" p="xs">
                  {apiError}
                </Alert>
              )}
              <TagsInput
                label="Versions"
                description="Leave empty for every version. Press Enter after each one."
                data={versionChoices}
                value={right.versions}
                onChange={(versions) => update(i, { versions })}
                error={errorFor(error, `access_rights.${right.apiId}.versions`)}
                clearable={false}
              />
              <Text size="sm" fw={500}>
                Allowed paths
              </Text>
              {right.paths.length === 0 && (
                <Text size="sm" c="dimmed">
                  No path rules: the whole API is allowed.
                </Text>
              )}
              {right.paths.map((p, k) => (
                <PathRow
                  key={k}
                  index={k}
                  value={p}
                  onChange={(next) => update(i, { paths: right.paths.map((q, m) => (m === k ? next : q)) })}
                  onRemove={() => update(i, { paths: right.paths.filter((_, m) => m !== k) })}
                  field={`access_rights.${right.apiId}.allowed_urls.${k}`}
                  error={error}
                />
              ))}
              <Group gap="xs">
                <Button size="xs" variant="light" onClick={() => update(i, { paths: [...right.paths, { url: '', methods: ['GET'] }] })}>
                  Add allowed path
                </Button>
                <Button size="xs" variant="subtle" color="red" onClick={() => onChange(value.filter((_, j) => j !== i))}>
                  Remove {right.apiName}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      {apis.isPending && <LoadingBlock label="Loading APIs" />}
      {apis.isError && <ErrorBlock error={apis.error} onRetry={() => void apis.refetch()} />}
      {apis.data && (
        <Select
          label="Add access to an API"
          placeholder={apis.data.length === chosen.size ? 'No other API you can see' : 'Choose an API'}
          data={apis.data.filter((a) => !chosen.has(a.apiId)).map((a) => ({ value: a.apiId, label: a.name }))}
          value={null}
          searchable
          nothingFoundMessage="No such API"
          disabled={apis.data.length === chosen.size}
          maw={420}
          onChange={(apiId) => {
            const a = apis.data.find((x) => x.apiId === apiId);
            if (!a) return;
            onChange([...value, { apiId: a.apiId, apiName: a.name, versions: a.versions.length > 0 ? [a.versions[0]!] : ['Default'], paths: [], rest: {} }]);
          }}
        />
      )}
    </Stack>
  );
}

function PathRow({
  index,
  value,
  onChange,
  onRemove,
  field,
  error,
}: {
  index: number;
  value: PathDraft;
  onChange: (next: PathDraft) => void;
  onRemove: () => void;
  field: string;
  error: Error | null;
}) {
  const n = index + 1;
  return (
    <Stack gap={6} p="xs" style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 'var(--mantine-radius-sm)' }}>
      <TextInput
        label={`Path ${n} pattern`}
        description="An RE2 regular expression matched from the start of the path under the listen path, e.g. /users/[0-9]+"
        value={value.url}
        onChange={(e) => onChange({ ...value, url: e.currentTarget.value })}
        error={errorFor(error, `${field}.url`)}
        required
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <Checkbox.Group
        label={`Path ${n} methods`}
        description="None checked: every method."
        value={value.methods}
        onChange={(methods) => onChange({ ...value, methods })}
        error={errorFor(error, `${field}.methods`)}
      >
        <Group gap="sm" mt={4}>
          {METHODS.map((m) => (
            <Checkbox key={m} value={m} label={m} />
          ))}
        </Group>
      </Checkbox.Group>
      <Group>
        <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove}>
          Remove path {n}
        </Button>
      </Group>
    </Stack>
  );
}

/** The access rights, read-only. */
export function AccessRightsView({ rights }: { rights: RightDraft[] }) {
  if (rights.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No API.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {rights.map((r) => (
        <Stack key={r.apiId} gap={2}>
          <Text fw={600} size="sm">
            {r.apiName}
          </Text>
          <Text size="sm">Versions: {r.versions.length > 0 ? r.versions.join(', ') : 'all'}</Text>
          {r.paths.length === 0 ? (
            <Text size="sm">Paths: the whole API</Text>
          ) : (
            <Stack gap={0} component="ul" m={0} pl="lg">
              {r.paths.map((p, i) => (
                <Text component="li" key={i} size="sm">
                  <Text span ff="monospace">
                    {p.url}
                  </Text>{' '}
                  — {p.methods.length > 0 ? p.methods.join(', ') : 'every method'}
                </Text>
              ))}
            </Stack>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
