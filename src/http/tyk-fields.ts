import { Type, type TSchema } from 'typebox';
import { TYK_FIELDS, type TykObject } from './tyk-fields.generated.js';

/*
 * Fields of Tyk's objects that Portcullis does not act on ("kept" fields): a
 * Tyk client sends them, so they are accepted, stored as sent in the object's
 * `tyk_fields` JSON column and returned on every read, but nothing in
 * Portcullis ever reads them to decide anything. Which fields are Tyk's comes
 * from Tyk's own descriptions (tyk-fields.generated.ts, scripts/tyk-fields.ts);
 * a field that is neither Tyk's nor Portcullis's is still refused by name.
 */

export type KeptFields = Record<string, unknown>;

/** The Tyk fields of `object` that Portcullis neither acts on nor computes. */
export function keptFieldNames(object: TykObject, notKept: readonly string[]): string[] {
  const skip = new Set(notKept);
  return TYK_FIELDS[object].filter((f) => !skip.has(f));
}

/**
 * Schema properties for kept fields: any JSON value, kept as sent. Typed as
 * nothing on purpose: the code never reads a kept field by name (pickKept
 * copies them), so the static types stay those of the fields Portcullis acts on.
 */
export function keptProperties(names: readonly string[]): Record<never, never> {
  return Object.fromEntries(
    names.map((n) => [n, Type.Optional(Type.Unknown({ description: "A Tyk field Portcullis does not act on: kept as sent and returned" }))]),
  );
}

/** The input's properties plus the kept ones it does not define itself. */
export function withKeptProperties<P extends Record<string, TSchema>>(props: P, names: readonly string[]): P {
  return { ...keptProperties(names.filter((n) => !(n in props))), ...props };
}

/** The kept fields a request body carries (null counts: Tyk clients send it to clear a field). */
export function pickKept(body: object, names: readonly string[]): KeptFields {
  const source = body as Record<string, unknown>;
  const out: KeptFields = {};
  for (const n of names) if (source[n] !== undefined) out[n] = source[n];
  return out;
}

export function storedKept(kept: KeptFields): string {
  return JSON.stringify(kept);
}

export function parseKept(json: string | null | undefined): KeptFields {
  if (!json) return {};
  const value: unknown = JSON.parse(json);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as KeptFields) : {};
}

/**
 * A view with the kept fields it does not set itself, added after its own
 * (its own win, as when the kept fields were spread first). Not written as
 * `{ ...kept, ...own }`: on Node 20 an object literal that opens with a
 * non-empty spread takes a slow path for every property after it, about 3 µs
 * each, which a list paid on every row.
 */
export function withKept<T extends object>(view: T, kept: KeptFields): T {
  const out = view as Record<string, unknown>;
  for (const name of Object.keys(kept)) if (!Object.hasOwn(out, name)) out[name] = kept[name];
  return view;
}

/**
 * Schema properties for fields a reply carries and a client sends back
 * unchanged (ids, timestamps): accepted and ignored on writes, as Tyk ignores
 * them, so that what a GET returns can be sent to PUT as it is.
 */
export function readOnlyProperties(names: readonly string[]): Record<never, never> {
  return Object.fromEntries(names.map((n) => [n, Type.Optional(Type.Unknown({ description: 'Read-only: accepted and ignored' }))]));
}
