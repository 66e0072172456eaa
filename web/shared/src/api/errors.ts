/**
 * What the web apps make of API errors: the server's message, and the status.
 */

/**
 * The human message of an API error body: the Dashboard API answers
 * `{"Status":"Error","Message":…}`, the portal APIs `{"status":"error","errors":[…]}`.
 */
export function messageOf(body: unknown, fallback = 'Something went wrong. Please try again.'): string {
  if (typeof body === 'object' && body !== null) {
    const b = body as { Message?: unknown; errors?: unknown };
    if (typeof b.Message === 'string' && b.Message !== '') return b.Message;
    if (Array.isArray(b.errors) && b.errors.length > 0) return b.errors.map(String).join('; ');
  }
  return fallback;
}

/** An API call that failed: carries the status and the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Throws an ApiError unless the response succeeded. */
export function ensureOk(response: Response, error: unknown): void {
  if (!response.ok) throw new ApiError(response.status, messageOf(error));
}
