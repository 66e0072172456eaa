import { Alert, Anchor, Button, Group, List, MultiSelect, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { idFrom } from '../../route-params.js';
import { useMutation } from '@tanstack/react-query';
import { planWords } from '@portcullis/web-shared';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ensureOk } from '../../api.js';
import { errorFor, isFieldError, splitFieldError } from '../../components/field-errors.js';
import { notifyDone } from '../../components/notify.js';
import { NotFoundPage, PageHeader } from '../../components/page.js';
import { QueryView } from '../../components/query-states.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { plainFieldError, useAllPlans, useRefreshOfferings } from '../portal-plans/queries.js';
import { DeleteCatalogueDialog, VisibilityBadge } from './catalogues-list.js';
import { useAllProducts, useCatalogue, useOrganisationsWithTeams, type Catalogue, type CatalogueInput } from './queries.js';

const BACK = { backTo: '/portal/catalogues', backLabel: 'Back to catalogues' };
const FIELDS = ['Name', 'VisibilityStatus', 'Products', 'Plans', 'OrgCatalogues'] as const;

interface Draft {
  name: string;
  visibility: 'Public' | 'Private';
  /** Organisation ids whose every member sees the catalogue. */
  organisations: string[];
  /** Team ids, each with its organisation. */
  teams: string[];
  products: string[];
  plans: string[];
}

const EMPTY: Draft = { name: '', visibility: 'Public', organisations: [], teams: [], products: [], plans: [] };

function draftOf(c: Catalogue): Draft {
  return {
    name: c.Name,
    visibility: c.VisibilityStatus,
    organisations: c.OrgCatalogues.filter((a) => a.TeamID === null).map((a) => String(a.OrganisationID)),
    teams: c.OrgCatalogues.flatMap((a) => (a.TeamID === null ? [] : [String(a.TeamID)])),
    products: c.ProductIDs.map(String),
    plans: c.PlanIDs.map(String),
  };
}

/** /portal/catalogues/new */
export function CatalogueCreatePage({ user }: { user: CurrentUser }) {
  if (!can(user, 'portal', 'write')) return <NotFoundPage {...BACK} />;
  return <CatalogueForm user={user} saved={null} />;
}

/** /portal/catalogues/:id: the catalogue's settings, products and plans; read-only without `portal: write`. */
export function CataloguePage({ user }: { user: CurrentUser }) {
  const { id = '' } = useParams();
  const numeric = idFrom(id);
  const catalogue = useCatalogue(numeric);
  if (numeric === null) return <NotFoundPage {...BACK} />;
  return (
    <QueryView query={catalogue} label="Loading the catalogue" notFound={BACK}>
      {(c) => <CatalogueForm key={`${c.ID}-${c.UpdatedAt}`} user={user} saved={c} />}
    </QueryView>
  );
}

function CatalogueForm({ user, saved }: { user: CurrentUser; saved: Catalogue | null }) {
  const writable = can(user, 'portal', 'write');
  const navigate = useNavigate();
  const refresh = useRefreshOfferings();
  const [d, setD] = useState<Draft>(() => (saved ? draftOf(saved) : EMPTY));
  const [deleting, setDeleting] = useState(false);
  const orgs = useOrganisationsWithTeams();
  const products = useAllProducts();
  const plans = useAllPlans();

  // Teams name their organisation: "Globex: Ops", grouped by organisation.
  const teamOrg = new Map(orgs.data.flatMap((o) => o.Teams.map((t) => [String(t.ID), o.ID] as const)));
  const audience: CatalogueInput['OrgCatalogues'] = [
    ...d.organisations.map((id) => ({ OrganisationID: Number(id) })),
    ...d.teams.flatMap((id) => (teamOrg.has(id) ? [{ OrganisationID: teamOrg.get(id)!, TeamID: Number(id) }] : [])),
  ];

  const save = useMutation({
    mutationFn: async () => {
      const body = {
        ...(d.name.trim() !== '' || saved ? { Name: d.name.trim() } : {}),
        VisibilityStatus: d.visibility,
        Products: d.products.map(Number),
        Plans: d.plans.map(Number),
        OrgCatalogues: audience,
      };
      if (saved) {
        const { data, error, response } = await api.PUT('/portal-api/catalogues/{catalogueId}', { params: { path: { catalogueId: String(saved.ID) } }, body });
        ensureOk(response, error);
        return data!;
      }
      // Without a name the server says "Name: is required", shown at the field.
      const { data, error, response } = await api.POST('/portal-api/catalogues', { body: body as CatalogueInput });
      ensureOk(response, error);
      return data!;
    },
    onSuccess: async (c) => {
      notifyDone(saved ? `Catalogue ${c.Name} saved` : `Catalogue ${c.Name} created`);
      await refresh();
      void navigate('/portal/catalogues');
    },
  });
  const error = save.error;
  // An edit answers the server's objection: it goes until the next save.
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    if (save.error) save.reset();
    setD((prev) => ({ ...prev, [key]: value }));
  };
  // An audience entry's error names its index: organisations come first, then teams.
  const audienceError = (which: 'organisations' | 'teams') => {
    for (let i = 0; i < audience.length; i++) {
      const message = errorFor(error, `OrgCatalogues.${i}`);
      if (message && (i < d.organisations.length) === (which === 'organisations')) return message;
    }
    // An error about the whole list (not one entry) shows under the first picker.
    return which === 'organisations' && error && splitFieldError(error.message).field === 'OrgCatalogues' ? splitFieldError(error.message).message : undefined;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  const orgOptions = orgs.data.map((o) => ({ value: String(o.ID), label: o.Name }));
  const teamOptions = orgs.data
    .filter((o) => o.Teams.length > 0)
    .map((o) => ({ group: o.Name, items: o.Teams.map((t) => ({ value: String(t.ID), label: `${o.Name}: ${t.Name}` })) }));
  const productOptions = (products.data ?? []).map((p) => ({ value: String(p.ID), label: p.DisplayName && p.DisplayName !== p.Name ? `${p.DisplayName} (${p.Name})` : p.Name }));
  // A product listed but hidden from the reader by API ownership is not offered (nor removed: the server keeps it).
  const planById = new Map((plans.data ?? []).map((p) => [String(p.ID), p]));
  const planOptions = (plans.data ?? []).map((p) => ({ value: String(p.ID), label: p.DisplayName !== p.Name ? `${p.DisplayName} (${p.Name})` : p.Name }));
  const chosenPlans = d.plans.flatMap((id) => (planById.has(id) ? [planById.get(id)!] : []));

  return (
    <>
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={820}>
        <PageHeader
          title={saved ? saved.Name : 'Add catalogue'}
          description={saved ? <VisibilityBadge visibility={saved.VisibilityStatus} /> : 'A catalogue lists API products and the plans consumers may choose for them on the Live Portal.'}
          actions={
            saved && writable ? (
              <Button color="red.9" variant="light" onClick={() => setDeleting(true)}>
                Delete catalogue
              </Button>
            ) : undefined
          }
        />
        {error && !isFieldError(error, FIELDS) && (
          <Alert color="red" role="alert" title="Not saved">
            {error.message}
          </Alert>
        )}

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="catalogue-who-heading">
          <Stack gap="md">
            <Title order={2} size="h4" id="catalogue-who-heading">
              Name and visibility
            </Title>
            <TextInput
              label="Name"
              description="Shown to consumers on the Live Portal; unique."
              required
              readOnly={!writable}
              value={d.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={plainFieldError(errorFor(error, 'Name'))}
              maw={480}
            />
            <Radio.Group
              label="Who can see this catalogue"
              value={d.visibility}
              onChange={(v) => set('visibility', v as Draft['visibility'])}
              error={plainFieldError(errorFor(error, 'VisibilityStatus'))}
            >
              <Stack gap="sm" mt="xs">
                <Radio value="Public" disabled={!writable} label="Public" description="Anyone visiting the Live Portal sees it and its products, even without signing in." />
                <Radio
                  value="Private"
                  disabled={!writable}
                  label="Private"
                  description="Only its audience sees it, once signed in: every member of the organisations you choose, and the members of the teams you choose."
                />
              </Stack>
            </Radio.Group>
            {d.visibility === 'Private' && (
              <Stack gap="sm" pl={{ base: 0, sm: 'lg' }}>
                <MultiSelect
                  label="Whole organisations"
                  description="Every member of these organisations sees the catalogue."
                  placeholder={d.organisations.length === 0 ? 'Choose organisations' : undefined}
                  data={orgOptions}
                  value={d.organisations}
                  onChange={(v) => set('organisations', v)}
                  searchable
                  readOnly={!writable}
                  hidePickedOptions
                  nothingFoundMessage="No organisation matches"
                  error={plainFieldError(audienceError('organisations'))}
                  comboboxProps={{ withinPortal: true }}
                />
                <MultiSelect
                  label="Teams"
                  description="Only the members of these teams see the catalogue (not the rest of their organisation)."
                  placeholder={d.teams.length === 0 ? 'Choose teams' : undefined}
                  data={teamOptions}
                  value={d.teams}
                  onChange={(v) => set('teams', v)}
                  searchable
                  readOnly={!writable}
                  hidePickedOptions
                  nothingFoundMessage="No team matches"
                  error={plainFieldError(audienceError('teams'))}
                  comboboxProps={{ withinPortal: true }}
                />
                {audience.length === 0 && (
                  <Text size="sm" c="red.9">
                    Nobody sees a private catalogue until you choose an organisation or a team.
                  </Text>
                )}
                {orgs.error && (
                  <Alert color="yellow" title="Could not load the organisations">
                    {orgs.error.message}
                  </Alert>
                )}
              </Stack>
            )}
          </Stack>
        </Paper>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="catalogue-offer-heading">
          <Stack gap="md">
            <Title order={2} size="h4" id="catalogue-offer-heading">
              Products and plans
            </Title>
            <Text size="sm">Consumers who see the catalogue may ask for access to each of its products with any of its plans.</Text>
            <MultiSelect
              label="Products"
              description="The API products this catalogue lists."
              placeholder={d.products.length === 0 ? 'Choose products' : undefined}
              data={productOptions}
              value={d.products}
              onChange={(v) => set('products', v)}
              searchable
              readOnly={!writable}
              hidePickedOptions
              nothingFoundMessage={products.data?.length === 0 ? 'There are no products yet' : 'No product matches'}
              error={plainFieldError(errorFor(error, 'Products')) ?? products.error?.message}
              comboboxProps={{ withinPortal: true }}
            />
            <MultiSelect
              label="Plans"
              description="The limits consumers may choose for these products."
              placeholder={d.plans.length === 0 ? 'Choose plans' : undefined}
              data={planOptions}
              value={d.plans}
              onChange={(v) => set('plans', v)}
              searchable
              readOnly={!writable}
              hidePickedOptions
              nothingFoundMessage={plans.data?.length === 0 ? 'There are no plans yet' : 'No plan matches'}
              error={plainFieldError(errorFor(error, 'Plans')) ?? plans.error?.message}
              comboboxProps={{ withinPortal: true }}
            />
            {chosenPlans.length > 0 && (
              <Stack gap={4} aria-label="The chosen plans as consumers read them" component="section">
                <Text size="sm" fw={600}>
                  The chosen plans as consumers read them
                </Text>
                <List size="sm" spacing={2}>
                  {chosenPlans.map((p) => (
                    <List.Item key={p.ID}>
                      <Anchor component={Link} to={`/portal/plans/${p.ID}`} size="sm">
                        {p.DisplayName}
                      </Anchor>
                      : {planWords(p)}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            )}
          </Stack>
        </Paper>

        <Group gap="xs">
          {writable && (
            <Button type="submit" loading={save.isPending}>
              {saved ? 'Save changes' : 'Create catalogue'}
            </Button>
          )}
          <Button component={Link} to="/portal/catalogues" variant="default">
            {writable ? 'Cancel' : 'Back to catalogues'}
          </Button>
        </Group>
      </Stack>
    </form>
      {saved && <DeleteCatalogueDialog catalogue={deleting ? saved : null} onClose={() => setDeleting(false)} onDeleted={() => void navigate('/portal/catalogues')} />}
    </>
  );
}
