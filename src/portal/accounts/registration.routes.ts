import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ApiResponse, ok } from '../../http/envelope.js';
import { originOf } from '../../http/request-origin.js';
import type { Services } from '../../services.js';
import { pages } from '../../links.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });

const RegisterBody = Type.Object(
  {
    first: Name,
    last: Name,
    email: Type.String({ format: 'email', maxLength: 254 }),
    password: Type.String({ maxLength: 1024 }),
    password_confirmation: Type.String({ maxLength: 1024 }),
    invite: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "The token of a consumer-admin's invitation" })),
  },
  { additionalProperties: false },
);

/** API consumers' self-registration: POST /auth/password/register (JSON or form). */
export const registrationRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/password/register',
    {
      schema: {
        operationId: 'registerConsumer',
        tags: ['Sign-in'],
        summary: 'Register as an API consumer; inactive until an administrator approves, unless auto-approval applies',
        description:
          'Answers the same whether or not the email already has an account (its owner is emailed instead). ' +
          'Meta.pending_approval says whether an administrator must approve the account first. A form post is answered with 303 to the sign-in page.',
        security: [],
        body: RegisterBody,
        response: { 200: ApiResponse, 303: ApiResponse },
      },
    },
    async (req, reply) => {
      const { pendingApproval } = await services.registration.register(originOf(req), req.body);
      const body = ok(
        pendingApproval ? 'Registration received: an administrator will review it, and you will get an email when your account is active' : 'Registration received: check your email, then sign in',
        { pending_approval: pendingApproval },
      );
      if (req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
        return reply.code(303).header('location', pages.signIn()).send(body);
      }
      return body;
    },
  );
};
