/**
 * Typed domain errors. Services throw these; one error handler (error-handler.ts)
 * turns them into the response envelope of the surface that was called.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the input is wrong; the message names the offending field. */
export class Invalid extends AppError {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(400, `${field}: ${problem}`);
  }
}

export class Unauthorized extends AppError {
  constructor(message = 'Not authorised') {
    super(401, message);
  }
}

export class Forbidden extends AppError {
  constructor(message = 'access denied') {
    super(403, message);
  }
}

/** 404. Also what a hidden object answers: the message never says why. */
export class NotFound extends AppError {
  constructor(what: string) {
    super(404, `${what} not found`);
  }
}

export class Conflict extends AppError {
  constructor(message: string) {
    super(409, message);
  }
}

export class TooManyRequests extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super(429, message, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
  }
}

/** The error a flagged user meets on everything but changing the password. */
export class PasswordChangeRequired extends Forbidden {
  constructor() {
    super('password_change_required: change your password before doing anything else');
  }
}
