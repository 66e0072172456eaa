import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../db/database.js';
import type { UserActor } from './actor.js';
import { restricted, type Restricted } from './filter.js';

/*
 * Written as `column in (set)` rather than correlated EXISTS: SQLite 3.53 answers
 * an EXISTS nested in another EXISTS wrongly (it found no row where there was
 * one), and these conditions are meant to be nested in other queries.
 */

/**
 * Ids of the catalogues a Live Portal visitor may see: the public ones for
 * everybody, plus the private ones whose audience holds the signed-in consumer's
 * organisation or one of their teams. Staff never reach here as a consumer
 * (addOptionalConsumer drops their credentials), so an audience is made of consumers.
 */
export function visibleCatalogueIds(ex: Executor, consumer: UserActor | null) {
  const open = ex.selectFrom('catalogues as vc').select('vc.id as id').where('vc.visibility', '=', 'public');
  if (!consumer) return open;
  return open
    .union(
      ex
        .selectFrom('catalogue_organisations as co')
        .innerJoin('users as u', 'u.organisation_id', 'co.organisation_id')
        .select('co.catalogue_id as id')
        .where('u.id', '=', consumer.userId),
    )
    .union(
      ex
        .selectFrom('catalogue_teams as ct')
        .innerJoin('team_members as tm', 'tm.team_id', 'ct.team_id')
        .select('ct.catalogue_id as id')
        .where('tm.user_id', '=', consumer.userId),
    );
}

/** Catalogues (by a column holding their id) that the visitor may see. */
export function catalogueFilter(ex: Executor, consumer: UserActor | null, catalogueIdColumn: string): Restricted {
  return restricted(sql<SqlBool>`${sql.ref(catalogueIdColumn)} in (${visibleCatalogueIds(ex, consumer)})`);
}

/**
 * Products a Live Portal visitor may see: those listed in at least one catalogue
 * they may see. No API-ownership rule applies: consumers see what catalogues publish.
 */
export function listedProductFilter(ex: Executor, consumer: UserActor | null, productIdColumn: string): Restricted {
  const listed = ex.selectFrom('catalogue_products as lp').select('lp.product_id').where('lp.catalogue_id', 'in', visibleCatalogueIds(ex, consumer));
  return restricted(sql<SqlBool>`${sql.ref(productIdColumn)} in (${listed})`);
}
