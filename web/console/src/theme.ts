import { createTheme } from '@mantine/core';

/** The console's look; the Live Portal is to share it (issue 11). */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Indigo 7 on white keeps button and link text above 4.5:1 contrast.
  primaryShade: 7,
  defaultRadius: 'sm',
});
