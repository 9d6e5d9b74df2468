import type { Catalog } from './catalog';

/** Words of the claim form. */
export const FORM_STRINGS: Catalog = {
  'form.title': { it: 'Prepara la tua diffida', en: 'Prepare your formal notice' },
  'form.intro': {
    it:
      'Reclamo verifica se puoi chiedere un indennizzo a Italiaonline S.p.A. per i disservizi di Libero Mail e Virgilio ' +
      'Mail del 2023, calcola quanto chiedere voce per voce e prepara la lettera formale (diffida e messa in mora) in PDF.',
    en:
      'Reclamo checks whether you can claim compensation from Italiaonline S.p.A. for the 2023 Libero Mail and Virgilio ' +
      'Mail outages, works out what to ask for line by line and prepares the formal letter (diffida e messa in mora) as a PDF.',
  },
};
