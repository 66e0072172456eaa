import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ApiResponse, ok } from '../http/envelope.js';
import { originOf } from '../http/request-origin.js';
import type { Services } from '../services.js';
import { pages } from '../links.js';

const NewBody = Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }) }, { additionalProperties: false });
const ResetBody = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ maxLength: 1024 }),
    password_confirmation: Type.String({ maxLength: 1024 }),
  },
  { additionalProperties: false },
);

const isForm = (contentType: string | undefined) => contentType?.startsWith('application/x-www-form-urlencoded') === true;

/** Password reset by email: POST /auth/password/new, POST /auth/password/reset (JSON or form). */
export const passwordResetRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const tags = ['Sign-in'];

  app.post(
    '/password/new',
    {
      schema: {
        operationId: 'requestPasswordReset',
        tags,
        summary: 'Email a single-use password reset link (valid 30 minutes); the answer is the same for every address',
        security: [],
        body: NewBody,
        response: { 200: ApiResponse, 303: ApiResponse },
      },
    },
    async (req, reply) => {
      await services.passwordReset.request(originOf(req), req.body.email);
      const body = ok('If an active account has this address, a reset link is on its way');
      if (isForm(req.headers['content-type'])) return reply.code(303).header('location', pages.signIn()).send(body);
      return body;
    },
  );

  app.post(
    '/password/reset',
    {
      schema: {
        operationId: 'resetPassword',
        tags,
        summary: "Set a new password with a reset link's token; every session and the access key of the account end",
        security: [],
        body: ResetBody,
        response: { 200: ApiResponse, 303: ApiResponse },
      },
    },
    async (req, reply) => {
      await services.passwordReset.reset(originOf(req), req.body);
      const body = ok('Password changed: sign in with the new password');
      if (isForm(req.headers['content-type'])) return reply.code(303).header('location', pages.signIn()).send(body);
      return body;
    },
  );
};
