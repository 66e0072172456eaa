import { Alert, Anchor, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { PasswordField } from '@portcullis/web-shared';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorFor, isFieldError } from '../../components/field-errors.js';
import { notifyDone } from '../../components/notify.js';
import { NotFoundPage, PageHeader } from '../../components/page.js';
import { QueryView } from '../../components/query-states.js';
import { can, isAdmin } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { ActiveBadge, RoleBadge } from './list.js';
import { adminName, ROLE_EXPLANATION, useAdminUser, useCreateAdminUser, useUpdateAdminUser, type PortalUser } from './queries.js';

const FIELDS = ['First', 'Last', 'Email', 'Active', 'ResetPassword', 'Password'] as const;

interface Values {
  first: string;
  last: string;
  email: string;
  active: boolean;
  resetPassword: boolean;
  password: string;
}

function BackLink() {
  return (
    <Anchor component={Link} to="/portal/admin-users" size="sm">
      ← Back to admin users
    </Anchor>
  );
}

/**
 * The seed's form, field by field and in its order: first and last name, a
 * unique email, Active, "User must change password at the next login", the
 * initial password (new users only), Save changes.
 */
function AdminUserForm({ initial, isNew, pending, error, onSubmit }: { initial: Values; isNew: boolean; pending: boolean; error: Error | null; onSubmit: (v: Values) => void }) {
  const [v, setV] = useState<Values>(initial);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(v);
  };
  return (
    <Paper withBorder p="md" maw={640} component="form" onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="First name" required value={v.first} onChange={(e) => set('first', e.currentTarget.value)} error={errorFor(error, 'First')} autoComplete="off" />
          <TextInput label="Last name" required value={v.last} onChange={(e) => set('last', e.currentTarget.value)} error={errorFor(error, 'Last')} autoComplete="off" />
        </SimpleGrid>
        <TextInput
          label="Email"
          description="Unique; used to sign in."
          type="email"
          required
          value={v.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          error={errorFor(error, 'Email')}
          autoComplete="off"
        />
        <Checkbox
          label="Active"
          description={isNew ? 'Activate the user immediately.' : 'Inactive users cannot sign in; the change takes effect at once.'}
          checked={v.active}
          onChange={(e) => set('active', e.currentTarget.checked)}
          error={errorFor(error, 'Active')}
        />
        <Checkbox
          label="User must change password at the next login"
          description="Recommended: they choose their own password when they first sign in."
          checked={v.resetPassword}
          onChange={(e) => set('resetPassword', e.currentTarget.checked)}
          error={errorFor(error, 'ResetPassword')}
        />
        {isNew && (
          <PasswordField
            label="Initial password"
            description="For their first sign-in; at least 8 characters."
            required
            value={v.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            error={errorFor(error, 'Password')}
            autoComplete="new-password"
          />
        )}
        {error && !isFieldError(error, FIELDS) && (
          <Alert color="red" role="alert" title="Not saved">
            {error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" component={Link} to="/portal/admin-users">
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** /portal/admin-users/new: "Add new admin user" (administrators only). */
export function AdminUserCreatePage({ user }: { user: CurrentUser }) {
  const navigate = useNavigate();
  const create = useCreateAdminUser();
  if (!isAdmin(user)) return <NotFoundPage backTo="/portal/admin-users" backLabel="Back to admin users" />;
  return (
    <>
      <BackLink />
      <PageHeader title="Add new admin user" description="A new API Owner, with the provider-admin role: full access to the Admin Portal and the Dashboard." />
      <AdminUserForm
        isNew
        initial={{ first: '', last: '', email: '', active: false, resetPassword: true, password: '' }}
        pending={create.isPending}
        error={create.error}
        onSubmit={(v) =>
          create.mutate(
            { First: v.first.trim(), Last: v.last.trim(), Email: v.email.trim(), Role: 'provider-admin', Active: v.active, ResetPassword: v.resetPassword, Password: v.password },
            {
              onSuccess: (created) => {
                notifyDone(`Admin user ${adminName(created)} added with Id ${created.ID}`);
                void navigate('/portal/admin-users');
              },
            },
          )
        }
      />
    </>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="sm" fw={600} miw={120}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Group>
  );
}

function AdminUserEdit({ user, target }: { user: CurrentUser; target: PortalUser }) {
  const update = useUpdateAdminUser(target.ID);
  const writable = isAdmin(user);
  return (
    <>
      <BackLink />
      <PageHeader title={adminName(target)} description={`Admin user Id ${target.ID}`} />
      <Stack gap={6} mb="md">
        <Detail label="Id">{target.ID}</Detail>
        <Detail label="Role">
          <Group gap="xs">
            <RoleBadge role={target.Role} />
            <Text size="xs" c="dimmed">
              {ROLE_EXPLANATION}
            </Text>
          </Group>
        </Detail>
        <Detail label="Created">{target.CreatedAt} UTC</Detail>
        <Detail label="Last sign-in">{target.LastLoginAt ? `${target.LastLoginAt} UTC` : 'Never'}</Detail>
      </Stack>
      {writable ? (
        <AdminUserForm
          isNew={false}
          initial={{ first: target.First, last: target.Last, email: target.Email, active: target.Active, resetPassword: target.ResetPassword, password: '' }}
          pending={update.isPending}
          error={update.error}
          onSubmit={(v) =>
            update.mutate(
              { First: v.first.trim(), Last: v.last.trim(), Email: v.email.trim(), Active: v.active, ResetPassword: v.resetPassword },
              { onSuccess: (saved) => notifyDone(`${adminName(saved)} saved${saved.Active === target.Active ? '' : saved.Active ? ': active' : ': inactive'}`) },
            )
          }
        />
      ) : (
        <Stack gap={6}>
          <Detail label="Email">{target.Email}</Detail>
          <Detail label="Status">
            <ActiveBadge active={target.Active} />
          </Detail>
          <Detail label="Password">{target.ResetPassword ? 'Must change it at the next login' : 'Set'}</Detail>
        </Stack>
      )}
    </>
  );
}

/** /portal/admin-users/:id: an admin user's details; administrators edit them (Active + Save changes). */
export function AdminUserPage({ user }: { user: CurrentUser }) {
  const { id = '' } = useParams();
  const target = useAdminUser(id);
  if (!can(user, 'users')) return <NotFoundPage backTo="/portal/admin-users" backLabel="Back to admin users" />;
  return (
    <QueryView query={target} label="Loading the admin user" notFound={{ backTo: '/portal/admin-users', backLabel: 'Back to admin users' }}>
      {(data) => <AdminUserEdit user={user} target={data} />}
    </QueryView>
  );
}
