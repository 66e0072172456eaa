import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Actor } from '../access/actor.js';
import { originOf } from '../http/request-origin.js';
import type { Services } from '../services.js';

const BootstrapBody = Type.Object(
  {
    username: Type.String({ format: 'email', maxLength: 254, description: "The administrator's email" }),
    password: Type.String({ maxLength: 1024 }),
    first_name: Type.String({ minLength: 1, maxLength: 200 }),
    last_name: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

const BootstrapReply = Type.Object({
  code: Type.Literal('OK'),
  message: Type.String(),
  data: Type.Object({ api_token: Type.String() }),
});

const BootstrapStatus = Type.Object({
  bootstrapped: Type.Boolean({ description: 'Whether the first administrator exists' }),
});

/** POST /portal-api/bootstrap: the first administrator, once; GET says whether that has happened (the console's setup page asks). */
export const bootstrapRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/bootstrap',
    {
      schema: {
        operationId: 'getBootstrapStatus',
        tags: ['Bootstrap'],
        summary: 'Whether the first administrator has been created (public: the console shows its setup page until then)',
        security: [],
        response: { 200: BootstrapStatus },
      },
    },
    async () => ({ bootstrapped: await services.bootstrap.isBootstrapped() }),
  );

  app.post(
    '/bootstrap',
    {
      schema: {
        operationId: 'bootstrapPortal',
        tags: ['Bootstrap'],
        summary: 'Create the first administrator (super-admin) while none exists; 409 afterwards',
        body: BootstrapBody,
        response: { 200: BootstrapReply },
      },
    },
    async (req) => {
      const actor: Actor = { kind: 'system', origin: originOf(req) };
      const token = await services.bootstrap.bootstrap(actor, {
        email: req.body.username,
        password: req.body.password,
        firstName: req.body.first_name,
        lastName: req.body.last_name,
      });
      return { code: 'OK' as const, message: 'Bootstrapped user successfully', data: { api_token: token } };
    },
  );
};
