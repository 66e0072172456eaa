import { Alert, Anchor, Button, Center, Group, Loader, Paper, Radio, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { pages } from '@portcullis/web-shared';
import { useId, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { usePageMeta } from '../../page-meta.js';
import { PageState } from '../page-state.js';
import { LineChart } from './line-chart.js';
import { useAppUsage, useMyApp, type AppUsage } from './queries.js';

const DAY_MS = 86_400_000;
/** By hour for periods up to this many days (the server allows 31; more points would not read). */
const MAX_HOURLY_DAYS = 7;
const MAX_DAYS = 366;

const utcDay = (d: Date) => d.toISOString().slice(0, 10);
function parseDay(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return utcDay(date) === value ? date : null;
}
function lastDays(days: number): { from: string; to: string } {
  const today = new Date();
  return { from: utcDay(new Date(today.getTime() - (days - 1) * DAY_MS)), to: utcDay(today) };
}

const count = new Intl.NumberFormat('en-GB');
const ms = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const dayLabel = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
const longDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const hourLabel = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const plural = (n: number, noun: string) => `${count.format(n)} ${noun}${n === 1 ? '' : 's'}`;
const formatMs = (n: number) => `${ms.format(n)} ms`;

/** /portal/apps/:id/usage: one app's calls, errors and response times through the gateway, over a period. */
export function AppUsagePage() {
  const { id } = useParams();
  const appId = Number(id);
  const app = useMyApp(appId);
  return (
    <PageState query={app} label="Loading the app">
      {(a) => <UsageView appId={a.ID} name={a.Name} />}
    </PageState>
  );
}

function UsageView({ appId, name }: { appId: number; name: string }) {
  usePageMeta(`Usage of ${name}`, `Calls, errors and response times of the app ${name} through the gateway.`);
  const [period, setPeriod] = useState(() => lastDays(7));
  const [wanted, setWanted] = useState<'day' | 'hour'>('day');
  const from = parseDay(period.from);
  const to = parseDay(period.to);
  const days = from && to && to >= from ? Math.round((to.getTime() - from.getTime()) / DAY_MS) + 1 : 0;
  const problem = !from ? 'from' : !to ? 'to' : days === 0 ? 'order' : days > MAX_DAYS ? 'long' : null;
  const hourly = problem === null && days <= MAX_HOURLY_DAYS;
  const res = wanted === 'hour' && hourly ? 'hour' : 'day';
  const usage = useAppUsage(appId, period.from, period.to, res, problem === null);

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} to={pages.consumerApp(appId)} size="sm" underline="always">
          Back to {name}
        </Anchor>
        <Title order={1}>Usage of {name}</Title>
        <Text>Calls made through the gateway with this app&apos;s keys: how many, how many failed, and how long they took to answer. Days and hours are in UTC.</Text>
      </Stack>

      <Paper withBorder p="md" radius="md" component="form" aria-label="Period" onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            type="date"
            label="From"
            value={period.from}
            onChange={(e) => setPeriod((p) => ({ ...p, from: e.currentTarget.value }))}
            error={problem === 'from' ? 'Enter a day' : undefined}
            w={170}
          />
          <TextInput
            type="date"
            label="To (included)"
            value={period.to}
            onChange={(e) => setPeriod((p) => ({ ...p, to: e.currentTarget.value }))}
            error={problem === 'to' ? 'Enter a day' : problem === 'order' ? 'Must not be before the start' : problem === 'long' ? `At most ${MAX_DAYS} days` : undefined}
            w={170}
          />
          <Group gap="xs">
            <Button variant="default" onClick={() => setPeriod(lastDays(7))}>
              Last 7 days
            </Button>
            <Button variant="default" onClick={() => setPeriod(lastDays(30))}>
              Last 30 days
            </Button>
          </Group>
          <Radio.Group label="Points" description={hourly ? undefined : `By hour for up to ${MAX_HOURLY_DAYS} days`} value={res} onChange={(v) => setWanted(v === 'hour' ? 'hour' : 'day')}>
            <Group gap="md" mt={6}>
              <Radio value="day" label="By day" />
              <Radio value="hour" label="By hour" disabled={!hourly} />
            </Group>
          </Radio.Group>
        </Group>
      </Paper>

      {problem !== null ? (
        <Alert color="yellow" title="Choose a valid period">
          Enter two days, the second not before the first, at most {MAX_DAYS} days apart.
        </Alert>
      ) : usage.isPending ? (
        <Center py="xl">
          <Loader aria-label="Loading the usage" role="status" />
        </Center>
      ) : usage.isError ? (
        <Alert color="red" role="alert" title="The usage could not be loaded">
          {usage.error.message}
        </Alert>
      ) : (
        <UsageFigures usage={usage.data} />
      )}
    </Stack>
  );
}

function periodText(u: AppUsage): string {
  const a = longDay.format(parseDay(u.From)!);
  const b = longDay.format(parseDay(u.To)!);
  return u.From === u.To ? a : `${a} to ${b}`;
}

function UsageFigures({ usage: u }: { usage: AppUsage }) {
  const period = periodText(u);
  const t = u.Totals;
  if (t.Requests === 0) {
    return (
      <Paper withBorder p="lg" radius="md" role="status">
        <Stack gap={4}>
          <Title order={2} size="h4">
            No calls yet in this period
          </Title>
          <Text size="sm">
            Nothing reached the gateway with this app&apos;s keys from {period}. Calls appear here a few seconds after they are made; try a longer period if you
            expected some.
          </Text>
        </Stack>
      </Paper>
    );
  }
  const label = (iso: string) => (u.Resolution === 'hour' ? (u.From === u.To ? hourLabel.format(new Date(iso)) : `${dayLabel.format(new Date(iso))} ${hourLabel.format(new Date(iso))}`) : dayLabel.format(new Date(iso)));
  const unit = u.Resolution === 'hour' ? 'hour' : 'day';
  const busiest = u.Series.reduce((a, b) => (b.Requests > a.Requests ? b : a));
  const slowest = u.Series.reduce((a, b) => (b.AverageLatency > a.AverageLatency ? b : a));
  const labels = u.Series.map((p) => label(p.Time));
  const rate = ms.format((t.Errors / t.Requests) * 100);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <Figure label="Calls" value={count.format(t.Requests)} />
        <Figure label="Errors" value={`${count.format(t.Errors)} (${rate} %)`} />
        <Figure label="Average response time" value={formatMs(t.AverageLatency)} />
      </SimpleGrid>
      <ChartSection
        title="Calls and errors"
        summary={`${plural(t.Requests, 'call')} from ${period}, ${plural(t.Errors, 'error')} among them (answers with a status of 400 or more). The busiest ${unit} was ${label(busiest.Time)} with ${plural(busiest.Requests, 'call')}.`}
        chart={
          <LineChart
            labels={labels}
            whole
            format={(n) => count.format(n)}
            series={[
              { name: 'Calls', color: 'var(--mantine-color-blue-7)', values: u.Series.map((p) => p.Requests) },
              { name: 'Errors', color: 'var(--mantine-color-red-8)', values: u.Series.map((p) => p.Errors) },
            ]}
          />
        }
        table={<NumbersTable caption={`Calls and errors per ${unit}, ${period}`} headers={[unit === 'hour' ? 'Hour (UTC)' : 'Day', 'Calls', 'Errors']} rows={u.Series.map((p, i) => ({ key: p.Time, cells: [labels[i], count.format(p.Requests), count.format(p.Errors)] }))} />}
      />
      <ChartSection
        title="Response time"
        summary={`Calls took ${formatMs(t.AverageLatency)} on average to answer; the slowest ${unit} was ${label(slowest.Time)} at ${formatMs(slowest.AverageLatency)}.`}
        chart={<LineChart labels={labels} format={(n) => `${ms.format(n)} ms`} series={[{ name: 'Average response time', color: 'var(--mantine-color-grape-7)', values: u.Series.map((p) => p.AverageLatency) }]} />}
        table={
          <NumbersTable
            caption={`Average response time per ${unit}, ${period}`}
            headers={[unit === 'hour' ? 'Hour (UTC)' : 'Day', 'Average response time']}
            rows={u.Series.map((p, i) => ({ key: p.Time, cells: [labels[i], p.Requests === 0 ? 'No calls' : formatMs(p.AverageLatency)] }))}
          />
        }
      />
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

/** A chart with its words: a title, a one-sentence summary, and a "Show as table" switch giving the same numbers as a table. */
function ChartSection({ title, summary, chart, table }: { title: string; summary: string; chart: ReactNode; table: ReactNode }) {
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" gap="xs" mb={4}>
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        <Switch label="Show as table" checked={asTable} onChange={(e) => setAsTable(e.currentTarget.checked)} size="sm" />
      </Group>
      <Text size="sm" mb="sm">
        {summary}
      </Text>
      {asTable ? table : <div aria-hidden>{chart}</div>}
    </Paper>
  );
}

function NumbersTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: { key: string; cells: ReactNode[] }[] }) {
  return (
    <Table.ScrollContainer minWidth={280} maxHeight={420} scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': caption } }}>
      <Table striped verticalSpacing={4} stickyHeader>
        <Table.Caption>{caption}</Table.Caption>
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
