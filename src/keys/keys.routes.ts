import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiIdParams } from '../apis/apis.schemas.js';
import { actorOf } from '../http/authenticate.js';
import { ApiResponse, ok } from '../http/envelope.js';
import { PageQuery } from '../identity/users.schemas.js';
import type { Services } from '../services.js';
import { ApiKeyParams, byHashOnly, CreatedKey, DetailedKeyQuery, KeyBody, KeyData, KeyIdParams, KeyList, KeyLookupQuery, KeysDetailed, KeyUpdateQuery } from './keys.schemas.js';

/** Tyk-compatible keys: /api/keys and /api/apis/{apiID}/keys. */
export const keysRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { keys } = services;
  const tags = ['Keys'];

  app.get('/keys', { schema: { operationId: 'listKeys', tags, summary: 'List the keys you can see (by key hash)', querystring: PageQuery, response: { 200: KeyList } } }, async (req) => {
    const { keys: ids, pages } = await keys.list(actorOf(req), req.query.p);
    return { data: { keys: ids }, pages };
  });

  app.get(
    '/keys/detailed',
    {
      schema: {
        operationId: 'listKeysDetailed',
        tags,
        summary: 'The keys you can see with their details; q: part of the key hash',
        querystring: DetailedKeyQuery,
        response: { 200: KeysDetailed },
      },
    },
    async (req) => {
      const { keys: rows, pages } = await keys.listDetailed(actorOf(req), req.query.p, req.query.q);
      return { keys: rows.map((k) => ({ key_id: k.keyHash, key_hash: k.keyHash, data: k.data })), pages };
    },
  );

  app.post(
    '/keys',
    {
      schema: {
        operationId: 'createKey',
        tags,
        summary: 'Create a key; the key itself (key_id and key, as in Tyk) is returned once, only its hash (key_hash) is stored',
        body: KeyBody,
        response: { 200: CreatedKey },
      },
    },
    async (req) => {
      const created = await keys.create(actorOf(req), req.body);
      return { key: created.key, key_id: created.key, key_hash: created.keyHash, data: created.data };
    },
  );

  app.get(
    '/keys/:keyId',
    { schema: { operationId: 'getKey', tags, summary: 'Get a key by the key itself or its hash (hashed: by its hash only)', params: KeyIdParams, querystring: KeyLookupQuery, response: { 200: KeyData } } },
    async (req) => {
      const k = await keys.get(actorOf(req), req.params.keyId, { hashed: byHashOnly(req.query) });
      return { key_id: k.keyHash, key_hash: k.keyHash, data: k.data };
    },
  );

  app.put(
    '/keys/:keyId',
    {
      schema: {
        operationId: 'updateKey',
        tags,
        summary: 'Update a key, named by the key itself or its hash (hashed: by its hash only)',
        params: KeyIdParams,
        querystring: KeyUpdateQuery,
        body: KeyBody,
        response: { 200: KeyData },
      },
    },
    async (req) => {
      const k = await keys.update(actorOf(req), req.params.keyId, req.body, byHashOnly(req.query));
      return { key_id: k.keyHash, key_hash: k.keyHash, data: k.data };
    },
  );

  app.delete(
    '/keys/:keyId',
    { schema: { operationId: 'deleteKey', tags, summary: 'Delete (revoke) a key, named by the key itself or its hash (hashed: by its hash only)', params: KeyIdParams, querystring: KeyLookupQuery, response: { 200: ApiResponse } } },
    async (req) => {
      await keys.remove(actorOf(req), req.params.keyId, { hashed: byHashOnly(req.query) });
      return ok('Key deleted');
    },
  );

  app.get(
    '/apis/:apiId/keys',
    { schema: { operationId: 'listApiKeys', tags, summary: 'Keys granting this API, directly or through a policy', params: ApiIdParams, querystring: PageQuery, response: { 200: KeyList } } },
    async (req) => {
      const { keys: ids, pages } = await keys.list(actorOf(req), req.query.p, req.params.apiId);
      return { data: { keys: ids }, pages };
    },
  );

  app.get(
    '/apis/:apiId/keys/:keyId',
    {
      schema: {
        operationId: 'getApiKey',
        tags,
        summary: 'A key that grants this API (directly or through a policy), by its hash or the key itself; any other key is 404',
        params: ApiKeyParams,
        querystring: KeyLookupQuery,
        response: { 200: KeyData },
      },
    },
    async (req) => {
      const k = await keys.get(actorOf(req), req.params.keyId, { hashed: byHashOnly(req.query), apiRef: req.params.apiId });
      return { key_id: k.keyHash, key_hash: k.keyHash, data: k.data };
    },
  );

  app.delete(
    '/apis/:apiId/keys/:keyId',
    {
      schema: {
        operationId: 'deleteApiKey',
        tags,
        summary: 'Delete (revoke) a key that grants this API; any other key is 404',
        params: ApiKeyParams,
        querystring: KeyLookupQuery,
        response: { 200: ApiResponse },
      },
    },
    async (req) => {
      await keys.remove(actorOf(req), req.params.keyId, { hashed: byHashOnly(req.query), apiRef: req.params.apiId });
      return ok('Key deleted');
    },
  );
};
