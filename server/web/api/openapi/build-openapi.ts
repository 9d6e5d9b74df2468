import { z } from 'zod';
import type { ApiOperation, ApiResponse } from './api-operation';
import { LANGUAGE_PARAMETER_DESCRIPTION } from './common-responses';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  return rest;
}

function response(spec: ApiResponse): JsonSchema {
  const content: Record<string, JsonSchema> = {};
  if (spec.json) content['application/json'] = { schema: jsonSchema(spec.json, 'output') };
  for (const [media, { description }] of Object.entries(spec.media ?? {})) {
    content[media] = { schema: { type: 'string', contentMediaType: media, ...(description ? { description } : {}) } };
  }
  return {
    description: spec.description,
    ...(Object.keys(content).length ? { content } : {}),
    ...(spec.headers
      ? {
          headers: Object.fromEntries(
            Object.entries(spec.headers).map(([name, { description }]) => [
              name,
              { description, schema: { type: 'string' } },
            ]),
          ),
        }
      : {}),
  };
}

/** Either one is enough: a bearer token (tools, scripts) or the session cookie of a signed-in browser. */
const OPERATOR_SECURITY = [{ bearerToken: [] }, { operatorSession: [] }];

const SECURITY_SCHEMES = {
  bearerToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'An operator API token: `npx reclamo operator token <email> [--label LABEL]` prints one (shown once, stored ' +
      'hashed); `npx reclamo operator revoke <token or id>` revokes it.',
  },
  operatorSession: {
    type: 'apiKey',
    in: 'cookie',
    name: 'reclamo_session',
    description:
      'The session of an operator signed in at /sign-in (`__Host-reclamo_session` when COOKIE_SECURE=true). ' +
      'HttpOnly, SameSite=Strict; a write with it must come from this site (Sec-Fetch-Site: same-origin or a ' +
      'matching Origin), otherwise 403.',
  },
};

function operation(op: ApiOperation): JsonSchema {
  const parameters = [
    ...(op.parameters ?? []).map((parameter) => ({
      name: parameter.name,
      in: parameter.in,
      required: parameter.in === 'path' ? true : Boolean(parameter.required),
      description: parameter.description,
      schema: jsonSchema(parameter.schema, 'input'),
    })),
    {
      name: 'lang',
      in: 'query',
      required: false,
      description: LANGUAGE_PARAMETER_DESCRIPTION,
      schema: { type: 'string', enum: ['it', 'en'] },
    },
  ];
  const body = op.requestBody;
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    ...(op.security === 'operator' ? { security: OPERATOR_SECURITY } : {}),
    parameters,
    ...(body
      ? {
          requestBody: {
            required: true,
            ...(body.description ? { description: body.description } : {}),
            content: {
              ...(body.json ? { 'application/json': { schema: jsonSchema(body.json, 'input') } } : {}),
              ...(body.multipart ? { 'multipart/form-data': { schema: jsonSchema(body.multipart, 'input') } } : {}),
            },
          },
        }
      : {}),
    responses: Object.fromEntries(Object.entries(op.responses).map(([status, spec]) => [status, response(spec)])),
  };
}

export interface OpenApiInfo {
  version: string;
  rulesetVersion: string;
}

/** The OpenAPI 3.1 document of the API, generated from the operations and their zod schemas; never written by hand. */
export function buildOpenApiDocument(operations: readonly ApiOperation[], info: OpenApiInfo): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = operation(op);
  const tags = [...new Set(operations.map((op) => op.tag))].map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Reclamo API',
      version: info.version,
      summary:
        'Formal compensation claims (diffida e messa in mora) for the 2023 Libero Mail and Virgilio Mail outages',
      description:
        `Assess a claim, render the letter as PDF/A, read the rules in force (ruleset ${info.rulesetVersion}). ` +
        'Messages in Italian by default, English with ?lang=en. Not legal advice.',
    },
    tags,
    paths,
    ...(operations.some((op) => op.security) ? { components: { securitySchemes: SECURITY_SCHEMES } } : {}),
  };
}
