/** A numeric id from the address (1 to 10 digits, no leading zero), or null, which shows the "not found" page. */
export function idFrom(raw: string | undefined): number | null {
  return raw !== undefined && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}
