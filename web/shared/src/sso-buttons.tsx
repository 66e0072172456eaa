import { Button, Divider, Stack } from '@mantine/core';
import type { SsoAudienceOptions } from './api/sign-in.js';

/**
 * "Sign in with <provider>" buttons: plain links to the profile's login address
 * (the browser leaves for the provider). With passwords still allowed, a divider
 * separates them from the password form below.
 */
export function SsoButtons({ options }: { options: SsoAudienceOptions | undefined }) {
  if (!options || options.Providers.length === 0) return null;
  return (
    <Stack gap="xs">
      {options.Providers.map((p) => (
        <Button key={p.ID} component="a" href={p.LoginURL} variant="default" fullWidth>
          Sign in with {p.ProviderName}
        </Button>
      ))}
      {!options.SSOOnly && <Divider label="or with your email and password" labelPosition="center" my="xs" />}
    </Stack>
  );
}
