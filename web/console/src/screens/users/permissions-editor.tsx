import { Alert, Badge, Box, Group, Paper, Radio, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import type { PermissionMap } from './queries.js';

/** The sections the editor shows, in order (`owned_analytics` is the Analytics row's scope choice). */
export const SECTIONS = [
  { key: 'apis', label: 'APIs' },
  { key: 'analytics', label: 'Analytics' },
  { key: 'keys', label: 'Keys' },
  { key: 'policies', label: 'Policies' },
  { key: 'users', label: 'Users' },
  { key: 'user_groups', label: 'User groups' },
  { key: 'portal', label: 'Developer portal' },
  { key: 'audit_logs', label: 'Audit log' },
] as const;

export type SectionKey = (typeof SECTIONS)[number]['key'];
export type AccessLevel = 'deny' | 'read' | 'write';

export interface PermissionDraft {
  levels: Record<SectionKey, AccessLevel>;
  /** Analytics of owned APIs only (`owned_analytics: read`). */
  owned: boolean;
  admin: boolean;
  /**
   * Tyk sections the console has no row for (certs, hooks, idm, …) and
   * `IsAdmin: "false"`: the server keeps them (they grant nothing), so saving
   * sends them back untouched.
   */
  kept: PermissionMap;
}

const LEVELS: { value: AccessLevel; label: string }[] = [
  { value: 'deny', label: 'Deny' },
  { value: 'read', label: 'Read' },
  { value: 'write', label: 'Write' },
];

const SCOPES = [
  { value: 'all', label: 'All APIs' },
  { value: 'owned', label: 'Owned APIs' },
] as const;

function levelOf(value: string | undefined): AccessLevel {
  return value === 'read' || value === 'write' ? value : 'deny';
}

export function draftFrom(map: PermissionMap | undefined): PermissionDraft {
  const m = map ?? {};
  const levels = Object.fromEntries(SECTIONS.map((s) => [s.key, levelOf(m[s.key])])) as Record<SectionKey, AccessLevel>;
  const known = new Set<string>([...SECTIONS.map((s) => s.key), 'owned_analytics']);
  const kept = Object.fromEntries(Object.entries(m).filter(([k, v]) => (k === 'IsAdmin' ? v !== 'admin' : !known.has(k))));
  return { levels, owned: levelOf(m.owned_analytics) !== 'deny', admin: m.IsAdmin === 'admin', kept };
}

/** The `user_permissions` the API takes; `withAdmin` false for groups, which cannot carry IsAdmin. */
export function mapFrom(draft: PermissionDraft, withAdmin: boolean): PermissionMap {
  const { IsAdmin: notAdmin, ...keptSections } = draft.kept;
  const map: PermissionMap = { ...keptSections, ...draft.levels };
  map.owned_analytics = draft.owned && draft.levels.analytics !== 'deny' ? 'read' : 'deny';
  if (withAdmin && draft.admin) map.IsAdmin = 'admin';
  else if (notAdmin !== undefined) map.IsAdmin = notAdmin;
  return map;
}

function levelText(level: AccessLevel): string {
  return LEVELS.find((l) => l.value === level)!.label;
}

/**
 * A radio group named by a visible label elsewhere (`labelId`): real radio
 * inputs in a row, so keyboards, screen readers and tests see a plain radio group.
 */
export function ChoiceGroup<V extends string>({
  labelId,
  options,
  value,
  onChange,
  disabled = false,
}: {
  labelId: string;
  options: readonly { value: V; label: string }[];
  value: V;
  onChange: (value: V) => void;
  disabled?: boolean;
}) {
  const name = useId();
  return (
    <Group role="radiogroup" aria-labelledby={labelId} gap="md" wrap="wrap">
      {options.map((o) => (
        <Radio key={o.value} name={name} value={o.value} label={o.label} checked={value === o.value} disabled={disabled} onChange={() => onChange(o.value)} size="sm" />
      ))}
    </Group>
  );
}

/** One section's row: its name, and a labelled radio group (segmented) for deny / read / write. */
function SectionRow({ label, value, onChange, disabled, extra }: { label: string; value: AccessLevel; onChange: (v: AccessLevel) => void; disabled: boolean; extra?: ReactNode }) {
  const id = useId();
  return (
    <Box py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text id={id} size="sm" fw={600} miw={120}>
          {label}
        </Text>
        <ChoiceGroup labelId={id} options={LEVELS} value={value} onChange={onChange} disabled={disabled} />
      </Group>
      {extra}
    </Box>
  );
}

/**
 * The permission editor: one row per section (deny / read / write), the
 * Analytics row's all / owned choice, and for administrators the Admin switch.
 */
export function PermissionsEditor({
  value,
  onChange,
  showAdmin,
  error,
  sectionsLocked,
}: {
  value: PermissionDraft;
  onChange: (next: PermissionDraft) => void;
  /** Only administrators see (and may use) the Admin switch. */
  showAdmin: boolean;
  error?: string;
  /** Shown instead of the section rows (a group member: the group's template applies). */
  sectionsLocked?: ReactNode;
}) {
  const scopeId = useId();
  const setLevel = (key: SectionKey, level: AccessLevel) => onChange({ ...value, levels: { ...value.levels, [key]: level } });
  return (
    <Paper withBorder p="md" radius="md" component="fieldset" style={{ minWidth: 0 }}>
      <Title order={2} size="h4" component="legend" px={4}>
        Permissions
      </Title>
      <Stack gap="xs">
        {showAdmin && (
          <Switch
            label="Administrator"
            description="Full access to every section, every API and every user"
            checked={value.admin}
            onChange={(e) => onChange({ ...value, admin: e.currentTarget.checked })}
          />
        )}
        {value.admin && showAdmin ? (
          <Text size="sm" c="dimmed">
            Administrators hold every permission; the sections below do not apply while this is on.
          </Text>
        ) : null}
        {sectionsLocked ?? (
          <Box>
            {SECTIONS.map((s) => (
              <SectionRow
                key={s.key}
                label={s.label}
                value={value.levels[s.key]}
                disabled={value.admin}
                onChange={(level) => setLevel(s.key, level)}
                extra={
                  s.key === 'analytics' && value.levels.analytics !== 'deny' ? (
                    <Group justify="space-between" gap="xs" wrap="wrap" mt={6}>
                      <Text id={scopeId} size="sm" c="dimmed" miw={120}>
                        Analytics of
                      </Text>
                      <ChoiceGroup
                        labelId={scopeId}
                        disabled={value.admin}
                        options={SCOPES}
                        value={value.owned ? 'owned' : 'all'}
                        onChange={(v) => onChange({ ...value, owned: v === 'owned' })}
                      />
                    </Group>
                  ) : undefined
                }
              />
            ))}
          </Box>
        )}
        {Object.keys(value.kept).some((k) => k !== 'IsAdmin') && (
          <Text size="sm" c="dimmed">
            Kept as they are (Tyk sections Portcullis does not use):{' '}
            {Object.entries(value.kept)
              .filter(([k]) => k !== 'IsAdmin')
              .map(([k, v]) => `${k}: ${v}`)
              .join(', ')}
          </Text>
        )}
        {error && (
          <Alert color="red" role="alert" p="xs">
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** Permissions as text, for readers without write access and for a group's template. */
export function PermissionsView({
  value,
  caption,
  title = 'Permissions',
  headingLevel = 2,
}: {
  value: PermissionMap;
  caption: string;
  /** null: no heading (the caller has one). */
  title?: string | null;
  headingLevel?: 2 | 3;
}) {
  const draft = draftFrom(value);
  return (
    <Stack gap="xs">
      {title !== null && (
        <Group gap="xs">
          <Title order={headingLevel} size="h4">
            {title}
          </Title>
          {draft.admin && <Badge color="indigo">Administrator</Badge>}
        </Group>
      )}
      {draft.admin ? (
        <Text size="sm">Administrators hold every permission.</Text>
      ) : (
        <Table withTableBorder verticalSpacing={4} maw={480}>
          <caption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{caption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Section</Table.Th>
              <Table.Th>Access</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {SECTIONS.map((s) => {
              const level = draft.levels[s.key];
              const scope = s.key === 'analytics' && level !== 'deny' ? (draft.owned ? ' (owned APIs only)' : ' (all APIs)') : '';
              return (
                <Table.Tr key={s.key}>
                  <Table.Td>{s.label}</Table.Td>
                  <Table.Td>
                    {levelText(level)}
                    {scope}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
