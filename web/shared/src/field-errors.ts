/**
 * The server names the offending field at the start of a 400's message
 * ("listen_path: must start with /"). This splits such a message so a form can
 * show it next to its field; anything else is a form-level message.
 */
export interface FieldError {
  /** The field path as the server wrote it ("proxy.listen_path", "access_rights.a1.versions"); null when none. */
  field: string | null;
  message: string;
}

const FIELD_MESSAGE = /^([A-Za-z_][\w.[\]-]*): (.+)$/s;

export function splitFieldError(message: string): FieldError {
  const m = FIELD_MESSAGE.exec(message);
  if (!m) return { field: null, message };
  return { field: m[1]!, message: m[2]! };
}

/**
 * The error to show under a form field: the message when the server's error
 * names that field (or one inside it), else undefined. `names` are the field
 * paths the input edits.
 */
export function errorFor(error: Error | null | undefined, ...names: string[]): string | undefined {
  if (!error) return undefined;
  const { field, message } = splitFieldError(error.message);
  if (field === null) return undefined;
  return names.some((n) => field === n || field.startsWith(`${n}.`) || field.startsWith(`${n}[`)) ? message : undefined;
}

/** Whether some form field shows the error (so the form-level alert need not repeat it). */
export function isFieldError(error: Error | null | undefined, fields: readonly string[]): boolean {
  return fields.some((f) => errorFor(error, f) !== undefined);
}
