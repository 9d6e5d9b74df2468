import request from 'supertest';
import { testApp } from '../support/test-app';

const { app } = testApp();

test('/api/docs is a readable page of every documented operation, from the OpenAPI document', async () => {
  const document = (await request(app).get('/api/v1/openapi.json').expect(200)).body as {
    paths: Record<string, Record<string, { summary: string }>>;
  };
  const res = await request(app).get('/api/docs').expect(200).expect('Content-Type', /html/);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      expect(res.text).toContain(`<code>${path}</code>`);
      expect(res.text).toContain(`method-${method.toUpperCase()}`);
      expect(res.text).toContain(op.summary);
    }
  }
  // Request bodies are spelled out field by field, nested paths included, with their constraints.
  expect(res.text).toContain('<code>claimant.address.postalCode</code>');
  expect(res.text).toContain('<code>outages[].incident</code>');
  expect(res.text).toMatch(/one of &quot;free&quot;, &quot;paid&quot;, &quot;business&quot;/);
});

test('the page loads nothing from elsewhere and runs no script', async () => {
  const res = await request(app).get('/api/docs').expect(200);
  expect(res.text).not.toMatch(/<script/i);
  const external = [...res.text.matchAll(/(?:src|href)="([^"]+)"/g)]
    .map((match) => match[1]!)
    .filter((url) => /^(https?:)?\/\//.test(url));
  expect(external).toEqual([]);
  expect(res.headers['content-security-policy']).toBeDefined();
  const css = await request(app).get('/api/docs/api-docs.css').expect(200).expect('Content-Type', /css/);
  expect(css.text).toContain('.method');
});
