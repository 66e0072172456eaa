import { sql, type Kysely } from 'kysely';

// Frozen migration: never import application code here.

/**
 * MCP analytics. A request to an API that is an MCP server carries, in its
 * analytics record, the JSON-RPC method it called (`tools/call`, …) and the
 * primitive it named: its type (tool, resource, prompt) and name (a tool's or
 * prompt's name, a resource's URI). Null on every other record. Tyk's MCP
 * activity views read only these records: a partial index on their time keeps
 * them from scanning the rest.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Nullable without a default: instant on both stores, whatever the table's size.
  for (const c of ['mcp_method', 'mcp_primitive_type', 'mcp_primitive_name']) await db.schema.alterTable('analytics_records').addColumn(c, 'text').execute();
  await db.schema
    .createIndex('analytics_records_mcp_at')
    .on('analytics_records')
    .column('at')
    .where(sql.ref('mcp_method'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('analytics_records_mcp_at').execute();
  for (const c of ['mcp_primitive_name', 'mcp_primitive_type', 'mcp_method']) await db.schema.alterTable('analytics_records').dropColumn(c).execute();
}
