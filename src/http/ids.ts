import { NotFound } from './errors.js';

/** Our ids are integers; anything else names nothing, so it answers like an unknown id. */
export function parseNumericId(raw: string, what: string): number {
  if (!/^\d{1,15}$/.test(raw)) throw new NotFound(what);
  return Number(raw);
}
