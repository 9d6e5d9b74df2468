import request from 'supertest';
import { loadConfig } from '../../server/config/app-config';
import { testApp } from '../support/test-app';

test('/.well-known/security.txt names the contact SECURITY_CONTACT gives, and expires within a year', async () => {
  const contact = loadConfig({ SECURITY_CONTACT: 'mailto:security@association.example' }).SECURITY_CONTACT;
  const { app, stop } = testApp({ SECURITY_CONTACT: contact });
  try {
    const res = await request(app)
      .get('/.well-known/security.txt')
      .expect(200)
      .expect('Content-Type', /text\/plain/);
    expect(res.text).toMatch(
      /^Contact: mailto:security@association\.example\nExpires: (\S+)\nPreferred-Languages: it, en\n$/,
    );
    const expires = Date.parse(/Expires: (\S+)/.exec(res.text)![1]!);
    expect(expires - Date.now()).toBeGreaterThan(360 * 24 * 3600 * 1000);
    expect(expires - Date.now()).toBeLessThanOrEqual(366 * 24 * 3600 * 1000);
  } finally {
    await stop();
  }
});

test('without SECURITY_CONTACT there is no security.txt; a contact that is not mailto: or https: is refused', async () => {
  const { app, stop } = testApp();
  try {
    await request(app).get('/.well-known/security.txt').expect(404);
  } finally {
    await stop();
  }
  expect(() => loadConfig({ SECURITY_CONTACT: 'security@example.org' })).toThrow(/SECURITY_CONTACT/);
  expect(() => loadConfig({ SECURITY_CONTACT: 'http://example.org/report' })).toThrow(/SECURITY_CONTACT/);
  expect(loadConfig({ SECURITY_CONTACT: 'https://association.example/security' }).SECURITY_CONTACT).toBe(
    'https://association.example/security',
  );
});
