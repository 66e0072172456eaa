import { Type } from 'typebox';
import { NotFound } from '../errors.js';

/**
 * The largest id any table holds: ids are PostgreSQL `integer` (serial) columns,
 * and SQLite rowids are kept in the same range, so one bound serves both stores.
 */
export const ID_MAX = 2_147_483_647;

/** An id sent in a body or a query string: a positive integer that fits an id column. */
export const Id = (options: { description?: string } = {}) => Type.Integer({ minimum: 1, maximum: ID_MAX, ...options });

/**
 * The id written in `raw` (decimal digits, within the id columns' range), or
 * undefined: such a string names nothing, in any table.
 */
export function storedId(raw: string): number | undefined {
  if (!/^\d{1,10}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n <= ID_MAX ? n : undefined;
}

/** Our ids are integers; anything else names nothing, so it answers like an unknown id. */
export function parseNumericId(raw: string, what: string): number {
  const id = storedId(raw);
  if (id === undefined) throw new NotFound(what);
  return id;
}

/** An id written as a string (some Tyk clients send them so): decimal digits, at most ID_MAX. */
export const ID_PATTERN = '^(?:[1-9][0-9]{0,8}|1[0-9]{9}|20[0-9]{8}|21[0-3][0-9]{7}|214[0-6][0-9]{6}|2147[0-3][0-9]{5}|21474[0-7][0-9]{4}|214748[0-2][0-9]{3}|2147483[0-5][0-9]{2}|21474836[0-3][0-9]|214748364[0-7])$';
