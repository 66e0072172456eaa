import { Box, Group, Paper, Switch, Text, Title } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';

/**
 * A chart with its text alternatives: a title (the section's accessible name),
 * a one-line summary in words, and a "Show as table" switch that replaces the
 * drawing with the same numbers as a table. The drawing itself is hidden from
 * screen readers, which read the summary and the table instead.
 */
export function ChartFigure({ title, summary, chart, table, actions }: { title: string; summary: ReactNode; chart: ReactNode; table: ReactNode; actions?: ReactNode }) {
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${id}-title`}>
      <Group justify="space-between" align="flex-start" gap="xs" mb={4}>
        <Title order={2} size="h4" id={`${id}-title`}>
          {title}
        </Title>
        <Group gap="sm">
          {actions}
          <Switch label="Show as table" checked={asTable} onChange={(e) => setAsTable(e.currentTarget.checked)} size="sm" />
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {summary}
      </Text>
      {asTable ? table : <Box aria-hidden>{chart}</Box>}
    </Paper>
  );
}
