import { Checkbox, Group, NumberInput, Stack } from '@mantine/core';
import { errorFor } from '../../components/field-errors.js';
import type { Limits } from './model.js';

/** Rate and quota while edited: "unlimited" is a checkbox, not a magic number. */
export interface LimitsDraft {
  rateLimited: boolean;
  rate: number;
  per: number;
  quotaLimited: boolean;
  quotaMax: number;
  quotaRenewal: number;
}

export function limitsToDraft(l: Limits): LimitsDraft {
  const rateLimited = l.rate > 0 && l.per > 0;
  const quotaLimited = l.quota_max > 0;
  return {
    rateLimited,
    rate: rateLimited ? l.rate : 100,
    per: rateLimited ? l.per : 60,
    quotaLimited,
    quotaMax: quotaLimited ? l.quota_max : 10_000,
    quotaRenewal: quotaLimited && l.quota_renewal_rate > 0 ? l.quota_renewal_rate : 3_600,
  };
}

/** The Tyk fields: rate/per 0 means no rate limit, quota_max -1 no quota. */
export function draftToLimits(d: LimitsDraft): Limits {
  return {
    rate: d.rateLimited ? d.rate : 0,
    per: d.rateLimited ? d.per : 0,
    quota_max: d.quotaLimited ? d.quotaMax : -1,
    quota_renewal_rate: d.quotaLimited ? d.quotaRenewal : -1,
  };
}

const asNumber = (v: string | number): number => (typeof v === 'number' ? v : v.trim() === '' ? 0 : Number(v));

export function LimitsFields({ value, onChange, error }: { value: LimitsDraft; onChange: (next: LimitsDraft) => void; error: Error | null }) {
  const set = (patch: Partial<LimitsDraft>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="sm">
      <Checkbox label="Limit the request rate" checked={value.rateLimited} onChange={(e) => set({ rateLimited: e.currentTarget.checked })} />
      {value.rateLimited && (
        <Group grow align="flex-start" wrap="wrap">
          <NumberInput
            label="Rate (requests)"
            description="Requests allowed per period"
            min={1}
            value={value.rate}
            onChange={(v) => set({ rate: asNumber(v) })}
            error={errorFor(error, 'rate')}
            miw={160}
          />
          <NumberInput
            label="Per (seconds)"
            description="The period, in seconds"
            min={1}
            value={value.per}
            onChange={(v) => set({ per: asNumber(v) })}
            error={errorFor(error, 'per')}
            miw={160}
          />
        </Group>
      )}
      <Checkbox label="Limit the quota" checked={value.quotaLimited} onChange={(e) => set({ quotaLimited: e.currentTarget.checked })} />
      {value.quotaLimited && (
        <Group grow align="flex-start" wrap="wrap">
          <NumberInput
            label="Quota (requests)"
            description="Requests allowed per quota period"
            min={1}
            allowDecimal={false}
            value={value.quotaMax}
            onChange={(v) => set({ quotaMax: asNumber(v) })}
            error={errorFor(error, 'quota_max')}
            miw={160}
          />
          <NumberInput
            label="Quota renews every (seconds)"
            description="3600 is an hour, 86400 a day"
            min={1}
            allowDecimal={false}
            value={value.quotaRenewal}
            onChange={(v) => set({ quotaRenewal: asNumber(v) })}
            error={errorFor(error, 'quota_renewal_rate')}
            miw={160}
          />
        </Group>
      )}
    </Stack>
  );
}
