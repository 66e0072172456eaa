import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';

/** A key the server shows once (a reveal, a rotation): a copy button, and a warning that it is not shown again. */
export function KeyOnce({ value, onDone }: { value: string; onDone: () => void }) {
  return (
    // The title takes the body's colour: yellow on pale yellow is too faint to read.
    <Alert color="yellow" title="Your key" role="status" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
      <Stack gap="xs">
        <Text size="sm">Copy it now and keep it somewhere safe: it is shown only this once. If you lose it, rotate the credential for a new one.</Text>
        <Code block aria-label="Your key" data-testid="key-value" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {value}
        </Code>
        <Group gap="xs">
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Button size="xs" onClick={copy}>
                {copied ? 'Copied' : 'Copy key'}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onDone}>
            I have copied it: hide the key
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
