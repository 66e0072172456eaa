import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';

/** A key the server shows once (a reveal, a rotation): a copy button, and a warning that it is not shown again. */
export function KeyOnce({ value, onDone, label = 'Your key' }: { value: string; onDone: () => void; label?: string }) {
  const noun = label === 'Your key' ? 'key' : 'secret';
  return (
    // The title takes the body's colour: yellow on pale yellow is too faint to read.
    <Alert color="yellow" title={label} role="status" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
      <Stack gap="xs">
        <Text size="sm">
          {noun === 'key'
            ? 'Copy it now and keep it somewhere safe: it is shown only this once. If you lose it, rotate the credential for a new one.'
            : 'Copy it now and keep it somewhere safe: it is shown only this once. If you lose it, revoke the client and request access again.'}
        </Text>
        <Code block aria-label={label} data-testid="key-value" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {value}
        </Code>
        <Group gap="xs">
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Button size="xs" onClick={copy}>
                {copied ? 'Copied' : `Copy ${noun}`}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onDone}>
            I have copied it: hide the {noun}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
