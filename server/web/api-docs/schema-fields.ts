type JsonSchema = Record<string, unknown>;

/** One line of a readable schema table: `claimant.address.postalCode`, `string ≤ 10`, required. */
export interface SchemaField {
  name: string;
  depth: number;
  type: string;
  required: boolean;
  constraints: string;
  description: string;
}

function typeOf(schema: JsonSchema): string {
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    return ((schema.anyOf ?? schema.oneOf) as JsonSchema[]).map(typeOf).join(' | ');
  }
  if (schema.type === 'array') return `array of ${typeOf((schema.items ?? {}) as JsonSchema)}`;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  return typeof schema.type === 'string' ? schema.type : 'any';
}

const SAFE_INTEGER = 9007199254740991;

function constraintsOf(schema: JsonSchema): string {
  const parts: string[] = [];
  if (Array.isArray(schema.enum)) parts.push(`one of ${schema.enum.map((value) => JSON.stringify(value)).join(', ')}`);
  if (typeof schema.minimum === 'number' && schema.minimum > -SAFE_INTEGER) parts.push(`≥ ${schema.minimum}`);
  if (typeof schema.maximum === 'number' && schema.maximum < SAFE_INTEGER) parts.push(`≤ ${schema.maximum}`);
  if (typeof schema.minLength === 'number') parts.push(`at least ${schema.minLength} characters`);
  if (typeof schema.maxLength === 'number') parts.push(`at most ${schema.maxLength} characters`);
  if (typeof schema.minItems === 'number') parts.push(`at least ${schema.minItems} items`);
  if (typeof schema.maxItems === 'number') parts.push(`at most ${schema.maxItems} items`);
  if (typeof schema.format === 'string') parts.push(schema.format);
  if (typeof schema.contentMediaType === 'string') parts.push(schema.contentMediaType);
  return parts.join('; ');
}

function objectOf(schema: JsonSchema): JsonSchema | undefined {
  if (schema.type === 'object' && schema.properties) return schema;
  if (schema.type === 'array') return objectOf((schema.items ?? {}) as JsonSchema);
  return undefined;
}

/** Flattens a JSON Schema (as generated from zod, no $refs) into rows a person can read top to bottom. */
export function schemaFields(schema: JsonSchema, prefix = '', depth = 0): SchemaField[] {
  const object = objectOf(schema);
  if (!object)
    return prefix
      ? []
      : [
          {
            name: '(body)',
            depth: 0,
            type: typeOf(schema),
            required: true,
            constraints: constraintsOf(schema),
            description: String(schema.description ?? ''),
          },
        ];
  const required = new Set((object.required as string[] | undefined) ?? []);
  const rows: SchemaField[] = [];
  for (const [key, value] of Object.entries(object.properties as Record<string, JsonSchema>)) {
    const name = prefix ? `${prefix}.${key}` : key;
    const items = value.type === 'array' ? ((value.items ?? {}) as JsonSchema) : undefined;
    rows.push({
      name: items ? `${name}[]` : name,
      depth,
      type: typeOf(value),
      required: required.has(key),
      constraints: [constraintsOf(value), items ? constraintsOf(items) : ''].filter(Boolean).join('; '),
      description: String(value.description ?? items?.description ?? ''),
    });
    rows.push(...schemaFields(value, items ? `${name}[]` : name, depth + 1));
  }
  return rows;
}
