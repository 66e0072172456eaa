import { Anchor, AppShell, Box, Burger, Button, Container, Group, Image, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { pages } from '@portcullis/web-shared';
import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { useAppearance } from './appearance.js';
import { useConsumerSsoOnly, useMe, useSignOut } from './session.js';

/** The Live Portal's frame: the portal's name, its menu, who is signed in, the page, a footer. */
export function Layout({ children }: { children: ReactNode }) {
  const me = useMe();
  const signOut = useSignOut();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Name, logo and extra menu links from Settings > Appearance (the links are plain addresses: http(s) or this site's).
  const appearance = useAppearance();
  const signedIn = me.data ?? null;
  const links = [
    { to: pages.portalHome(), label: 'APIs' },
    { to: pages.blog(), label: 'Blog' },
    ...(signedIn ? [{ to: pages.consumerDashboard(), label: 'My dashboard' }] : []),
    ...(signedIn?.Role === 'consumer-admin' ? [{ to: pages.organisation(), label: 'My organisation' }] : []),
  ];
  const ssoOnly = useConsumerSsoOnly();
  const account = signedIn ? (
    <>
      <Anchor component={Link} to={pages.profile()} size="sm" fw={500} c="dark" onClick={close} aria-label={`My profile: ${`${signedIn.First} ${signedIn.Last}`.trim() || signedIn.Email}`}>
        {`${signedIn.First} ${signedIn.Last}`.trim() || signedIn.Email}
      </Anchor>
      <Button variant="default" size="xs" onClick={() => signOut.mutate()} loading={signOut.isPending}>
        Sign out
      </Button>
    </>
  ) : (
    <>
      <Button component={Link} to={pages.signIn()} variant="default" size="xs" onClick={close}>
        Sign in
      </Button>
      {!ssoOnly && (
        <Button component={Link} to={pages.register()} size="xs" onClick={close}>
          Register
        </Button>
      )}
    </>
  );
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { desktop: true, mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close the menu' : 'Open the menu'} />
            <Anchor component={Link} to={pages.portalHome()} fw={700} size="lg" underline="never" style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
              {appearance.LogoURL && <Image src={appearance.LogoURL} alt={appearance.Name} h={32} w="auto" maw={160} fit="contain" />}
              {/* With a logo, its text alternative already names the link. */}
              <Box component="span" aria-hidden={appearance.LogoURL ? true : undefined} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {appearance.Name}
              </Box>
            </Anchor>
            <Box component="nav" aria-label="Portal" visibleFrom="sm">
              <Group gap="md">
                {links.map((l) => (
                  <Anchor key={l.to} component={NavLink} to={l.to} end size="sm" c="dark">
                    {l.label}
                  </Anchor>
                ))}
                {appearance.MenuLinks.map((l, i) => (
                  <Anchor key={`${i}:${l.URL}`} href={l.URL} size="sm" c="dark">
                    {l.Label}
                  </Anchor>
                ))}
              </Group>
            </Box>
          </Group>
          <Group gap="xs" wrap="nowrap" visibleFrom="sm">
            {account}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md" hiddenFrom="sm">
        <Stack gap="sm" component="nav" aria-label="Portal menu">
          {links.map((l) => (
            <Anchor key={l.to} component={NavLink} to={l.to} end onClick={close}>
              {l.label}
            </Anchor>
          ))}
          {appearance.MenuLinks.map((l, i) => (
            <Anchor key={`${i}:${l.URL}`} href={l.URL}>
              {l.Label}
            </Anchor>
          ))}
          <Stack gap="xs" mt="md">
            {account}
          </Stack>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <Container size="lg" px={0}>
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
