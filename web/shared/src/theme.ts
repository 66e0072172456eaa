import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** The look of the console and the Live Portal (whose own colours, from Settings > Appearance, come on top). */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Indigo 7 on white keeps button and link text above 4.5:1 contrast.
  primaryShade: 7,
  defaultRadius: 'sm',
});

/**
 * Contrast of at least 4.5:1 everywhere: Mantine's dimmed text (gray 6) falls
 * short on white, gray 7 does not; so does its error red; the text of light-variant elements (the
 * current navigation entry, light buttons and badges) is indigo 9 on indigo 0,
 * and on indigo 1 under the mouse (Mantine's indigo 2 hover leaves about 4:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Field errors and invalid inputs: Mantine's red 6 gives about 3.3:1 on white, red 9 about 5.5:1.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-primary-color-light': 'var(--mantine-color-indigo-0)',
    '--mantine-primary-color-light-hover': 'var(--mantine-color-indigo-1)',
    '--mantine-primary-color-light-color': 'var(--mantine-color-indigo-9)',
  },
  dark: {},
});
