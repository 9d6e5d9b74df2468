import { LANGUAGES } from '../../../server/core/i18n/language';
import { translator } from '../../../server/web/i18n/catalog';
import { UI_STRINGS } from '../../../server/web/i18n/ui-texts';
import { INCIDENTS_FIELD, SINGLE_FIELDS, damageField } from '../../../server/web/pages/claim-form-state';
import { fieldLabel } from '../../../server/web/pages/claim-form-view';

test('every field of the form has a label in every language, for the error summary', () => {
  const fields = [...SINGLE_FIELDS, INCIDENTS_FIELD, damageField(0, 'kind'), damageField(3, 'amount')];
  for (const language of LANGUAGES) {
    const t = translator(UI_STRINGS, language);
    const missing = fields.filter((field) => fieldLabel(field, t).includes('⟦'));
    expect({ language, missing }).toEqual({ language, missing: [] });
  }
  expect(fieldLabel(damageField(3, 'amount'), translator(UI_STRINGS, 'en'))).toBe('Damage 4 – Amount in euros');
});
