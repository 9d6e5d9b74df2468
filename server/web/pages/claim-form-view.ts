import { ACCOUNT_TYPES, DAMAGE_KINDS, DELIVERY_METHODS, MAX_DAMAGES } from '../../core/claim/claim-schema';
import {
  ACCOUNT_TYPE_LABELS,
  DAMAGE_KIND_LABELS,
  DELIVERY_LABELS,
  SEVERITY_LABELS,
} from '../../core/claim/claim-label-texts';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../core/i18n/language';
import { formatCents } from '../../core/money/money';
import { PROVIDERS, SEVERITIES, type Ruleset } from '../../core/rules/ruleset-types';
import { formatRomeDateTime, parseRomeDateTime } from '../../core/time/rome-time';
import type { Translate } from '../i18n/catalog';
import type { FormErrors } from '../views/form-errors';
import { CUSTOM_INCIDENT, INCIDENTS_FIELD, damageField, formAnswers, type FormState } from './claim-form-state';

export const CLAIM_FORM_SCRIPT = '/static/claim-form.js';

interface Choice {
  value: string;
  label: string;
  detail?: string;
  checked: boolean;
}

function choices(
  values: readonly string[],
  current: string | undefined,
  label: (value: string) => string,
  detail?: (value: string) => string,
): Choice[] {
  return values.map((value) => ({ value, label: label(value), detail: detail?.(value), checked: value === current }));
}

function localDateTime(local: string, language: Language): string {
  const parsed = parseRomeDateTime(local);
  return parsed.ok ? formatRomeDateTime(parsed.instant, language) : local;
}

/** The label of a form field in the page's language (field names are also the keys of their labels). */
export function fieldLabel(field: string, t: Translate): string {
  const damage = /^damages\.(\d+)\.(kind|description|amount)$/.exec(field);
  if (damage) return `${t('damages.row', { number: Number(damage[1]) + 1 })} – ${t(`damages.${damage[2]}`)}`;
  if (field === INCIDENTS_FIELD) return t('outage.incidents');
  return t(field);
}

/** Everything claim-form.hbs shows: the answers, the choices from the ruleset, and the errors if any. */
export function claimFormView(
  state: FormState,
  options: { language: Language; t: Translate; ruleset: Ruleset; errors?: FormErrors },
) {
  const { language, t, ruleset } = options;
  const value = (name: string) => state.values[name];
  const incidents: Choice[] = ruleset.incidents.map((incident) => ({
    value: incident.id,
    label: incident.title[language],
    detail: `${localDateTime(incident.start, language)} – ${localDateTime(incident.end, language)}`,
    checked: state.incidents.includes(incident.id),
  }));
  incidents.push({
    value: CUSTOM_INCIDENT,
    label: t('outage.custom'),
    detail: t('outage.custom.detail'),
    checked: state.incidents.includes(CUSTOM_INCIDENT),
  });

  const damageRows = Array.from({ length: state.damageRows }, (_, row) => ({
    row,
    number: row + 1,
    kindName: damageField(row, 'kind'),
    descriptionName: damageField(row, 'description'),
    amountName: damageField(row, 'amount'),
    kinds: choices(
      DAMAGE_KINDS,
      value(damageField(row, 'kind')),
      (kind) => DAMAGE_KIND_LABELS[kind as keyof typeof DAMAGE_KIND_LABELS][language],
    ),
    removable: state.damageRows > 1,
  }));

  const errors = options.errors;
  return {
    title: errors ? `${t('errors.pageTitle')}: ${t('form.title')}` : t('form.title'),
    values: state.values,
    fieldErrors: errors?.byField ?? {},
    errorSummary: errors?.summary ?? [],
    incidentsField: INCIDENTS_FIELD,
    incidents,
    customChecked: state.incidents.includes(CUSTOM_INCIDENT),
    providers: choices(
      PROVIDERS,
      value('account.provider'),
      (provider) => ruleset.services[provider as keyof Ruleset['services']].name,
    ),
    accountTypes: choices(
      ACCOUNT_TYPES,
      value('account.type'),
      (type) => ACCOUNT_TYPE_LABELS[type as keyof typeof ACCOUNT_TYPE_LABELS][language],
      (type) => t(`account.type.${type}.detail`),
    ),
    plans: ruleset.plans.map((plan) => ({
      value: plan.id,
      label: t('account.plan.option', { name: plan.name, price: formatCents(plan.annualFeeCents, language) }),
      // What the fee field gets when the plan is picked (public/claim-form.js), e.g. `19,99`.
      fee: plan.annualFeeCents > 0 ? formatCents(plan.annualFeeCents, language).replace('€', '').trim() : undefined,
      checked: plan.id === value('account.plan'),
      // Plans of the other service are greyed out once a service is picked (public/claim-form.js).
      providers: plan.providers.join(' '),
    })),
    severities: choices(
      SEVERITIES,
      value('outage.severity'),
      (severity) => SEVERITY_LABELS[severity as keyof typeof SEVERITY_LABELS][language],
    ),
    damageRows,
    canAddDamage: state.damageRows < MAX_DAMAGES,
    maxDamages: MAX_DAMAGES,
    knownOffers: ruleset.incidents.flatMap((incident) =>
      incident.knownOffers.map((offer) => ({
        description: offer.description[language],
        audience: offer.audience[language],
      })),
    ),
    deadlineHint: t('letter.deadlineDays.hint', {
      min: ruleset.deadlineDays.min,
      max: ruleset.deadlineDays.max,
      default: ruleset.deadlineDays.default,
    }),
    deliveries: choices(
      DELIVERY_METHODS,
      value('letter.delivery'),
      (method) => DELIVERY_LABELS[method as keyof typeof DELIVERY_LABELS][language],
    ),
    terminationChoices: [
      {
        value: 'true',
        label: t('letter.termination.choice'),
        checked: value('letter.termination') === 'true',
      },
    ],
    letterLanguages: choices(LANGUAGES, value('letter.language'), (code) => LANGUAGE_NAMES[code as Language]),
    answers: formAnswers(state),
    scripts: [CLAIM_FORM_SCRIPT],
  };
}
