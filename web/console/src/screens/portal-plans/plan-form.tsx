import { Alert, Button, Group, MultiSelect, NativeSelect, NumberInput, Paper, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { idFrom } from '../../route-params.js';
import { useMutation } from '@tanstack/react-query';
import { planWordParts } from '@portcullis/web-shared';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ensureOk } from '../../api.js';
import { errorFor, isFieldError } from '../../components/field-errors.js';
import { notifyDone } from '../../components/notify.js';
import { NotFoundPage, PageHeader } from '../../components/page.js';
import { QueryView } from '../../components/query-states.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { useAllCatalogues } from '../portal-catalogues/queries.js';
import { DeletePlanDialog } from './plans-list.js';
import { plainFieldError, usePlan, useRefreshOfferings, type Plan, type PlanInput } from './queries.js';

const BACK = { backTo: '/portal/plans', backLabel: 'Back to plans' };
const FIELDS = ['Name', 'DisplayName', 'Description', 'RateLimit', 'Per', 'UnlimitedRateLimit', 'Quota', 'QuotaRenewalRate', 'UnlimitedQuota', 'KeyExpiresIn', 'AutoApproveAccessRequests', 'Catalogues'] as const;

type Unit = readonly [seconds: number, label: string];
const RATE_UNITS: readonly Unit[] = [
  [1, 'per second'],
  [60, 'per minute'],
  [3600, 'per hour'],
];
const QUOTA_UNITS: readonly Unit[] = [
  [3600, 'per hour'],
  [86_400, 'per day'],
  [604_800, 'per week'],
  [2_592_000, 'per month (30 days)'],
];
const EXPIRY_UNITS: readonly Unit[] = [
  [3600, 'hours'],
  [86_400, 'days'],
];

interface Draft {
  name: string;
  displayName: string;
  description: string;
  rateUnlimited: boolean;
  rate: number | string;
  per: number;
  quotaUnlimited: boolean;
  quota: number | string;
  quotaPer: number;
  neverExpires: boolean;
  expiry: number | string;
  expiryUnit: number;
  autoApprove: boolean;
  catalogues: string[];
}

const EMPTY: Draft = {
  name: '',
  displayName: '',
  description: '',
  rateUnlimited: true,
  rate: '',
  per: 60,
  quotaUnlimited: true,
  quota: '',
  quotaPer: 2_592_000,
  neverExpires: true,
  expiry: 30,
  expiryUnit: 86_400,
  autoApprove: false,
  catalogues: [],
};

/** A lifetime in seconds as an amount of the largest unit that fits whole (seconds when none does). */
function splitLifetime(seconds: number): [number, number] {
  for (const [size] of [...EXPIRY_UNITS].reverse()) if (seconds % size === 0) return [seconds / size, size];
  return [seconds, 1];
}

function draftOf(p: Plan): Draft {
  const [expiry, expiryUnit] = p.KeyExpiresIn > 0 ? splitLifetime(p.KeyExpiresIn) : [30, 86_400];
  return {
    name: p.Name,
    displayName: p.DisplayName,
    description: p.Description,
    rateUnlimited: p.UnlimitedRateLimit,
    rate: p.UnlimitedRateLimit ? '' : p.RateLimit,
    per: p.UnlimitedRateLimit ? 60 : p.Per,
    quotaUnlimited: p.UnlimitedQuota,
    quota: p.UnlimitedQuota ? '' : p.Quota,
    quotaPer: p.UnlimitedQuota ? 2_592_000 : p.QuotaRenewalRate,
    neverExpires: p.KeyExpiresIn <= 0,
    expiry,
    expiryUnit,
    autoApprove: p.AutoApproveAccessRequests,
    catalogues: p.Catalogues.map(String),
  };
}

/** The units offered, plus the current one when it is none of them (a plan made through the API: "per 10 seconds"). */
function unitOptions(units: readonly Unit[], current: number, odd: (seconds: number) => string) {
  const options = units.map(([value, label]) => ({ value: String(value), label }));
  return units.some(([value]) => value === current) ? options : [...options, { value: String(current), label: odd(current) }];
}

const numberOrUndefined = (v: number | string): number | undefined => (v === '' || Number.isNaN(Number(v)) ? undefined : Number(v));

/** /portal/plans/new */
export function PlanCreatePage({ user }: { user: CurrentUser }) {
  if (!can(user, 'portal', 'write')) return <NotFoundPage {...BACK} />;
  return <PlanForm user={user} saved={null} />;
}

/** /portal/plans/:id: the plan's terms; read-only without `portal: write`. */
export function PlanPage({ user }: { user: CurrentUser }) {
  const { id = '' } = useParams();
  const numeric = idFrom(id);
  const plan = usePlan(numeric);
  if (numeric === null) return <NotFoundPage {...BACK} />;
  return (
    <QueryView query={plan} label="Loading the plan" notFound={BACK}>
      {(p) => <PlanForm key={`${p.ID}-${p.UpdatedAt}`} user={user} saved={p} />}
    </QueryView>
  );
}

/** How consumers will read the plan, as the draft stands. */
function PlanPreview({ d }: { d: Draft }) {
  const rate = numberOrUndefined(d.rate) ?? 0;
  const quota = numberOrUndefined(d.quota) ?? 0;
  const expiry = (numberOrUndefined(d.expiry) ?? 0) * d.expiryUnit;
  const parts = planWordParts({
    RateLimit: rate,
    Per: d.per,
    UnlimitedRateLimit: d.rateUnlimited || !(rate > 0),
    Quota: quota,
    QuotaRenewalRate: d.quotaPer,
    UnlimitedQuota: d.quotaUnlimited || !(quota > 0),
    KeyExpiresIn: d.neverExpires ? 0 : expiry,
    AutoApproveAccessRequests: d.autoApprove,
  });
  const title = d.displayName.trim() || d.name.trim() || 'Untitled plan';
  return (
    <Paper withBorder p="md" radius="md" bg="gray.0" component="section" aria-labelledby="plan-preview-heading">
      <Stack gap={6}>
        <Title order={2} size="h5" id="plan-preview-heading" c="dimmed">
          Preview: how consumers will read this plan
        </Title>
        <Text fw={700}>{title}</Text>
        {d.description.trim() && <Text size="sm">{d.description.trim()}</Text>}
        <Text size="sm" data-testid="plan-preview">
          {parts.join(' · ')}
        </Text>
      </Stack>
    </Paper>
  );
}

function PlanForm({ user, saved }: { user: CurrentUser; saved: Plan | null }) {
  const writable = can(user, 'portal', 'write');
  const navigate = useNavigate();
  const refresh = useRefreshOfferings();
  const catalogues = useAllCatalogues();
  const [d, setD] = useState<Draft>(() => (saved ? draftOf(saved) : EMPTY));
  const [deleting, setDeleting] = useState(false);
  const [expiryMissing, setExpiryMissing] = useState(false);

  const save = useMutation({
    mutationFn: async () => {
      const name = d.name.trim();
      const body: Partial<PlanInput> = {
        // Without a name the server says "Name: is required", shown at the field.
        ...(name !== '' || saved ? { Name: name } : {}),
        ...(d.displayName.trim() !== '' ? { DisplayName: d.displayName.trim() } : saved && name !== '' ? { DisplayName: name } : {}),
        Description: d.description.trim(),
        UnlimitedRateLimit: d.rateUnlimited,
        ...(d.rateUnlimited ? {} : { RateLimit: numberOrUndefined(d.rate), Per: d.per }),
        UnlimitedQuota: d.quotaUnlimited,
        ...(d.quotaUnlimited ? {} : { Quota: numberOrUndefined(d.quota), QuotaRenewalRate: d.quotaPer }),
        KeyExpiresIn: d.neverExpires ? 0 : Math.round(Number(d.expiry) * d.expiryUnit),
        AutoApproveAccessRequests: d.autoApprove,
        Catalogues: d.catalogues.map(Number),
      };
      if (saved) {
        const { data, error, response } = await api.PUT('/portal-api/plans/{planId}', { params: { path: { planId: String(saved.ID) } }, body });
        ensureOk(response, error);
        return data!;
      }
      const { data, error, response } = await api.POST('/portal-api/plans', { body: body as PlanInput });
      ensureOk(response, error);
      return data!;
    },
    onSuccess: async (p) => {
      notifyDone(saved ? `Plan ${p.DisplayName} saved` : `Plan ${p.DisplayName} created`);
      await refresh();
      void navigate('/portal/plans');
    },
  });
  const error = save.error;
  // An edit answers the server's objection: it goes until the next save.
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    if (save.error) save.reset();
    setD((prev) => ({ ...prev, [key]: value }));
  };
  const fieldError = (...names: string[]) => plainFieldError(errorFor(error, ...names));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = !d.neverExpires && !((numberOrUndefined(d.expiry) ?? 0) > 0);
    setExpiryMissing(missing);
    if (!missing) save.mutate();
  };

  const catalogueOptions = (catalogues.data ?? []).map((c) => ({ value: String(c.ID), label: `${c.Name} (${c.VisibilityStatus.toLowerCase()})` }));

  return (
    <>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={820}>
          <PageHeader
            title={saved ? saved.DisplayName : 'Add plan'}
            description={saved ? (saved.DisplayName !== saved.Name ? `Plan ${saved.Name}` : undefined) : 'The limits of the credentials consumers get when they ask for access with this plan.'}
            actions={
              saved && writable ? (
                <Button color="red.9" variant="light" onClick={() => setDeleting(true)}>
                  Delete plan
                </Button>
              ) : undefined
            }
          />
          {error && !isFieldError(error, FIELDS) && (
            <Alert color="red" role="alert" title="Not saved">
              {error.message}
            </Alert>
          )}

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-names-heading">
            <Stack gap="sm">
              <Title order={2} size="h4" id="plan-names-heading">
                Names
              </Title>
              <TextInput
                label="Name"
                description="Your name for the plan, unique; it also names the Dashboard policies behind the plan."
                required
                readOnly={!writable}
                value={d.name}
                onChange={(e) => set('name', e.currentTarget.value)}
                error={fieldError('Name')}
                maw={480}
              />
              <TextInput
                label="Display name"
                description="What consumers see. Empty: the name."
                readOnly={!writable}
                value={d.displayName}
                onChange={(e) => set('displayName', e.currentTarget.value)}
                error={fieldError('DisplayName')}
                maw={480}
              />
              <Textarea
                label="Description"
                description="Shown to consumers with the plan."
                readOnly={!writable}
                autosize
                minRows={2}
                value={d.description}
                onChange={(e) => set('description', e.currentTarget.value)}
                error={fieldError('Description')}
              />
            </Stack>
          </Paper>

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-limits-heading">
            <Stack gap="md">
              <Title order={2} size="h4" id="plan-limits-heading">
                Limits
              </Title>
              <Stack gap="xs">
                <Switch
                  label="Unlimited rate"
                  description="The rate limit caps bursts: requests over it are refused until the next second, minute or hour."
                  disabled={!writable}
                  checked={d.rateUnlimited}
                  onChange={(e) => set('rateUnlimited', e.currentTarget.checked)}
                  error={fieldError('UnlimitedRateLimit')}
                />
                {!d.rateUnlimited && (
                  <Group align="flex-start" gap="sm" wrap="wrap">
                    <NumberInput
                      label="Rate limit"
                      placeholder="e.g. 1,000"
                      required
                      readOnly={!writable}
                      min={0}
                      thousandSeparator=","
                      decimalScale={2}
                      value={d.rate}
                      onChange={(v) => set('rate', v)}
                      error={fieldError('RateLimit')}
                      w={180}
                    />
                    <NativeSelect
                      label="Rate limit period"
                      disabled={!writable}
                      data={unitOptions(RATE_UNITS, d.per, (s) => `per ${s} seconds`)}
                      value={String(d.per)}
                      onChange={(e) => set('per', Number(e.currentTarget.value))}
                      error={fieldError('Per')}
                      w={180}
                    />
                  </Group>
                )}
              </Stack>
              <Stack gap="xs">
                <Switch
                  label="Unlimited quota"
                  description="The quota caps the total: once it is used up, requests are refused until the quota renews."
                  disabled={!writable}
                  checked={d.quotaUnlimited}
                  onChange={(e) => set('quotaUnlimited', e.currentTarget.checked)}
                  error={fieldError('UnlimitedQuota')}
                />
                {!d.quotaUnlimited && (
                  <Group align="flex-start" gap="sm" wrap="wrap">
                    <NumberInput
                      label="Quota"
                      placeholder="e.g. 100,000"
                      required
                      readOnly={!writable}
                      min={1}
                      allowDecimal={false}
                      thousandSeparator=","
                      value={d.quota}
                      onChange={(v) => set('quota', v)}
                      error={fieldError('Quota')}
                      w={180}
                    />
                    <NativeSelect
                      label="Quota period"
                      disabled={!writable}
                      data={unitOptions(QUOTA_UNITS, d.quotaPer, (s) => `per ${s} seconds`)}
                      value={String(d.quotaPer)}
                      onChange={(e) => set('quotaPer', Number(e.currentTarget.value))}
                      error={fieldError('QuotaRenewalRate')}
                      w={200}
                    />
                  </Group>
                )}
              </Stack>
              <Stack gap="xs">
                <Switch
                  label="Credentials never expire"
                  description="Otherwise the credentials consumers get with this plan stop working after the time you set, and they must ask again."
                  disabled={!writable}
                  checked={d.neverExpires}
                  onChange={(e) => set('neverExpires', e.currentTarget.checked)}
                />
                {!d.neverExpires && (
                  <Group align="flex-start" gap="sm" wrap="wrap">
                    <NumberInput
                      label="Credentials expire after"
                      required
                      readOnly={!writable}
                      min={1}
                      allowDecimal={false}
                      thousandSeparator=","
                      value={d.expiry}
                      onChange={(v) => {
                        set('expiry', v);
                        setExpiryMissing(false);
                      }}
                      error={expiryMissing ? 'Required: a number of hours or days.' : fieldError('KeyExpiresIn')}
                      w={180}
                    />
                    <NativeSelect
                      label="Expiry unit"
                      disabled={!writable}
                      data={unitOptions(EXPIRY_UNITS, d.expiryUnit, () => 'seconds')}
                      value={String(d.expiryUnit)}
                      onChange={(e) => set('expiryUnit', Number(e.currentTarget.value))}
                      w={140}
                    />
                  </Group>
                )}
              </Stack>
              <Switch
                label="Auto-approve access requests"
                description="On: consumers get credentials as soon as they ask. Off: each request waits for an API Owner's approval."
                disabled={!writable}
                checked={d.autoApprove}
                onChange={(e) => set('autoApprove', e.currentTarget.checked)}
                error={fieldError('AutoApproveAccessRequests')}
              />
            </Stack>
          </Paper>

          <PlanPreview d={d} />

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-catalogues-heading">
            <Stack gap="sm">
              <Title order={2} size="h4" id="plan-catalogues-heading">
                Where it is offered
              </Title>
              <MultiSelect
                label="Catalogues"
                description="Consumers who see one of these catalogues may choose this plan for its products."
                placeholder={d.catalogues.length === 0 ? 'Choose catalogues' : undefined}
                data={catalogueOptions}
                value={d.catalogues}
                onChange={(v) => set('catalogues', v)}
                searchable
                readOnly={!writable}
                hidePickedOptions
                nothingFoundMessage={catalogues.data?.length === 0 ? 'There are no catalogues yet' : 'No catalogue matches'}
                error={fieldError('Catalogues') ?? catalogues.error?.message}
                comboboxProps={{ withinPortal: true }}
              />
            </Stack>
          </Paper>

          <Group gap="xs">
            {writable && (
              <Button type="submit" loading={save.isPending}>
                {saved ? 'Save changes' : 'Create plan'}
              </Button>
            )}
            <Button component={Link} to="/portal/plans" variant="default">
              {writable ? 'Cancel' : 'Back to plans'}
            </Button>
          </Group>
        </Stack>
      </form>
      {saved && <DeletePlanDialog plan={deleting ? saved : null} onClose={() => setDeleting(false)} onDeleted={() => void navigate('/portal/plans')} />}
    </>
  );
}
