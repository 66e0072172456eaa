import { Box, Group, Input, Paper, SegmentedControl, Text, Textarea } from '@mantine/core';
import { Markdown } from '@portcullis/web-shared';
import { useId, useState } from 'react';

/**
 * A Markdown text with an Edit/Preview switch. Edit is a plain text area;
 * Preview renders the text exactly as the Live Portal will (the shared,
 * safe Markdown renderer: raw HTML is dropped).
 */
export function MarkdownField({
  label,
  description,
  value,
  onChange,
  error,
  required = false,
  minRows = 6,
}: {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  minRows?: number;
}) {
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const id = useId();
  const labelId = `${id}-label`;
  return (
    <Box>
      <Group justify="space-between" align="flex-end" gap="xs" wrap="wrap" mb={4}>
        <Input.Label id={labelId} htmlFor={mode === 'edit' ? `${id}-text` : undefined} required={required}>
          {label}
        </Input.Label>
        <SegmentedControl
          size="xs"
          aria-label={`${label}: edit or preview`}
          value={mode}
          onChange={(v) => setMode(v as 'edit' | 'preview')}
          data={[
            { value: 'edit', label: 'Edit' },
            { value: 'preview', label: 'Preview' },
          ]}
        />
      </Group>
      {description && (
        <Input.Description mb={4} id={`${id}-description`}>
          {description}
        </Input.Description>
      )}
      {mode === 'edit' ? (
        <Textarea
          id={`${id}-text`}
          aria-describedby={description ? `${id}-description` : undefined}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          autosize
          minRows={minRows}
          maxRows={24}
          error={error}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
        />
      ) : (
        <>
          <Paper withBorder p="md" radius="sm" role="region" aria-label={`${label} preview`} mih={minRows * 22}>
            {value.trim() === '' ? (
              <Text size="sm" c="dimmed">
                Nothing to preview yet: write some Markdown under Edit.
              </Text>
            ) : (
              <Markdown source={value} />
            )}
          </Paper>
          {error && (
            <Text size="sm" c="red.8" mt={4} role="alert">
              {error}
            </Text>
          )}
        </>
      )}
    </Box>
  );
}
