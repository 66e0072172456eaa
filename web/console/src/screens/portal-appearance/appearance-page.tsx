import { Alert, Anchor, Box, Button, Fieldset, Group, Image, Input, NativeSelect, Paper, SimpleGrid, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Markdown } from '@portcullis/web-shared';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { errorFor, isFieldError } from '../../components/field-errors.js';
import { notifyDone } from '../../components/notify.js';
import { PageHeader } from '../../components/page.js';
import { QueryView } from '../../components/query-states.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { useAppearance, useSaveAppearance, type Appearance, type AppearanceUpdate, type FontFamily } from './queries.js';

/** The fonts the server accepts, in the words of the screen (every device has them: nothing is downloaded). */
const FONTS: { value: FontFamily; label: string }[] = [
  { value: 'system', label: 'System (the device’s own sans-serif)' },
  { value: 'helvetica', label: 'Helvetica / Arial (sans-serif)' },
  { value: 'verdana', label: 'Verdana (wide sans-serif)' },
  { value: 'trebuchet', label: 'Trebuchet (humanist sans-serif)' },
  { value: 'georgia', label: 'Georgia (serif)' },
  { value: 'palatino', label: 'Palatino (serif)' },
];

const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'];
const LOGO_MAX_BYTES = 256 * 1024;
const DEFAULT_COLOUR = '#364fc7';

type LogoDraft = { kind: 'keep' } | { kind: 'remove' } | { kind: 'new'; MediaType: string; Data: string; name: string; preview: string };

interface LinkDraft {
  key: number;
  Label: string;
  URL: string;
}

interface Draft {
  Name: string;
  PrimaryColour: string;
  FontFamily: FontFamily;
  CustomCSS: string;
  Introduction: string;
  links: LinkDraft[];
  logo: LogoDraft;
}

let nextKey = 1;

function draftOf(a: Appearance): Draft {
  return {
    Name: a.Name,
    PrimaryColour: a.PrimaryColour,
    FontFamily: a.FontFamily,
    CustomCSS: a.CustomCSS,
    Introduction: a.Introduction,
    links: a.MenuLinks.map((l) => ({ ...l, key: nextKey++ })),
    logo: { kind: 'keep' },
  };
}

/** Only what changed, so the audit log says what was changed. */
function changes(saved: Appearance, d: Draft): AppearanceUpdate {
  const out: AppearanceUpdate = {};
  if (d.Name.trim() !== saved.Name) out.Name = d.Name;
  if (d.PrimaryColour.trim().toLowerCase() !== saved.PrimaryColour) out.PrimaryColour = d.PrimaryColour;
  if (d.FontFamily !== saved.FontFamily) out.FontFamily = d.FontFamily;
  if (d.CustomCSS !== saved.CustomCSS) out.CustomCSS = d.CustomCSS;
  if (d.Introduction !== saved.Introduction) out.Introduction = d.Introduction;
  const links = d.links.map((l) => ({ Label: l.Label.trim(), URL: l.URL.trim() }));
  if (JSON.stringify(links) !== JSON.stringify(saved.MenuLinks)) out.MenuLinks = links;
  if (d.logo.kind === 'remove' && saved.Logo) out.Logo = null;
  if (d.logo.kind === 'new') out.Logo = { MediaType: d.logo.MediaType, Data: d.logo.Data };
  return out;
}

const FIELDS = ['Name', 'PrimaryColour', 'FontFamily', 'CustomCSS', 'Introduction', 'MenuLinks', 'Logo'] as const;

/** WCAG contrast ratio of a #rrggbb colour against white. */
function contrastOnWhite(hex: string): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const channel = (i: number) => {
    const c = parseInt(m[1]!.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return 1.05 / (l + 0.05);
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

function LogoField({ saved, draft, writable, error, onChange }: { saved: Appearance; draft: LogoDraft; writable: boolean; error: string | undefined; onChange: (l: LogoDraft) => void }) {
  const [local, setLocal] = useState<string | undefined>();
  const current = draft.kind === 'new' ? draft.preview : draft.kind === 'keep' ? (saved.Logo?.URL ?? null) : null;
  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    if (!LOGO_TYPES.includes(file.type)) {
      setLocal('Choose a PNG, JPEG or SVG image.');
      input.value = '';
      return;
    }
    if (file.size > LOGO_MAX_BYTES) {
      setLocal(`This file is ${Math.ceil(file.size / 1024)} KB; the largest logo is 256 KB.`);
      input.value = '';
      return;
    }
    const data = await readAsBase64(file);
    setLocal(undefined);
    onChange({ kind: 'new', MediaType: file.type, Data: data, name: file.name, preview: `data:${file.type};base64,${data}` });
    input.value = '';
  };
  return (
    <Input.Wrapper
      label="Logo"
      description="PNG, JPEG or SVG, at most 256 KB. Shown in the header, about 32 pixels high. An SVG is only ever shown as a picture: any script in it never runs."
      error={local ?? error}
      id="appearance-logo"
    >
      <Group mt={6} gap="md" wrap="wrap" align="center">
        <Box
          w={160}
          h={56}
          p={6}
          style={{ border: '1px dashed var(--mantine-color-gray-5)', borderRadius: 4, display: 'flex', alignItems: 'center', justifyContent: 'center' }}
        >
          {current ? (
            <Image src={current} alt="The logo" h={40} w="auto" fit="contain" />
          ) : (
            <Text size="xs" c="dimmed">
              No logo
            </Text>
          )}
        </Box>
        {writable && (
          <Stack gap={4}>
            <input
              id="appearance-logo"
              type="file"
              accept={LOGO_TYPES.join(',')}
              aria-describedby={local || error ? 'appearance-logo-description appearance-logo-error' : 'appearance-logo-description'}
              aria-invalid={local || error ? true : undefined}
              onChange={(e) => void pick(e)}
            />
            <Group gap="xs">
              {draft.kind === 'new' && (
                <Text size="xs">
                  {draft.name}: saved with the other changes.
                </Text>
              )}
              {(draft.kind === 'new' || (draft.kind === 'keep' && saved.Logo)) && (
                <Button variant="default" size="xs" onClick={() => onChange(saved.Logo && draft.kind === 'keep' ? { kind: 'remove' } : { kind: 'keep' })}>
                  {draft.kind === 'new' ? 'Do not use this file' : 'Remove the logo'}
                </Button>
              )}
              {draft.kind === 'remove' && (
                <>
                  <Text size="xs">The logo is removed when you save.</Text>
                  <Button variant="default" size="xs" onClick={() => onChange({ kind: 'keep' })}>
                    Keep the logo
                  </Button>
                </>
              )}
            </Group>
          </Stack>
        )}
      </Group>
    </Input.Wrapper>
  );
}

function AppearanceForm({ user, saved }: { user: CurrentUser; saved: Appearance }) {
  const writable = can(user, 'portal', 'write');
  const [d, setD] = useState<Draft>(() => draftOf(saved));
  const [introMode, setIntroMode] = useState<string>('edit');
  const save = useSaveAppearance();
  const set = <K extends keyof Draft>(k: K, value: Draft[K]) => setD((prev) => ({ ...prev, [k]: value }));
  const patch = changes(saved, d);
  const dirty = Object.keys(patch).length > 0;
  const error = save.error;
  const contrast = contrastOnWhite(d.PrimaryColour);
  const swatch = contrast !== null ? d.PrimaryColour.trim() : DEFAULT_COLOUR;
  const setLink = (k: number, l: Partial<LinkDraft>) => setD((prev) => ({ ...prev, links: prev.links.map((x) => (x.key === k ? { ...x, ...l } : x)) }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(patch, {
      onSuccess: (next) => {
        setD(draftOf(next));
        notifyDone('Appearance saved: visitors see it on their next page load');
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate style={{ maxWidth: 820 }}>
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="identity-title">
          <Stack gap="md">
            <Title order={2} size="h4" id="identity-title">
              Name and logo
            </Title>
            <TextInput
              label="Portal name"
              description="In the header of every page and in the browser tab of the home page. Also the logo's text for screen readers."
              required
              maxLength={60}
              readOnly={!writable}
              value={d.Name}
              onChange={(e) => set('Name', e.currentTarget.value)}
              error={errorFor(error, 'Name')}
            />
            <LogoField saved={saved} draft={d.logo} writable={writable} error={errorFor(error, 'Logo')} onChange={(l) => set('logo', l)} />
          </Stack>
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="look-title">
          <Stack gap="md">
            <Title order={2} size="h4" id="look-title">
              Colour and font
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Primary colour"
                description="Buttons and links, as # and six hexadecimal digits, such as #0b7a3e. Empty: the default indigo."
                placeholder={DEFAULT_COLOUR}
                readOnly={!writable}
                value={d.PrimaryColour}
                onChange={(e) => set('PrimaryColour', e.currentTarget.value)}
                error={errorFor(error, 'PrimaryColour')}
                leftSection={<Box aria-hidden w={18} h={18} style={{ background: swatch, borderRadius: 3, border: '1px solid var(--mantine-color-gray-5)' }} />}
                spellCheck={false}
                autoComplete="off"
              />
              <NativeSelect
                label="Font"
                description="Fonts every device has: nothing is downloaded."
                disabled={!writable}
                data={FONTS}
                value={d.FontFamily}
                onChange={(e) => set('FontFamily', e.currentTarget.value as FontFamily)}
                error={errorFor(error, 'FontFamily')}
              />
            </SimpleGrid>
            {contrast !== null && contrast < 4.5 && (
              <Alert color="yellow" variant="light" title="Hard to read">
                White text on this colour, and this colour on white, has a contrast of {contrast.toFixed(1)}:1; people with low vision need at least 4.5:1. Choose a darker colour.
              </Alert>
            )}
          </Stack>
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="home-title">
          <Stack gap="md">
            <Title order={2} size="h4" id="home-title">
              Home page introduction
            </Title>
            <Tabs value={introMode} onChange={(m) => m && setIntroMode(m)}>
              <Tabs.List aria-label="Edit or preview the introduction" mb="xs">
                <Tabs.Tab value="edit">Edit</Tabs.Tab>
                <Tabs.Tab value="preview">Preview</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="edit">
                <Textarea
                  label="Introduction"
                  description="Shown on the home page above the catalogues. Markdown: # for a heading, **bold**, [a link](https://example.com), - for a list. HTML in the text is not shown."
                  autosize
                  minRows={5}
                  maxRows={20}
                  readOnly={!writable}
                  value={d.Introduction}
                  onChange={(e) => set('Introduction', e.currentTarget.value)}
                  error={errorFor(error, 'Introduction')}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
                />
              </Tabs.Panel>
              <Tabs.Panel value="preview">
                <Paper withBorder p="md" mih={120} role="region" aria-label="Preview of the introduction">
                  {d.Introduction.trim() === '' ? (
                    <Text c="dimmed" size="sm">
                      No introduction: the home page starts with the catalogues.
                    </Text>
                  ) : (
                    <Markdown source={d.Introduction} headingOffset={1} />
                  )}
                </Paper>
              </Tabs.Panel>
            </Tabs>
          </Stack>
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="menu-title">
          <Stack gap="md">
            <Title order={2} size="h4" id="menu-title">
              Menu links
            </Title>
            <Text size="sm">Extra links in the portal’s menu, after APIs and Blog: your status page, your terms, a page you wrote under Content. At most 8.</Text>
            {d.links.length === 0 && (
              <Text size="sm" c="dimmed">
                No extra links.
              </Text>
            )}
            {d.links.map((l, i) => (
              <Fieldset key={l.key} legend={`Link ${i + 1}${l.Label.trim() ? `: ${l.Label.trim()}` : ''}`} p="sm">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label="Label"
                    required
                    maxLength={40}
                    readOnly={!writable}
                    value={l.Label}
                    onChange={(e) => setLink(l.key, { Label: e.currentTarget.value })}
                    error={errorFor(error, `MenuLinks.${i}.Label`)}
                  />
                  <TextInput
                    label="Address"
                    description="https://… or a page of this site, such as /legal/terms"
                    required
                    readOnly={!writable}
                    value={l.URL}
                    onChange={(e) => setLink(l.key, { URL: e.currentTarget.value })}
                    error={errorFor(error, `MenuLinks.${i}.URL`)}
                    spellCheck={false}
                    autoComplete="off"
                  />
                </SimpleGrid>
                {writable && (
                  <Group justify="flex-end" mt="sm">
                    <Button
                      variant="default"
                      size="xs"
                      onClick={() => setD((prev) => ({ ...prev, links: prev.links.filter((x) => x.key !== l.key) }))}
                      aria-label={`Remove link ${i + 1}${l.Label.trim() ? ` (${l.Label.trim()})` : ''}`}
                    >
                      Remove link
                    </Button>
                  </Group>
                )}
              </Fieldset>
            ))}
            {errorFor(error, 'MenuLinks') && !d.links.some((_l, i) => errorFor(error, `MenuLinks.${i}`)) && (
              <Alert color="red" role="alert">
                {errorFor(error, 'MenuLinks')}
              </Alert>
            )}
            {writable && d.links.length < 8 && (
              <Group>
                <Button variant="default" onClick={() => set('links', [...d.links, { key: nextKey++, Label: '', URL: '' }])}>
                  Add link
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="css-title">
          <Stack gap="md">
            <Title order={2} size="h4" id="css-title">
              Custom CSS
            </Title>
            <Textarea
              label="Custom stylesheet"
              description="CSS applied to every page of the Live Portal, after its own styles (at most 50,000 characters). It is served as a stylesheet file, so it can change how pages look but never run a script; images and fonts load only from this site."
              autosize
              minRows={5}
              maxRows={20}
              readOnly={!writable}
              value={d.CustomCSS}
              onChange={(e) => set('CustomCSS', e.currentTarget.value)}
              error={errorFor(error, 'CustomCSS')}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              spellCheck={false}
              placeholder={'h1 {\n  letter-spacing: 0.02em;\n}'}
            />
          </Stack>
        </Paper>

        {error && !isFieldError(error, FIELDS) && (
          <Alert color="red" role="alert" title="Not saved">
            {error.message}
          </Alert>
        )}
        {writable && (
          <Group justify="flex-end" gap="xs">
            <Button variant="default" disabled={!dirty || save.isPending} onClick={() => setD(draftOf(saved))}>
              Discard changes
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!dirty}>
              Save changes
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** Settings > Appearance: the Live Portal's name, logo, colour, font, home-page introduction, menu links and custom CSS. */
export function AppearancePage({ user }: { user: CurrentUser }) {
  const appearance = useAppearance();
  return (
    <>
      <PageHeader
        title="Appearance"
        description={
          <>
            Settings &gt; Appearance: how the Live Portal looks to API consumers. Saved changes show on a visitor’s next page load;{' '}
            <Anchor href="/" target="_blank" rel="noopener" size="sm" underline="always">
              open the Live Portal
            </Anchor>{' '}
            to see them.
          </>
        }
      />
      <QueryView query={appearance} label="Loading the appearance">
        {(data) => <AppearanceForm user={user} saved={data} />}
      </QueryView>
    </>
  );
}
