import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';

/**
 * A copy of components/secret-once.tsx whose title keeps 4.5:1 contrast (the
 * yellow Alert's title colour does not; axe: color-contrast); to be dropped
 * once the shared one does the same.
 *
 * A secret the server returns once (an access key, an API key): shown with a
 * copy button and a warning that it will not be shown again.
 */
export function SecretOnce({ label, value, onDone }: { label: string; value: string; onDone?: () => void }) {
  return (
    <Alert color="yellow" title={label} role="status" styles={{ title: { color: 'var(--mantine-color-dark-9)' } }}>
      <Stack gap="xs">
        <Text size="sm">Copy it now: it is shown only this once. Portcullis keeps only a hash of it.</Text>
        <Code block aria-label={label} data-testid="secret-value" style={{ wordBreak: 'break-all' }}>
          {value}
        </Code>
        <Group gap="xs">
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Button size="xs" onClick={copy} color={copied ? 'teal' : undefined}>
                {copied ? 'Copied' : `Copy ${label.toLowerCase()}`}
              </Button>
            )}
          </CopyButton>
          {onDone && (
            <Button size="xs" variant="default" onClick={onDone}>
              I have copied it
            </Button>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}
