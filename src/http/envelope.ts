import { Type, type Static } from 'typebox';
import { named } from './openapi.js';

/** The Dashboard's reply envelope (Tyk `ApiResponse`). */
export const ApiResponse = named(
  'ApiResponse',
  Type.Object({
  Status: Type.Union([Type.Literal('OK'), Type.Literal('Error')]),
  Message: Type.String(),
  Meta: Type.Unknown(),
  ID: Type.Optional(Type.String({ description: 'The api_id of a created API' })),
  }),
);
export type ApiResponse = Static<typeof ApiResponse>;

export function ok(message: string, meta: unknown = null): ApiResponse {
  return { Status: 'OK', Message: message, Meta: meta };
}

export function errorBody(message: string): ApiResponse {
  return { Status: 'Error', Message: message, Meta: null };
}
