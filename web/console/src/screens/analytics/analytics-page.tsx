import { AreaChart, LineChart } from '@mantine/charts';
import { Alert, Box, Button, Group, Paper, Radio, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { ListTable, sortRows, type Column, type SortState } from '../../components/list-table.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorBlock, LoadingBlock } from '../../components/query-states.js';
import { analyticsScope } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { ChartFigure } from './chart-figure.js';
import { useApiOverTime, useApiTotals, useEndpointTotals, useKeyTotals, useTrafficOverTime, type Counts } from './queries.js';
import {
  bucketLabel,
  bucketsOf,
  daysIn,
  errorRate,
  formatCount,
  formatMs,
  plural,
  lastDays,
  MAX_HOURLY_DAYS,
  parseDay,
  rangeText,
  utcDay,
  type DayRange,
  type Resolution,
} from './range.js';

const DEFAULT_DAYS = 7;
const API_COLORS = ['indigo.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.7'] as const;
const MOST_APIS_CHARTED = API_COLORS.length;

interface View {
  from: string;
  to: string;
  res: Resolution;
}

/**
 * The range and resolution. The screen's own state is the source of truth (so
 * quick successive changes never overwrite each other); the address mirrors it,
 * so a view can be shared or reloaded.
 */
function useRangeParams() {
  const [params, setParams] = useSearchParams();
  const [view, setView] = useState<View>(() => {
    const fallback = lastDays(DEFAULT_DAYS);
    const from = params.get('from');
    const to = params.get('to');
    return {
      from: parseDay(from) ? from! : fallback.from,
      to: parseDay(to) ? to! : fallback.to,
      res: params.get('res') === 'hour' ? 'hour' : 'day',
    };
  });
  useEffect(() => {
    if (params.get('from') === view.from && params.get('to') === view.to && params.get('res') === view.res) return;
    setParams({ from: view.from, to: view.to, res: view.res }, { replace: true });
  }, [view, params, setParams]);
  const update = (next: Partial<View>) => setView((v) => ({ ...v, ...next }));
  return { range: { from: view.from, to: view.to }, res: view.res, update };
}

/** The analytics screen: traffic over time, per API, per endpoint and per key. */
export function AnalyticsPage({ user }: { user: CurrentUser }) {
  const scope = analyticsScope(user);
  const { range, res: wanted, update } = useRangeParams();
  const days = daysIn(range);
  const valid = days > 0;
  const hourly = valid && days <= MAX_HOURLY_DAYS;
  const res: Resolution = wanted === 'hour' && hourly ? 'hour' : 'day';
  const today = utcDay(new Date());

  return (
    <Stack gap="md" maw={1200}>
      <PageHeader
        title="Analytics"
        description={scope === 'owned' ? 'Requests, errors and latency of your APIs, as recorded by the gateway.' : 'Requests, errors and latency of every API, as recorded by the gateway.'}
      />
      {scope === 'owned' && (
        <Alert color="blue" title="You see the traffic of your APIs only">
          Your account shows analytics for owned APIs only: the APIs that you or your user group own, and those that have no owner. Requests to
          other teams&apos; APIs are left out of every number, chart and table on this page.
        </Alert>
      )}

      <Paper withBorder p="md" radius="md" component="form" aria-label="Period" onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end" gap="md" wrap="wrap">
          <DateInput
            label="From"
            description="UTC day"
            valueFormat="YYYY-MM-DD"
            value={range.from}
            maxDate={today}
            onChange={(v) => v && update({ from: v.slice(0, 10) })}
            w={160}
          />
          <DateInput
            label="To"
            description="UTC day, included"
            valueFormat="YYYY-MM-DD"
            value={range.to}
            maxDate={today}
            onChange={(v) => v && update({ to: v.slice(0, 10) })}
            error={valid ? undefined : 'Must not be before the start'}
            w={160}
          />
          <Group gap="xs" wrap="wrap">
            <Button variant="default" onClick={() => update(lastDays(1))}>
              Today
            </Button>
            <Button variant="default" onClick={() => update(lastDays(7))}>
              Last 7 days
            </Button>
            <Button variant="default" onClick={() => update({ ...lastDays(30), res: 'day' })}>
              Last 30 days
            </Button>
          </Group>
          <Radio.Group
            label="Resolution"
            description={hourly ? 'Times are UTC' : `By hour for up to ${MAX_HOURLY_DAYS} days`}
            value={res}
            onChange={(v) => update({ res: v === 'hour' ? 'hour' : 'day' })}
          >
            <Group gap="md" mt={6}>
              <Radio value="day" label="By day" />
              <Radio value="hour" label="By hour" disabled={!hourly} />
            </Group>
          </Radio.Group>
        </Group>
      </Paper>

      {valid ? (
        <AnalyticsContent range={range} res={res} scope={scope === 'owned' ? 'owned' : 'all'} />
      ) : (
        <Alert color="yellow" title="Choose a valid period">
          The end of the period is before its start.
        </Alert>
      )}
    </Stack>
  );
}

function AnalyticsContent({ range, res, scope }: { range: DayRange; res: Resolution; scope: 'owned' | 'all' }) {
  const overTime = useTrafficOverTime(range, res, true);
  const period = rangeText(range);
  const noun = scope === 'owned' ? 'your APIs' : 'all APIs';

  return (
    <Stack gap="md">
      <Text size="sm" role="status" aria-live="polite">
        Showing {period} (UTC), {res === 'hour' ? 'by hour' : 'by day'}, for {noun}.
      </Text>
      <Totals query={overTime} />
      <TrafficCharts query={overTime} range={range} res={res} period={period} />
      <ApiSection range={range} res={res} period={period} />
      <EndpointSection range={range} />
      <KeySection range={range} scope={scope} />
    </Stack>
  );
}

/** The chart's axis label: the hour alone when the range is one day (the day is in the summary). */
function tickLabel(time: string, res: Resolution, range: DayRange): string {
  return res === 'hour' && range.from === range.to ? time.slice(11, 16) : bucketLabel(time, res);
}

type OverTime = ReturnType<typeof useTrafficOverTime>;

function sum(rows: readonly Counts[]) {
  const hits = rows.reduce((n, r) => n + r.hits, 0);
  const errors = rows.reduce((n, r) => n + r.error, 0);
  const latency = hits === 0 ? 0 : rows.reduce((n, r) => n + r.latency * r.hits, 0) / hits;
  const upstream = hits === 0 ? 0 : rows.reduce((n, r) => n + r.upstream_latency * r.hits, 0) / hits;
  return { hits, errors, latency, upstream };
}

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  const id = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Text size="sm" c="dimmed" component="h2" fw={500} m={0} id={id}>
        {label}
      </Text>
      <Text fw={700} fz="xl">
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Paper>
  );
}

function Totals({ query }: { query: OverTime }) {
  if (query.isPending) return <LoadingBlock label="Loading the totals" />;
  if (query.isError) return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;
  const t = sum(query.data);
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
      <Stat label="Requests" value={formatCount(t.hits)} />
      <Stat label="Errors" value={formatCount(t.errors)} detail={t.hits ? `${errorRate(t.errors, t.hits)} of requests` : undefined} />
      <Stat label="Mean latency" value={t.hits ? formatMs(t.latency) : '–'} detail="Whole request" />
      <Stat label="Mean upstream latency" value={t.hits ? formatMs(t.upstream) : '–'} detail="Time spent by the upstream" />
    </SimpleGrid>
  );
}

/** A plain table of numbers, the text alternative of a chart. */
function NumbersTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: { key: string; cells: ReactNode[] }[] }) {
  return (
    <Table.ScrollContainer minWidth={320} maxHeight={420} scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': caption } }}>
      <Table striped verticalSpacing={4} stickyHeader>
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            {headers.map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              {r.cells.map((c, i) =>
                i === 0 ? (
                  <Table.Th key={i} scope="row" fw={400}>
                    {c}
                  </Table.Th>
                ) : (
                  <Table.Td key={i}>{c}</Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TrafficCharts({ query, range, res, period }: { query: OverTime; range: DayRange; res: Resolution; period: string }) {
  const points = useMemo(() => {
    const byTime = new Map((query.data ?? []).map((r) => [r.id.time, r]));
    return bucketsOf(range, res).map((time) => {
      const r = byTime.get(time);
      return {
        time,
        label: bucketLabel(time, res),
        tick: tickLabel(time, res, range),
        hits: r?.hits ?? 0,
        success: r?.success ?? 0,
        errors: r?.error ?? 0,
        status_4xx: r?.status_4xx ?? 0,
        status_5xx: r?.status_5xx ?? 0,
        latency: r && r.hits > 0 ? r.latency : null,
        upstream: r && r.hits > 0 ? r.upstream_latency : null,
      };
    });
  }, [query.data, range, res]);

  if (query.isPending) return <LoadingBlock label="Loading the traffic over time" />;
  if (query.isError) return null; // the totals above already show the error and a retry button
  const busy = points.filter((p) => p.hits > 0);
  if (busy.length === 0) {
    return (
      <Paper withBorder p="md" radius="md">
        <EmptyState title="No traffic in this period">Nothing reached the gateway between these dates. Choose a longer period, or send some requests.</EmptyState>
      </Paper>
    );
  }
  const t = sum(query.data);
  const peak = busy.reduce((a, b) => (b.hits > a.hits ? b : a));
  const unit = res === 'hour' ? 'hour' : 'day';
  const slowest = busy.reduce((a, b) => ((b.latency ?? 0) > (a.latency ?? 0) ? b : a));
  return (
    <>
      <ChartFigure
        title="Requests and errors"
        summary={`${plural(t.hits, 'request')} and ${plural(t.errors, 'error')} from ${period}; the busiest ${unit} was ${peak.label} with ${plural(peak.hits, 'request')}.`}
        chart={
          <AreaChart
            h={260}
            data={points}
            dataKey="tick"
            type="stacked"
            withDots={false}
            accessibilityLayer={false}
            yAxisProps={{ allowDecimals: false }}
            withLegend
            curveType="linear"
            series={[
              { name: 'success', label: 'Successful', color: 'teal.6' },
              { name: 'errors', label: 'Errors', color: 'red.6' },
            ]}
          />
        }
        table={
          <NumbersTable
            caption={`Requests and errors per ${unit} (UTC)`}
            headers={[res === 'hour' ? 'Hour (UTC)' : 'Day (UTC)', 'Requests', 'Errors', '4xx', '5xx']}
            rows={points.map((p) => ({ key: p.time, cells: [p.label, formatCount(p.hits), formatCount(p.errors), formatCount(p.status_4xx), formatCount(p.status_5xx)] }))}
          />
        }
      />
      <ChartFigure
        title="Latency"
        summary={`Requests took ${formatMs(t.latency)} on average, ${formatMs(t.upstream)} of it in the upstream; the slowest ${unit} was ${slowest.label} at ${formatMs(slowest.latency ?? 0)}.`}
        chart={
          <LineChart
            h={220}
            data={points}
            dataKey="tick"
            unit=" ms"
            connectNulls={false}
            accessibilityLayer={false}
            withLegend
            curveType="linear"
            series={[
              { name: 'latency', label: 'Mean request time', color: 'indigo.6' },
              { name: 'upstream', label: 'Mean upstream time', color: 'orange.6' },
            ]}
          />
        }
        table={
          <NumbersTable
            caption={`Mean latency per ${unit} (UTC)`}
            headers={[res === 'hour' ? 'Hour (UTC)' : 'Day (UTC)', 'Requests', 'Mean request time', 'Mean upstream time']}
            rows={busy.map((p) => ({ key: p.time, cells: [p.label, formatCount(p.hits), formatMs(p.latency ?? 0), formatMs(p.upstream ?? 0)] }))}
          />
        }
      />
    </>
  );
}

type ApiRow = NonNullable<ReturnType<typeof useApiTotals>['data']>[number];

function ApiSection({ range, res, period }: { range: DayRange; res: Resolution; period: string }) {
  const totals = useApiTotals(range, true);
  const overTime = useApiOverTime(range, res, true);
  const [sort, setSort] = useState<SortState | null>({ key: 'hits', direction: 'desc' });

  const columns: Column<ApiRow>[] = [
    { key: 'name', header: 'API', sortable: true, render: (r) => r.id.api_name || r.id.api_id },
    { key: 'hits', header: 'Requests', sortable: true, render: (r) => formatCount(r.hits) },
    { key: 'errors', header: 'Errors', sortable: true, render: (r) => formatCount(r.error) },
    { key: 'rate', header: 'Error rate', sortable: true, visibleFrom: 'sm', render: (r) => errorRate(r.error, r.hits) },
    { key: 'latency', header: 'Mean latency', sortable: true, visibleFrom: 'sm', render: (r) => formatMs(r.latency) },
  ];
  const value = (r: ApiRow, k: string) =>
    k === 'name' ? r.id.api_name || r.id.api_id : k === 'hits' ? r.hits : k === 'errors' ? r.error : k === 'rate' ? (r.hits ? r.error / r.hits : 0) : r.latency;

  return (
    <Box component="section" aria-labelledby="analytics-apis" pt="xs">
      <Title order={2} size="h4" id="analytics-apis" mb="sm">
        Traffic per API
      </Title>
      {totals.isPending ? (
        <LoadingBlock label="Loading the traffic per API" />
      ) : totals.isError ? (
        <ErrorBlock error={totals.error} onRetry={() => void totals.refetch()} />
      ) : totals.data.length === 0 ? (
        <EmptyState title="No API received traffic in this period" />
      ) : (
        <Stack gap="md">
          <ListTable caption={`Traffic per API, ${period}`} columns={columns} rows={sortRows(totals.data, sort, value)} rowKey={(r) => r.id.api_id} sort={sort} onSort={setSort} />
          <ApiChart query={overTime} apis={totals.data} range={range} res={res} />
        </Stack>
      )}
    </Box>
  );
}

function ApiChart({ query, apis, range, res }: { query: ReturnType<typeof useApiOverTime>; apis: ApiRow[]; range: DayRange; res: Resolution }) {
  const { points, series } = useMemo(() => {
    const charted = [...apis].sort((a, b) => b.hits - a.hits).slice(0, MOST_APIS_CHARTED);
    const slot = new Map(charted.map((a, i) => [a.id.api_id, `api${i}`]));
    const series: { name: string; label: string; color: string }[] = charted.map((a, i) => ({ name: `api${i}`, label: a.id.api_name || a.id.api_id, color: API_COLORS[i]! }));
    const hasOthers = apis.length > charted.length;
    if (hasOthers) series.push({ name: 'others', label: 'Other APIs', color: 'gray.6' });
    const byTime = new Map<string, Record<string, number>>();
    for (const r of query.data ?? []) {
      const t = r.id.time ?? '';
      const bucket = byTime.get(t) ?? {};
      const k = slot.get(r.id.api_id) ?? 'others';
      bucket[k] = (bucket[k] ?? 0) + r.hits;
      byTime.set(t, bucket);
    }
    const points = bucketsOf(range, res).map((time) => {
      const b = byTime.get(time) ?? {};
      const p: Record<string, string | number> = { time, label: bucketLabel(time, res), tick: tickLabel(time, res, range) };
      for (const s of series) p[s.name] = b[s.name] ?? 0;
      return p;
    });
    return { points, series };
  }, [apis, query.data, range, res]);

  if (query.isPending) return <LoadingBlock label="Loading the requests per API over time" />;
  if (query.isError) return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;
  const unit = res === 'hour' ? 'hour' : 'day';
  const top = series[0]?.label ?? '';
  return (
    <ChartFigure
      title="Requests per API over time"
      summary={
        series.length === 1
          ? `Only ${top} received requests.`
          : `${series.length} APIs received requests; ${top} the most.${apis.length > MOST_APIS_CHARTED ? ` The ${MOST_APIS_CHARTED} busiest are drawn apart, the others together.` : ''}`
      }
      chart={<AreaChart h={240} data={points} dataKey="tick" type="stacked" withDots={false} accessibilityLayer={false} yAxisProps={{ allowDecimals: false }} withLegend curveType="linear" series={series} />}
      table={
        <NumbersTable
          caption={`Requests per API per ${unit} (UTC)`}
          headers={[res === 'hour' ? 'Hour (UTC)' : 'Day (UTC)', ...series.map((s) => s.label)]}
          rows={points.map((p) => ({ key: String(p.time), cells: [String(p.label), ...series.map((s) => formatCount(Number(p[s.name])))] }))}
        />
      }
    />
  );
}

function Pager({ page, pages, onPage, label }: { page: number; pages: number; onPage: (p: number) => void; label: string }) {
  if (pages <= 1) return null;
  return (
    <Group justify="flex-end" gap="xs" mt="sm" aria-label={label} role="group">
      <Text size="sm">
        Page {page} of {pages}
      </Text>
      <Button size="xs" variant="default" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous page
      </Button>
      <Button size="xs" variant="default" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next page
      </Button>
    </Group>
  );
}

type EndpointRow = NonNullable<ReturnType<typeof useEndpointTotals>['data']>['data'][number];

function EndpointSection({ range }: { range: DayRange }) {
  const [state, setState] = useState({ page: 1, for: `${range.from}/${range.to}` });
  const page = state.for === `${range.from}/${range.to}` ? state.page : 1;
  const query = useEndpointTotals(range, page, true);
  const columns: Column<EndpointRow>[] = [
    {
      key: 'endpoint',
      header: 'Endpoint',
      render: (r) => (
        <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {r.id.method} {r.id.path || '/'}
        </Text>
      ),
    },
    { key: 'api', header: 'API', render: (r) => r.id.api_name || r.id.api_id },
    { key: 'hits', header: 'Requests', render: (r) => formatCount(r.hits) },
    { key: 'errors', header: 'Errors', visibleFrom: 'sm', render: (r) => formatCount(r.error) },
    { key: 'latency', header: 'Mean latency', visibleFrom: 'sm', render: (r) => formatMs(r.latency) },
  ];
  return (
    <Box component="section" aria-labelledby="analytics-endpoints" pt="xs">
      <Title order={2} size="h4" id="analytics-endpoints" mb="sm">
        Top endpoints
      </Title>
      {query.isPending ? (
        <LoadingBlock label="Loading the top endpoints" />
      ) : query.isError ? (
        <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.data.length === 0 ? (
        <EmptyState title="No endpoint was called in this period" />
      ) : (
        <>
          <ListTable caption="Endpoints by number of requests" columns={columns} rows={query.data.data} rowKey={(r) => `${r.id.api_id} ${r.id.method} ${r.id.path}`} />
          <Pager label="Pages of endpoints" page={page} pages={query.data.pages} onPage={(p) => setState({ page: p, for: `${range.from}/${range.to}` })} />
        </>
      )}
    </Box>
  );
}

type KeyRow = NonNullable<ReturnType<typeof useKeyTotals>['data']>['data'][number];

const OTHER_KEYS = 'other';

function keyName(r: KeyRow): ReactNode {
  if (r.id.api_key === OTHER_KEYS && r.id.alias === '') return <Text size="sm" fs="italic">Other keys</Text>;
  if (r.id.alias) return r.id.alias;
  return (
    <Text size="sm" ff="monospace" title={r.id.api_key}>
      {r.id.api_key.length > 12 ? `${r.id.api_key.slice(0, 12)}…` : r.id.api_key}
    </Text>
  );
}

function KeySection({ range, scope }: { range: DayRange; scope: 'owned' | 'all' }) {
  const [state, setState] = useState({ page: 1, for: `${range.from}/${range.to}` });
  const page = state.for === `${range.from}/${range.to}` ? state.page : 1;
  const query = useKeyTotals(range, page, true);
  const columns: Column<KeyRow>[] = [
    { key: 'key', header: 'Key', render: keyName },
    { key: 'hits', header: 'Requests', render: (r) => formatCount(r.hits) },
    { key: 'errors', header: 'Errors', render: (r) => formatCount(r.error) },
    { key: 'latency', header: 'Mean latency', visibleFrom: 'sm', render: (r) => formatMs(r.latency) },
  ];
  const hasOther = query.data?.data.some((r) => r.id.api_key === OTHER_KEYS && r.id.alias === '') ?? false;
  return (
    <Box component="section" aria-labelledby="analytics-keys" pt="xs">
      <Title order={2} size="h4" id="analytics-keys" mb={4}>
        Traffic per key
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Keys are named by their alias, or by the start of their hash. Requests without a key are not counted here.
      </Text>
      {query.isPending ? (
        <LoadingBlock label="Loading the traffic per key" />
      ) : query.isError ? (
        <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.data.length === 0 ? (
        <EmptyState title="No key was used in this period" />
      ) : (
        <>
          <ListTable caption="Traffic per key, busiest first" columns={columns} rows={query.data.data} rowKey={(r) => r.id.api_key} />
          {hasOther && (
            <Text size="sm" c="dimmed" mt="xs">
              {scope === 'owned'
                ? '“Other keys” sums the requests to your APIs made with keys you cannot see, such as another team’s keys or deleted ones.'
                : '“Other keys” sums the requests made with keys that are not shown individually.'}
            </Text>
          )}
          <Pager label="Pages of keys" page={page} pages={query.data.pages} onPage={(p) => setState({ page: p, for: `${range.from}/${range.to}` })} />
        </>
      )}
    </Box>
  );
}
