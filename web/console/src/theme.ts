import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** The console's look; the Live Portal is to share it (issue 11). */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Indigo 7 on white keeps button and link text above 4.5:1 contrast.
  primaryShade: 7,
  defaultRadius: 'sm',
});

/** Mantine's dimmed text (gray 6) falls short of 4.5:1 on white; gray 7 does not. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
