/** One CSV cell: quoted when needed, and a leading formula character defused for spreadsheets. */
export function csvCell(v: string | number): string {
  const s = String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV document: a header line, then one line per row. */
export function csvDocument(columns: readonly string[], rows: (string | number)[][]): string {
  return `${[columns.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n')}\n`;
}
