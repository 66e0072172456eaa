import { ActionIcon, Menu, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** The three-dot menu of a row: an icon button named "Actions for <name>", items with their visible text. */
export function RowMenu({ name, children }: { name: string; children: ReactNode }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray.8" aria-label={`Actions for ${name}`}>
          <Text component="span" aria-hidden fw={700} lh={1}>
            ⋯
          </Text>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );
}
