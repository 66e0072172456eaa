import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';

/** "Access key" → "access key", but "API key" stays "API key". */
function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/**
 * A secret the server returns once (an access key, an API key): shown with a
 * copy button and a warning that it will not be shown again.
 */
export function SecretOnce({ label, value, onDone }: { label: string; value: string; onDone?: () => void }) {
  return (
    // The title takes the body's colour: yellow on pale yellow is too faint to read (about 2:1).
    <Alert color="yellow" title={label} role="status" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
      <Stack gap="xs">
        <Text size="sm">Copy it now: it is shown only this once. Portcullis keeps only a hash of it.</Text>
        <Code block aria-label={label} data-testid="secret-value" style={{ wordBreak: 'break-all' }}>
          {value}
        </Code>
        <Group gap="xs">
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Button size="xs" onClick={copy} color={copied ? 'teal' : undefined}>
                {copied ? 'Copied' : `Copy ${inSentence(label)}`}
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
