import type { CompiledQuery } from 'kysely';
import type { Executor } from './database.js';

/**
 * For queries of a fixed shape on a busy path (authentication, the details of a
 * page of access requests): build and compile the query once per database, then
 * run it with new parameter values. Building a Kysely query costs several times
 * more than SQLite takes to answer it.
 *
 * The built query must use each parameter exactly once, in the order given; this
 * is checked when it is first compiled. A parameter may be an array of ids (bound
 * as one PostgreSQL array, `= any($n)`).
 */
export function compiledOnce<Params extends readonly (string | number | readonly number[])[], Row>(build: (ex: Executor, ...params: Params) => { compile(): CompiledQuery<Row> }) {
  const cache = new WeakMap<Executor, CompiledQuery<Row>>();
  return async (ex: Executor, ...params: Params): Promise<Row[]> => {
    let compiled = cache.get(ex);
    if (!compiled) {
      compiled = build(ex, ...params).compile();
      const same = compiled.parameters.length === params.length && compiled.parameters.every((p, i) => p === params[i]);
      if (!same) throw new Error('compiledOnce: the query must use each parameter once, in order');
      cache.set(ex, compiled);
    }
    const result = await ex.executeQuery<Row>({ ...compiled, parameters: params });
    return result.rows;
  };
}
