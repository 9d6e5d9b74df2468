import { schemaFields, type SchemaField } from './schema-fields';

type JsonSchema = Record<string, unknown>;

export interface DocumentedBody {
  mediaType: string;
  fields: SchemaField[];
}

export interface DocumentedOperation {
  anchor: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: { name: string; in: string; required: boolean; description: string }[];
  requestBodies: DocumentedBody[];
  responses: {
    status: string;
    description: string;
    bodies: DocumentedBody[];
    headers: { name: string; description: string }[];
  }[];
}

export interface ApiDocsModel {
  title: string;
  version: string;
  summary: string;
  description: string;
  tags: { name: string; operations: DocumentedOperation[] }[];
}

function bodies(content: unknown): DocumentedBody[] {
  return Object.entries((content ?? {}) as Record<string, { schema?: JsonSchema }>).map(([mediaType, media]) => ({
    mediaType,
    fields: mediaType.includes('json') || mediaType.startsWith('multipart/') ? schemaFields(media.schema ?? {}) : [],
  }));
}

function documentedOperation(path: string, method: string, op: JsonSchema): DocumentedOperation {
  const responses = Object.entries((op.responses ?? {}) as Record<string, JsonSchema>).map(([status, response]) => ({
    status,
    description: String(response.description ?? ''),
    bodies: bodies(response.content),
    headers: Object.entries((response.headers ?? {}) as Record<string, { description?: string }>).map(
      ([name, header]) => ({ name, description: header.description ?? '' }),
    ),
  }));
  return {
    anchor: String(op.operationId ?? `${method}-${path}`),
    method: method.toUpperCase(),
    path,
    summary: String(op.summary ?? ''),
    description: String(op.description ?? ''),
    parameters: ((op.parameters ?? []) as JsonSchema[]).map((parameter) => ({
      name: String(parameter.name),
      in: String(parameter.in),
      required: Boolean(parameter.required),
      description: String(parameter.description ?? ''),
    })),
    requestBodies: bodies((op.requestBody as JsonSchema | undefined)?.content),
    responses,
  };
}

/** What the readable API page shows, taken from the generated OpenAPI document (so the two cannot disagree). */
export function apiDocsModel(document: JsonSchema): ApiDocsModel {
  const info = (document.info ?? {}) as JsonSchema;
  const byTag = new Map<string, DocumentedOperation[]>();
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, Record<string, JsonSchema>>)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = ((op.tags as string[] | undefined) ?? ['api'])[0]!;
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push(documentedOperation(path, method, op));
    }
  }
  return {
    title: String(info.title ?? 'API'),
    version: String(info.version ?? ''),
    summary: String(info.summary ?? ''),
    description: String(info.description ?? ''),
    tags: [...byTag].map(([name, operations]) => ({ name, operations })),
  };
}
