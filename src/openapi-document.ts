import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openMigratedStore } from './db/migrate.js';

/**
 * The OpenAPI document of this build, without a server or a database of the
 * operator's: the app is assembled on a private in-memory SQLite store and asked
 * for its document (the routes' schemas are its only source).
 */
export async function openApiDocument(config: Config): Promise<Record<string, unknown>> {
  const store = await openMigratedStore({ databaseUrl: 'sqlite::memory:' });
  try {
    const { app } = await buildApp({ store, config: { ...config, databaseUrl: 'sqlite::memory:', logLevel: 'silent' } });
    try {
      await app.ready();
      return app.swagger() as unknown as Record<string, unknown>;
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
  }
}
