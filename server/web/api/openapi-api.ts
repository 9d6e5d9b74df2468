import { Router } from 'express';
import { z } from 'zod';
import type { ApiOperation } from './openapi/api-operation';

export const OPENAPI_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This document',
    description: 'The OpenAPI 3.1 description of the API, generated from the zod schemas that validate the requests.',
    tag: 'meta',
    responses: { 200: { description: 'OpenAPI 3.1 document', json: z.record(z.string(), z.unknown()) } },
  },
];

/** GET /api/v1/openapi.json */
export function openApiRoute(document: object): Router {
  const router = Router();
  const body = JSON.stringify(document);
  router.get('/', (_req, res) => {
    res.type('application/json').send(body);
  });
  return router;
}
