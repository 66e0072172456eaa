import { stringify } from 'yaml';

/** The OpenAPI document as YAML (served at /api/openapi.yaml and printed by `portcullis openapi --yaml`). */
export function openApiYaml(document: unknown): string {
  return stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
}
