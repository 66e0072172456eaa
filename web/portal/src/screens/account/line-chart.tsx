import { Box, Group, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';

export interface ChartSeries {
  name: string;
  color: string;
  /** One value per point, in the order of `labels`. */
  values: number[];
}

const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 52 };

/** The smallest "round" number (1, 2, 2.5, 5 × 10ⁿ) at or above `n`, so the axis reads well. */
function niceCeil(n: number): number {
  if (n <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}

/**
 * A small line chart drawn in SVG at the width of its container: a line per
 * series, a few gridlines, a handful of time labels and a legend. It is a
 * picture only (hidden from screen readers): the page gives the same numbers in
 * words and as a table.
 */
export function LineChart({ labels, series, format, whole = false }: { labels: string[]; series: ChartSeries[]; format: (n: number) => string; whole?: boolean }) {
  const { ref, width } = useElementSize();
  const highest = niceCeil(Math.max(0, ...series.flatMap((s) => s.values)));
  // Whole numbers (counts of calls) get whole gridlines: a multiple of 4, at least 4.
  const max = whole ? Math.max(4, Math.ceil(highest / 4) * 4) : highest;
  const w = Math.max(width, 200);
  const plotW = w - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (labels.length <= 1 ? plotW / 2 : (i * plotW) / (labels.length - 1));
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const labelEvery = Math.max(1, Math.ceil(labels.length / Math.max(2, Math.floor(plotW / 80))));
  const dots = labels.length <= 45;
  return (
    <Box>
      <Box ref={ref} w="100%" h={HEIGHT}>
        {width > 0 && (
          <svg width={w} height={HEIGHT} viewBox={`0 0 ${w} ${HEIGHT}`} role="presentation" focusable="false">
            {ticks.map((t) => (
              <g key={t}>
                <line x1={PAD.left} x2={w - PAD.right} y1={y(t)} y2={y(t)} stroke="var(--mantine-color-gray-3)" strokeWidth={1} />
                <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill="var(--mantine-color-gray-7)">
                  {format(t)}
                </text>
              </g>
            ))}
            {labels.map((l, i) =>
              i % labelEvery === 0 ? (
                <text key={i} x={x(i)} y={HEIGHT - 8} textAnchor={labels.length === 1 ? 'middle' : i === 0 ? 'start' : i === labels.length - 1 ? 'end' : 'middle'} fontSize={11} fill="var(--mantine-color-gray-7)">
                  {l}
                </text>
              ) : null,
            )}
            {series.map((s) => (
              <g key={s.name}>
                <polyline fill="none" stroke={s.color} strokeWidth={2} strokeLinejoin="round" points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')} />
                {dots && s.values.map((v, i) => <circle key={i} cx={x(i)} cy={y(v)} r={3} fill={s.color} />)}
              </g>
            ))}
          </svg>
        )}
      </Box>
      <Group gap="md" mt={4}>
        {series.map((s) => (
          <Group key={s.name} gap={6}>
            <Box w={14} h={4} bg={s.color} style={{ borderRadius: 2 }} />
            <Text size="xs">{s.name}</Text>
          </Group>
        ))}
      </Group>
    </Box>
  );
}
