import type { Localized } from '../i18n/language';
import type { Severity } from '../rules/ruleset-types';
import type { AccountType, DamageKind, DeliveryMethod } from './claim-schema';

/** Names of the claim's choices, shared by the form, the result page and the letter. */
export const DAMAGE_KIND_LABELS: Record<DamageKind, Localized> = {
  'lost-mail': { it: 'Posta persa o respinta', en: 'Lost or bounced mail' },
  'missed-deadline': { it: 'Scadenza mancata', en: 'Missed deadline' },
  'lost-income': { it: 'Mancato guadagno', en: 'Lost income' },
  'extra-costs': { it: 'Spese sostenute', en: 'Extra costs' },
  'data-loss': { it: 'Perdita di dati', en: 'Data loss' },
  other: { it: 'Altro', en: 'Other' },
};

export const ACCOUNT_TYPE_LABELS: Record<AccountType, Localized> = {
  free: { it: 'Gratuito', en: 'Free' },
  paid: { it: 'A pagamento', en: 'Paid plan' },
  business: { it: 'Business', en: 'Business' },
};

export const SEVERITY_LABELS: Record<Severity, Localized> = {
  total: { it: 'Interruzione totale', en: 'Total interruption' },
  partial: { it: 'Disservizio parziale', en: 'Partial outage' },
};

export const DELIVERY_LABELS: Record<DeliveryMethod, Localized> = {
  pec: { it: 'PEC', en: 'PEC (certified e-mail)' },
  raccomandata: { it: 'Raccomandata A/R', en: 'Registered letter with return receipt' },
};
