import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One term and its value in a definition list (<dl>) of an object's page: the label dimmed above, the value below. */
export function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {children}
      </Text>
    </div>
  );
}
