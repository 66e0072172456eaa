import { Alert, MultiSelect, Pill, Stack, Text, type ComboboxRenderPillInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, ensureOk } from '../../api.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';

export interface Owners {
  userIds: string[];
  groupIds: string[];
}

export const NO_OWNERS: Owners = { userIds: [], groupIds: [] };

export function sameOwners(a: Owners, b: Owners): boolean {
  const eq = (x: string[], y: string[]) => x.length === y.length && [...x].sort().join(',') === [...y].sort().join(',');
  return eq(a.userIds, b.userIds) && eq(a.groupIds, b.groupIds);
}

/** Every Dashboard user, for those who may see them (`users: read`). */
function useUserOptions(user: CurrentUser) {
  return useQuery({
    queryKey: ['users', 'all'],
    enabled: can(user, 'users'),
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/users', { params: { query: { p: -1 } } });
      ensureOk(response, error);
      return data!.users;
    },
  });
}

/** Every user group, for those who may see them (`user_groups: read`). */
function useGroupOptions(user: CurrentUser) {
  return useQuery({
    queryKey: ['user-groups', 'all'],
    enabled: can(user, 'user_groups'),
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/usergroups', { params: { query: { p: -1 } } });
      ensureOk(response, error);
      return data!.groups;
    },
  });
}

/** A chosen owner: its × is a real button, reachable by keyboard and named for screen readers ("Remove Grace Hopper"). */
function ownerPill(readOnly: boolean) {
  return function OwnerPill({ option, value, onRemove, disabled }: ComboboxRenderPillInput) {
    const label = option?.label ?? String(value);
    return (
      <Pill withRemoveButton={!readOnly && !disabled} onRemove={onRemove} disabled={disabled} removeButtonProps={{ 'aria-hidden': false, tabIndex: 0, 'aria-label': `Remove ${label}`, title: `Remove ${label}` }}>
        {label}
      </Pill>
    );
  };
}

interface Option {
  value: string;
  label: string;
}

/** The options: those the reader may list, plus the current owners (by id when not listable) and the reader. */
function withKnown(options: Option[], selected: string[], fallback: (id: string) => string): Option[] {
  const byId = new Map(options.map((o) => [o.value, o]));
  for (const id of selected) if (!byId.has(id)) byId.set(id, { value: id, label: fallback(id) });
  return [...byId.values()].sort((a, b) => a.label.localeCompare(b.label, undefined, { sensitivity: 'base', numeric: true }));
}

/**
 * The API's owners as the seed describes them: two searchable multi-selects,
 * users and user groups, each owner a pill removable with its ×. The pickers
 * offer the users (groups) the reader may list — `users: read`
 * (`user_groups: read`) — plus themselves and their own group; owners the
 * reader cannot list still show, by id, and can be removed. Read-only readers
 * see the owners without any control that changes them.
 */
export function OwnerPickers({
  user,
  value,
  onChange,
  readOnly,
  userError,
  groupError,
}: {
  user: CurrentUser;
  value: Owners;
  onChange: (owners: Owners) => void;
  readOnly: boolean;
  userError?: string;
  groupError?: string;
}) {
  const users = useUserOptions(user);
  const groups = useGroupOptions(user);
  const me = `${user.first_name} ${user.last_name}`.trim() || user.email_address;

  const userOptions = withKnown(
    [
      ...(users.data ?? []).map((u) => ({ value: u.id, label: `${`${u.first_name} ${u.last_name}`.trim() || u.email_address} (${u.email_address})` })),
      ...(users.data ? [] : [{ value: user.id, label: `${me} (you)` }]),
    ],
    value.userIds,
    (id) => `User ${id}`,
  );
  const groupOptions = withKnown(
    [...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name })), ...(!groups.data && user.group_id ? [{ value: user.group_id, label: 'Your group' }] : [])],
    value.groupIds,
    (id) => `Group ${id}`,
  );

  const loadError = users.error ?? groups.error;
  const empty = readOnly ? 'None' : undefined;

  return (
    <Stack gap="sm">
      <MultiSelect
        label="User owners"
        description={readOnly ? undefined : can(user, 'users') ? 'Search by name or email.' : 'You can choose yourself; listing other users needs the users permission.'}
        placeholder={readOnly ? (value.userIds.length === 0 ? empty : undefined) : value.userIds.length === 0 ? 'Choose users' : undefined}
        data={userOptions}
        value={value.userIds}
        onChange={(userIds) => onChange({ ...value, userIds })}
        searchable={!readOnly}
        readOnly={readOnly}
        rightSection={readOnly ? <span /> : undefined}
        hidePickedOptions
        renderPill={ownerPill(readOnly)}
        nothingFoundMessage="No user matches"
        error={userError}
        comboboxProps={{ withinPortal: true }}
      />
      <MultiSelect
        label="User group owners"
        description={readOnly ? undefined : can(user, 'user_groups') ? 'Search by group name.' : 'You can choose your own group; listing other groups needs the user groups permission.'}
        placeholder={readOnly ? (value.groupIds.length === 0 ? empty : undefined) : value.groupIds.length === 0 ? 'Choose user groups' : undefined}
        data={groupOptions}
        value={value.groupIds}
        onChange={(groupIds) => onChange({ ...value, groupIds })}
        searchable={!readOnly}
        readOnly={readOnly}
        rightSection={readOnly ? <span /> : undefined}
        hidePickedOptions
        renderPill={ownerPill(readOnly)}
        nothingFoundMessage="No user group matches"
        error={groupError}
        comboboxProps={{ withinPortal: true }}
      />
      {loadError && (
        <Alert color="yellow" title="Could not load every choice">
          {loadError.message}
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        With API ownership on, an API with owners is visible only to them (and to administrators); one without owners is visible to everyone with the APIs permission.
      </Text>
    </Stack>
  );
}
