import { compileLetterTemplate } from '../../server/core/letter/letter-template';
import { typeset } from '../../server/core/letter/typeset';

test('a template that reads a field the context lacks fails, in a condition too (no branch silently dropped)', () => {
  const template = compileLetterTemplate('{{#block "paragraphs"}}{{#if refnd}}rimborso{{/if}}{{/block}}');
  expect(() => template({ refund: null })).toThrow('the context has no field "refnd"');
  const nested = compileLetterTemplate('{{#block "paragraphs"}}{{#if account.fre}}x{{/if}}{{/block}}');
  expect(() => nested({ account: { free: true } })).toThrow('"account.fre"');
  const fine = compileLetterTemplate('{{#block "paragraphs"}}{{#if refund}}rimborso{{else}}nulla{{/if}}{{/block}}');
  expect(fine({ refund: null }).blocks).toEqual([{ kind: 'paragraphs', items: ['nulla'] }]);
});

test('typesetting keeps citations, amounts and times on one line and drops a doubled full stop', () => {
  const nbsp = '\u00a0';
  expect(typeset('(art. 1218 c.c.) e artt. 1341 e 1342')).toBe(
    `(art.${nbsp}1218${nbsp}c.c.) e artt.${nbsp}1341 e 1342`,
  );
  expect(typeset('comma 2, lett. b), n. 123456')).toBe(`comma${nbsp}2, lett.${nbsp}b), n.${nbsp}123456`);
  expect(typeset('6,00 € per 6 giorni, ore 22:00')).toBe(`6,00${nbsp}€ per 6${nbsp}giorni, ore${nbsp}22:00`);
  expect(typeset('D.Lgs. 206/2005 e D.L. 132/2014')).toBe(`D.Lgs.${nbsp}206/2005 e D.L.${nbsp}132/2014`);
  expect(typeset('a carico di Italiaonline S.p.A..')).toBe('a carico di Italiaonline S.p.A.');
  expect(typeset('Mario Rossi. Fine.')).toBe('Mario Rossi. Fine.');
});
