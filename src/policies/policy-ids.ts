import { Invalid } from '../errors.js';
import { storedId } from '../http/ids.js';
import type { PolicyRef } from './policies.repository.js';

/**
 * A client's own policy id: what Tyk-managed definitions carry (a 24-hex
 * ObjectId, or any name safe in a URL path segment). Digits alone are numeric ids.
 */
const CUSTOM_ID = /^(?!\d+$)[A-Za-z0-9._~-]{1,128}$/;

/** What may be written where a policy id is expected (a list filter refuses anything else): digits, or a custom id. */
export const POLICY_ID_SHAPE = new RegExp(`^\\d{1,15}$|${CUSTOM_ID.source}`);

/** The policy `raw` names, or undefined: such a string names no policy, as an unknown id would not. */
export function policyRef(raw: string): PolicyRef | undefined {
  const rowId = storedId(raw);
  if (rowId !== undefined) return { rowId };
  return CUSTOM_ID.test(raw) ? { customId: raw } : undefined;
}

/** A client's `_id` on create: a numeric id (no leading zero) in the id columns' range, or a custom id; else 400. */
export function chosenPolicyRef(raw: string): PolicyRef {
  const ref = policyRef(raw);
  if (ref === undefined || ('rowId' in ref && (ref.rowId < 1 || String(ref.rowId) !== raw))) {
    throw new Invalid('_id', 'a policy id is a number from 1 to 2147483647, or 1 to 128 letters, digits and . _ ~ - (not digits alone)');
  }
  return ref;
}

/** How a policy is known to clients: its own `_id`, else its numeric id. */
export function publicPolicyId(row: { id: number; custom_id: string | null }): string {
  return row.custom_id ?? String(row.id);
}
