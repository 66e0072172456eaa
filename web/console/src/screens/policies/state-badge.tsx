import { Badge } from '@mantine/core';

/** A state ("Active", "Inactive", "Expired") as a badge: a coloured dot beside text in the body colour, which keeps 4.5:1 contrast on striped rows too. */
export function StateBadge({ color, children }: { color: 'teal' | 'gray' | 'orange'; children: string }) {
  return (
    <Badge variant="dot" color={color}>
      {children}
    </Badge>
  );
}
