import { createTheme, mergeThemeOverrides, type CSSVariablesResolver, type MantineColorsTuple, type MantineThemeOverride } from '@mantine/core';
import { cssVariablesResolver as sharedResolver, theme as sharedTheme, type paths } from '@portcullis/web-shared';
import { useQuery } from '@tanstack/react-query';
import { api } from './api.js';

/** What administrators set in Settings > Appearance, as the Live Portal reads it (GET /portal/api/appearance). */
export type Appearance = paths['/portal/api/appearance']['get']['responses'][200]['content']['application/json'];

/** Used when the appearance cannot be read: the portal still works, in its own colours. */
export const DEFAULT_APPEARANCE: Appearance = {
  Name: 'Developer portal',
  LogoURL: null,
  PrimaryColour: null,
  FontFamily: 'system',
  FontStack: 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
  Introduction: '',
  MenuLinks: [],
  StylesheetURL: null,
};

const KEY = ['appearance'] as const;

/** Read once, before the first page is drawn (main.tsx); a change shows on the next page load. */
export async function loadAppearance(): Promise<Appearance> {
  try {
    const { data, response } = await api.GET('/portal/api/appearance');
    return response.ok && data ? data : DEFAULT_APPEARANCE;
  } catch {
    return DEFAULT_APPEARANCE;
  }
}

/** The appearance loaded at start (it never changes while the page is open). */
export function useAppearance(): Appearance {
  const q = useQuery({ queryKey: KEY, queryFn: loadAppearance, staleTime: Infinity, initialData: DEFAULT_APPEARANCE });
  return q.data;
}

export const appearanceQueryKey = KEY;

function mix(hex: string, target: number, amount: number): string {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `#${channels.map((c) => Math.round(c + (target - c) * amount).toString(16).padStart(2, '0')).join('')}`;
}

/** Ten shades around the administrator's colour, which is shade 7 (the theme's primary shade), exactly. */
function shadesOf(hex: string): MantineColorsTuple {
  const tints = [0.92, 0.84, 0.7, 0.55, 0.4, 0.25, 0.12].map((a) => mix(hex, 255, a));
  return [...tints, hex, mix(hex, 0, 0.15), mix(hex, 0, 0.3)] as unknown as MantineColorsTuple;
}

/** The shared theme with the administrator's colour and font on top. */
export function themeOf(a: Appearance): MantineThemeOverride {
  const custom = createTheme({
    fontFamily: a.FontStack,
    headings: { fontFamily: a.FontStack },
    ...(a.PrimaryColour ? { colors: { brand: shadesOf(a.PrimaryColour) }, primaryColor: 'brand' } : {}),
  });
  return mergeThemeOverrides(sharedTheme, custom);
}

/** The shared contrast fixes, pointed at the administrator's colour when there is one. */
export function resolverOf(a: Appearance): CSSVariablesResolver {
  return (theme) => {
    const base = sharedResolver(theme);
    if (!a.PrimaryColour) return base;
    return {
      ...base,
      light: {
        ...base.light,
        '--mantine-primary-color-light': 'var(--mantine-color-brand-0)',
        '--mantine-primary-color-light-hover': 'var(--mantine-color-brand-1)',
        '--mantine-primary-color-light-color': 'var(--mantine-color-brand-9)',
      },
    };
  };
}

/** Links the administrators' stylesheet after the portal's own styles, so that it wins where both set something. */
export function linkStylesheet(a: Appearance): void {
  if (!a.StylesheetURL) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = a.StylesheetURL;
  link.dataset.appearance = 'custom';
  document.head.append(link);
}
