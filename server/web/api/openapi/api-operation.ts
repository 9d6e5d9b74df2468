import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ApiResponse {
  description: string;
  /** A JSON body described by a zod schema (its output side). */
  json?: z.ZodType;
  /** Other media types (a PDF, a ZIP, CSV), described in words. */
  media?: Record<string, { description?: string }>;
  headers?: Record<string, { description: string }>;
}

/** One documented operation of the API: the OpenAPI document is built from these and from the zod schemas. */
export interface ApiOperation {
  method: HttpMethod;
  /** OpenAPI form: `/api/v1/batches/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** 'operator': a signed-in operator only (bearer token or session cookie). */
  security?: 'operator';
  parameters?: { name: string; in: 'path' | 'query'; required?: boolean; description: string; schema: z.ZodType }[];
  requestBody?: { description?: string; json?: z.ZodType; multipart?: z.ZodType };
  responses: Record<number, ApiResponse>;
}
