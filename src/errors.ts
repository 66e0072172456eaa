/**
 * Domain errors. Services, repositories and the access policy throw these; they
 * know nothing of HTTP. Each carries a stable `code`: code that must recognise
 * an error (a caller that turns one into another, the CLI, the startup
 * bootstrap) compares codes, never messages. The HTTP error handler
 * (`src/http/error-handler.ts`) maps codes to statuses and headers in one table.
 * Messages are what callers read, unchanged across versions of this module.
 */

/**
 * What kind of refusal this is. The specific codes (`password_change_required`,
 * `account_inactive`, `already_bootstrapped`, `email_taken`) refine a general
 * one for the code that has to tell them apart; they answer like it.
 */
export type ErrorCode =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'password_change_required'
  | 'account_inactive'
  | 'sso_required'
  | 'not_found'
  | 'conflict'
  | 'already_bootstrapped'
  | 'email_taken'
  | 'too_many_requests'
  | 'bad_gateway';

export type ForbiddenCode = 'forbidden' | 'password_change_required' | 'account_inactive' | 'sso_required';
export type ConflictCode = 'conflict' | 'already_bootstrapped' | 'email_taken';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input is wrong; the message names the offending field. */
export class Invalid extends DomainError {
  constructor(
    readonly field: string,
    /** The message without the field's name. */
    readonly problem: string,
  ) {
    super('invalid', `${field}: ${problem}`);
  }
}

/** No (valid) credential. */
export class Unauthorized extends DomainError {
  constructor(message = 'Not authorised') {
    super('unauthorized', message);
  }
}

/** The actor is known and may not do this. */
export class Forbidden extends DomainError {
  constructor(message = 'access denied', code: ForbiddenCode = 'forbidden') {
    super(code, message);
  }
}

/** Absent. Also what a hidden object answers: the message never says why. */
export class NotFound extends DomainError {
  constructor(what: string) {
    super('not_found', `${what} not found`);
  }
}

/** The change clashes with the stored state (a name taken, an object still in use). */
export class Conflict extends DomainError {
  constructor(message: string, code: ConflictCode = 'conflict') {
    super(code, message);
  }
}

/** Too many attempts; the caller may try again after `retryAfterSeconds`. */
export class TooManyRequests extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('too_many_requests', message);
  }
}

/** A server Portcullis talks to (the mail server) refused or failed; the message says how, in plain words. */
export class UpstreamFailed extends DomainError {
  constructor(message: string) {
    super('bad_gateway', message);
  }
}

/** The error a flagged user meets on everything but changing the password. */
export class PasswordChangeRequired extends Forbidden {
  constructor() {
    super('password_change_required: change your password before doing anything else', 'password_change_required');
  }
}
