import type { Config } from './config.js';
import type { Store } from './db/database.js';

/** What every service is built from. */
export interface AppContext {
  store: Store;
  config: Config;
}
