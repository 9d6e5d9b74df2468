import request from 'supertest';
import { presentedAssessmentSchema } from '../../server/core/assessment/presented-assessment-schema';
import { errorResponseSchema } from '../../server/core/claim/field-error-schema';
import { workedExampleClaim } from '../fixtures/claims';
import { testApp } from '../support/test-app';

const { app, apiRoutes } = testApp();
type OpenApi = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
        responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
      }
    >
  >;
};

async function documentOf(): Promise<OpenApi> {
  return (await request(app).get('/api/v1/openapi.json').expect(200).expect('Content-Type', /json/)).body as OpenApi;
}

test('an OpenAPI 3.1 document is served at /api/v1/openapi.json', async () => {
  const document = await documentOf();
  expect(document.openapi).toBe('3.1.0');
  const claimBody = document.paths['/api/v1/claims/assess']!.post!.requestBody!.content['application/json']!.schema;
  expect(claimBody).toMatchObject({
    type: 'object',
    required: ['claimant', 'account', 'outages'],
    additionalProperties: false,
  });
  // The inputs of issue 10: termination, the account to be paid into, earlier complaints, contract references.
  const properties = (claimBody as { properties: Record<string, { properties?: Record<string, unknown> }> }).properties;
  expect(Object.keys(properties)).toEqual(expect.arrayContaining(['payment', 'previousComplaints', 'letter']));
  expect(Object.keys(properties.payment!.properties!)).toEqual(['iban', 'holder']);
  expect(Object.keys(properties.letter!.properties!)).toContain('termination');
  expect(Object.keys(properties.account!.properties!)).toEqual(
    expect.arrayContaining(['customerSince', 'customerNumber']),
  );
  const assessed = document.paths['/api/v1/claims/assess']!.post!.responses['200']!.content!['application/json']!
    .schema as { properties: Record<string, { properties?: Record<string, unknown> }> };
  expect(Object.keys(assessed.properties.deadline!.properties!)).toContain('movedFrom');
  expect(Object.keys(assessed.properties)).toEqual(expect.arrayContaining(['delivery', 'court']));
});

test('every route served under /api/v1 is documented, and every documented route is served', async () => {
  const document = await documentOf();
  const documented = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );
  const served = apiRoutes.map((route) => `${route.method.toUpperCase()} ${route.path}`);
  expect(served.length).toBeGreaterThan(0);
  expect([...documented].sort()).toEqual([...served].sort());
});

test('every documented route answers over HTTP (never the "no such route" 404)', async () => {
  const document = await documentOf();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of Object.keys(item)) {
      const url = path.replace(/\{\w+\}/g, 'probe');
      const res = await (request(app) as unknown as Record<string, (url: string) => request.Test>)[method]!(url).set(
        'Accept-Language',
        'en',
      );
      const generic404 =
        res.status === 404 &&
        JSON.stringify(res.body) === JSON.stringify({ errors: [{ path: '', message: 'Not found.' }] });
      expect({ route: `${method} ${path}`, generic404 }).toEqual({ route: `${method} ${path}`, generic404: false });
    }
  }
});

test('answers match the schemas the document was generated from', async () => {
  const assessed = await request(app).post('/api/v1/claims/assess').send(workedExampleClaim()).expect(200);
  expect(() => presentedAssessmentSchema.parse(assessed.body)).not.toThrow();
  const invalid = await request(app).post('/api/v1/claims/assess').send({}).expect(422);
  expect(() => errorResponseSchema.parse(invalid.body)).not.toThrow();
});

test('the send route documents both steps: confirmationCode in the body, confirmation-sent or letter-queued back', async () => {
  const document = (await request(app).get('/api/v1/openapi.json').expect(200)).body;
  const send = document.paths['/api/v1/claims/send'].post;
  const body = send.requestBody.content['application/json'].schema;
  expect(body.properties.confirmationCode).toMatchObject({ type: 'string', pattern: '^\\d{6}$' });
  expect(body.required).not.toContain('confirmationCode');
  const answer = send.responses['202'].content['application/json'].schema;
  const variants = (answer.oneOf ?? answer.anyOf) as { properties: { status: { const: string } } }[];
  expect(variants.map((variant) => variant.properties.status.const).sort()).toEqual([
    'confirmation-sent',
    'letter-queued',
  ]);
  expect(send.responses['429'].headers['Retry-After']).toBeDefined();
  expect(send.description).toMatch(/Without `confirmationCode`/);
});

test('the batch and campaign routes declare their security: a bearer token or the operator session cookie', async () => {
  const document = (await request(app).get('/api/v1/openapi.json').expect(200)).body as {
    components: { securitySchemes: Record<string, Record<string, string>> };
    paths: Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>>;
  };
  expect(document.components.securitySchemes.bearerToken).toMatchObject({ type: 'http', scheme: 'bearer' });
  expect(document.components.securitySchemes.operatorSession).toMatchObject({
    type: 'apiKey',
    in: 'cookie',
    name: 'reclamo_session',
  });
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ route: `${method} ${path}`, operation })),
  );
  for (const { route, operation } of operations) {
    const forOperators = route.includes('/api/v1/batches') || route.includes('/api/v1/campaigns');
    expect({ route, secured: operation.security !== undefined }).toEqual({ route, secured: forOperators });
    if (forOperators) {
      expect(operation.security).toEqual([{ bearerToken: [] }, { operatorSession: [] }]);
      expect(operation.responses).toHaveProperty('401');
    }
  }
});
