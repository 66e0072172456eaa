import { AppShell, Box, Burger, Button, Group, List, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, ensureOk } from './api.js';
import { meKey, type CurrentUser } from './session.js';

/** The Dashboard's sections, in the order the navigation will list them as they are built. */
const SECTIONS = ['APIs', 'Users', 'User groups', 'Policies', 'Keys', 'Analytics', 'Audit log'] as const;

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
      <AppShell.Navbar p="sm" component="nav" aria-label="Console">
        <NavLink component={Link} to="/" label="Home" active={location.pathname === '/'} onClick={close} />
        <Box px="sm" pt="md">
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" id="sections-heading">
            Dashboard
          </Text>
          <List listStyleType="none" spacing={4} mt={4} aria-labelledby="sections-heading">
            {SECTIONS.map((s) => (
              <List.Item key={s}>
                <Text size="sm" component="span">
                  {s}
                </Text>{' '}
                <Text size="xs" c="dimmed" component="span">
                  coming soon
                </Text>
              </List.Item>
            ))}
          </List>
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
