import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';

/**
 * A secret the server returns once (an access key, an API key): shown with a
 * copy button and a warning that it will not be shown again.
 */
export function SecretOnce({ label, value, onDone }: { label: string; value: string; onDone?: () => void }) {
  return (
    <Alert color="yellow" title={label} role="status">
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
