import { Alert, MultiSelect, Paper, Pill, SimpleGrid, Stack, TagsInput, Text, TextInput, type ComboboxRenderPillInput } from '@mantine/core';
import { errorFor, isFieldError } from '../../components/field-errors.js';
import { MarkdownField } from './markdown-field.js';
import { useAllCatalogues, useVisibleApis, type Product } from './queries.js';

export interface ProductDraft {
  name: string;
  displayName: string;
  description: string;
  tags: string[];
  catalogueIds: string[];
  apiIds: string[];
}

export const FIELDS = ['Name', 'DisplayName', 'Description', 'Tags', 'Catalogues', 'APIDetails'] as const;

export const EMPTY_DRAFT: ProductDraft = { name: '', displayName: '', description: '', tags: [], catalogueIds: [], apiIds: [] };

export function draftOf(p: Product): ProductDraft {
  return {
    name: p.Name,
    displayName: p.DisplayName,
    description: p.Description,
    tags: p.Tags,
    catalogueIds: p.CatalogueIDs.map(String),
    apiIds: p.APIDetails.map((a) => a.APIID),
  };
}

/**
 * The request body for a draft. The APIs already in the product keep their
 * description for consumers (a PUT with APIDetails replaces them all).
 */
export function bodyOf(draft: ProductDraft, current?: Product) {
  const descriptions = new Map((current?.APIDetails ?? []).map((a) => [a.APIID, a.Description]));
  const name = draft.name.trim();
  return {
    Name: name,
    DisplayName: draft.displayName.trim() || name,
    Description: draft.description,
    Tags: draft.tags,
    Catalogues: draft.catalogueIds.map(Number),
    APIDetails: draft.apiIds.map((id) => {
      const description = descriptions.get(id);
      return description !== undefined ? { APIID: id, Description: description } : { APIID: id };
    }),
  };
}

/** A chosen item of a picker: its × is a real, named button ("Remove Payments API"). */
function removablePill({ option, value, onRemove, disabled }: ComboboxRenderPillInput) {
  const label = option?.label ?? String(value);
  return (
    <Pill withRemoveButton={!disabled} onRemove={onRemove} disabled={disabled} removeButtonProps={{ 'aria-hidden': false, tabIndex: 0, 'aria-label': `Remove ${label}`, title: `Remove ${label}` }}>
      {label}
    </Pill>
  );
}

/**
 * The product's APIs, chosen from the Dashboard's API list: only the APIs the
 * signed-in user can see are listed (the server lists no others, and refuses
 * any other). Searchable by name; each option shows its listen path.
 */
function ApiPicker({ value, onChange, current, error }: { value: string[]; onChange: (ids: string[]) => void; current?: Product; error?: string }) {
  const apis = useVisibleApis();
  const known = new Map<string, { label: string; detail: string }>();
  for (const a of apis.data ?? []) known.set(a.apiId, { label: a.name, detail: `${a.listenPath || 'no listen path'} · ${a.kind}${a.active ? '' : ' · inactive'}` });
  // The product's current APIs stay choosable (and removable) even when the API list cannot be read.
  for (const a of current?.APIDetails ?? []) if (!known.has(a.APIID)) known.set(a.APIID, { label: a.Name, detail: `${a.ListenPath || 'no listen path'} · ${a.APIType === 'oas' ? 'OAS' : 'Classic'}` });
  const data = [...known.entries()].map(([v, o]) => ({ value: v, label: o.label }));
  const cannotList = apis.data === null;
  return (
    <Stack gap={4}>
      <MultiSelect
        label="APIs"
        description="The Dashboard's APIs this product gives access to, in order. Only APIs you can see in the Dashboard are offered; search by name."
        placeholder={value.length === 0 ? (apis.isPending ? 'Loading APIs…' : 'Choose APIs') : undefined}
        data={data}
        value={value}
        onChange={onChange}
        searchable
        hidePickedOptions
        renderPill={removablePill}
        renderOption={({ option }) => (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed">
              {known.get(option.value)?.detail}
            </Text>
          </Stack>
        )}
        nothingFoundMessage={data.length === 0 ? 'No API to choose: create one under APIs first' : 'No API matches'}
        error={error}
        comboboxProps={{ withinPortal: true }}
      />
      {cannotList && (
        <Text size="xs" c="dimmed">
          Listing the Dashboard's APIs needs the APIs permission: you can keep or remove the product's current APIs, not add others.
        </Text>
      )}
      {apis.isError && (
        <Alert color="yellow" title="Could not load the APIs">
          {apis.error.message}
        </Alert>
      )}
    </Stack>
  );
}

function CataloguePicker({ value, onChange, error }: { value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const catalogues = useAllCatalogues();
  const data = (catalogues.data ?? []).map((c) => ({ value: String(c.ID), label: `${c.Name} (${c.VisibilityStatus === 'Public' ? 'public' : 'private'})` }));
  for (const id of value) if (!data.some((d) => d.value === id)) data.push({ value: id, label: `Catalogue ${id}` });
  const none = catalogues.data?.length === 0;
  return (
    <MultiSelect
      label="Published in catalogues"
      description={
        none
          ? 'There are no catalogues yet: the product is not shown on the Live Portal until it is in one.'
          : 'The product is shown on the Live Portal in these catalogues: a public one to every visitor, a private one to its organisations and teams.'
      }
      placeholder={value.length === 0 ? (catalogues.isPending ? 'Loading catalogues…' : 'Not published') : undefined}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      hidePickedOptions
      renderPill={removablePill}
      nothingFoundMessage={none ? 'No catalogues yet' : 'No catalogue matches'}
      error={error ?? catalogues.error?.message}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** The form-level message, when the server's error names no field of the form. */
export function FormError({ error, title }: { error: Error | null; title: string }) {
  if (!error || isFieldError(error, FIELDS)) return null;
  return (
    <Alert color="red" role="alert" title={title}>
      {error.message}
    </Alert>
  );
}

/** Name, display name, description (Markdown), tags, catalogues and APIs of a product. */
export function ProductFields({ draft, setDraft, error, current }: { draft: ProductDraft; setDraft: (d: ProductDraft) => void; error: Error | null; current?: Product }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="Name"
            description="Unique; tells products apart in the Admin Portal."
            required
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            error={errorFor(error, 'Name')}
          />
          <TextInput
            label="Display name"
            description="What API consumers see on the Live Portal; the name when empty."
            value={draft.displayName}
            onChange={(e) => setDraft({ ...draft, displayName: e.currentTarget.value })}
            error={errorFor(error, 'DisplayName')}
          />
        </SimpleGrid>
        <MarkdownField
          label="Description"
          description="Shown with the product in the catalogue. Markdown: # for a heading, **bold**, - for a list, [text](https://…) for a link."
          value={draft.description}
          onChange={(description) => setDraft({ ...draft, description })}
          error={errorFor(error, 'Description')}
          minRows={5}
        />
        <TagsInput
          label="Tags"
          description="Keywords consumers can filter products by on the Live Portal. Press Enter or type a comma after each."
          value={draft.tags}
          onChange={(tags) => setDraft({ ...draft, tags })}
          splitChars={[',']}
          acceptValueOnBlur
          renderPill={removablePill}
          placeholder={draft.tags.length === 0 ? 'payments, cards' : undefined}
          error={errorFor(error, 'Tags')}
        />
        <ApiPicker value={draft.apiIds} onChange={(apiIds) => setDraft({ ...draft, apiIds })} current={current} error={errorFor(error, 'APIDetails')} />
        <CataloguePicker value={draft.catalogueIds} onChange={(catalogueIds) => setDraft({ ...draft, catalogueIds })} error={errorFor(error, 'Catalogues')} />
      </Stack>
    </Paper>
  );
}
