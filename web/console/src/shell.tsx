import { AppShell, Box, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, ensureOk } from './api.js';
import { visibleAdminPortalSections, visibleSections, type NavItem } from './navigation.js';
import { meKey, type CurrentUser } from './session.js';

/** Whether a navigation entry is the current section (its own page or one below it). */
function isCurrent(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/** The signed-in frame: header (product, user, sign out) and the navigation. */
export function Shell({ user, children }: { user: CurrentUser; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: async () => {
      const { error, response } = await api.POST('/auth/password/logout');
      ensureOk(response, error);
    },
    onSuccess: async () => {
      queryClient.setQueryData(meKey, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'bootstrap' && q.queryKey[0] !== meKey[0] });
      await navigate('/sign-in', { replace: true });
    },
  });
  const name = `${user.first_name} ${user.last_name}`.trim() || user.email_address;
  const sections = visibleSections(user);
  const portalSections = visibleAdminPortalSections(user);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
            <Text fw={700} size="lg" c="indigo.8">
              Portcullis
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Text size="sm" truncate="end" title={user.email_address} data-testid="user-name">
              {name}
            </Text>
            <Button variant="default" size="xs" loading={signOut.isPending} onClick={() => signOut.mutate()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label="Console" style={{ overflowY: 'auto' }}>
        <NavLink component={Link} to="/" label="Home" active={isCurrent(location.pathname, '/')} aria-current={isCurrent(location.pathname, '/') ? 'page' : undefined} onClick={close} />
        <NavGroup id="dashboard-sections" title="Dashboard" items={sections} pathname={location.pathname} onNavigate={close} />
        <NavGroup id="admin-portal-sections" title="Admin Portal" items={portalSections} pathname={location.pathname} onNavigate={close} />
        <Box pt="md">
          <NavLink component={Link} to="/account" label="My account" active={isCurrent(location.pathname, '/account')} aria-current={isCurrent(location.pathname, '/account') ? 'page' : undefined} onClick={close} />
        </Box>
        {signOut.isError && (
          <Text c="red.8" size="sm" role="alert" px="sm" pt="md">
            {signOut.error.message}
          </Text>
        )}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}

/** One titled group of the navigation (Dashboard, Admin Portal); nothing when the user may see none of it. */
function NavGroup({ id, title, items, pathname, onNavigate }: { id: string; title: string; items: NavItem[]; pathname: string; onNavigate: () => void }) {
  if (items.length === 0) return null;
  // The deepest matching entry is the current one: /portal/apps/3 is Apps, not the Overview at /portal.
  const current = items.filter((s) => isCurrent(pathname, s.to)).reduce<NavItem | null>((best, s) => (best === null || s.to.length > best.to.length ? s : best), null);
  return (
    <Box pt="md">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pb={4} id={id}>
        {title}
      </Text>
      <Box component="ul" aria-labelledby={id} p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((s) => (
          <li key={s.to}>
            <NavLink component={Link} to={s.to} label={s.label} active={s === current} aria-current={s === current ? 'page' : undefined} onClick={onNavigate} />
          </li>
        ))}
      </Box>
    </Box>
  );
}
