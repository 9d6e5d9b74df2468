import { ConfigError, loadConfig } from '../../server/config/app-config';
import { mailSettings } from '../../server/mail/mail-settings';

function problem(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return 'no error';
}

test('no configuration at all: the local .eml outbox, a sender, the database in the git-ignored data folder', () => {
  const settings = mailSettings(loadConfig({}));
  expect(settings).toMatchObject({
    mode: 'local',
    from: { name: 'Reclamo', address: 'reclamo@reclamo.localhost' },
    providerAddresses: {},
  });
  expect(settings.databasePath).toMatch(/[/\\]data[/\\]reclamo\.sqlite$/);
  expect(settings.mode === 'local' && settings.outboxDir).toMatch(/[/\\]outbox$/);
});

test('SMTP_URL, MAIL_FROM and PROVIDER_ADDRESSES are read and checked, naming the variable', () => {
  const settings = mailSettings(
    loadConfig({
      SMTP_URL: 'smtps://user%40x:p%3Ass@mail.example.org:465',
      MAIL_FROM: '"Associazione Ü" <invii@example.org>',
      PROVIDER_ADDRESSES: 'libero=a@x.it, b@x.it; virgilio=c@y.it',
    }),
  );
  expect(settings).toMatchObject({
    mode: 'smtp',
    from: { name: 'Associazione Ü', address: 'invii@example.org' },
    providerAddresses: { libero: ['a@x.it', 'b@x.it'], virgilio: ['c@y.it'] },
  });
  expect(problem({ SMTP_URL: 'http://mail.example.org' })).toMatch(/SMTP_URL: must look like smtp:\/\//);
  expect(problem({ SMTP_URL: 'smtp://mail.example.org' })).toMatch(/MAIL_FROM: is required when SMTP_URL is set/);
  expect(problem({ MAIL_FROM: 'not an address' })).toMatch(/MAIL_FROM: must be an address/);
  expect(problem({ PROVIDER_ADDRESSES: 'tiscali=a@b.it' })).toMatch(/PROVIDER_ADDRESSES: unknown provider "tiscali"/);
  expect(problem({ PROVIDER_ADDRESSES: 'libero=not-an-address' })).toMatch(
    /PROVIDER_ADDRESSES: libero: needs one or more e-mail addresses/,
  );
  expect(problem({ MAIL_POOL_SIZE: '0' })).toMatch(/MAIL_POOL_SIZE/);
});
