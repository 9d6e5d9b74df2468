import { CUSTOM_INCIDENT, DAMAGE_FIELDS, INCIDENTS_FIELD, damageField, type FormState } from './claim-form-state';

export interface FormClaim {
  /** The claim as the API would receive it; the validator decides what is wrong with it. */
  input: Record<string, unknown>;
  /** The form field an error path of the claim belongs to (`''` when none does). */
  fieldOf: (path: string) => string;
}

/** The answers as a claim: empty answers are left out, so the validator says "required" where one is needed. */
export function toClaimInput(state: FormState): FormClaim {
  const value = (name: string): string | undefined => {
    const text = state.values[name];
    return text === undefined || text.trim() === '' ? undefined : text;
  };
  const type = value('account.type');
  const severity = value('outage.severity');
  const outageFields: string[] = [];
  const outages = state.incidents.map((incident) => {
    if (incident !== CUSTOM_INCIDENT) {
      outageFields.push(INCIDENTS_FIELD);
      return { incident, severity };
    }
    outageFields.push(CUSTOM_INCIDENT);
    return { incident, start: value('custom.start'), end: value('custom.end'), severity };
  });

  const damageRows: number[] = [];
  const damages: Record<string, unknown>[] = [];
  for (let row = 0; row < state.damageRows; row += 1) {
    if (value(damageField(row, 'description')) === undefined && value(damageField(row, 'amount')) === undefined)
      continue;
    damageRows.push(row);
    damages.push(Object.fromEntries(DAMAGE_FIELDS.map((field) => [field, value(damageField(row, field))])));
  }

  const receivedDescription = value('compensationReceived.description');
  const receivedAmount = value('compensationReceived.amount');
  const deadlineDays = value('letter.deadlineDays');
  const complaintReference = value('previousComplaints.0.reference');
  const complaintDate = value('previousComplaints.0.date');
  const iban = value('payment.iban');
  const holder = value('payment.holder');

  const input = {
    claimant: {
      firstName: value('claimant.firstName'),
      lastName: value('claimant.lastName'),
      taxCode: value('claimant.taxCode'),
      email: value('claimant.email'),
      pec: value('claimant.pec'),
      phone: value('claimant.phone'),
      address: {
        street: value('claimant.address.street'),
        postalCode: value('claimant.address.postalCode'),
        city: value('claimant.address.city'),
        province: value('claimant.address.province'),
      },
    },
    account: {
      provider: value('account.provider'),
      mailbox: value('account.mailbox'),
      type,
      plan: type === 'free' ? undefined : value('account.plan'),
      annualFee: type === 'free' ? undefined : value('account.annualFee'),
      companyName: type === 'business' ? value('account.companyName') : undefined,
      vatNumber: type === 'business' ? value('account.vatNumber') : undefined,
      customerSince: value('account.customerSince'),
      customerNumber: value('account.customerNumber'),
    },
    outages,
    damages,
    compensationReceived:
      receivedDescription === undefined && receivedAmount === undefined
        ? undefined
        : { description: receivedDescription, amount: receivedAmount },
    previousComplaints:
      complaintReference === undefined && complaintDate === undefined
        ? undefined
        : [{ reference: complaintReference, date: complaintDate }],
    payment: iban === undefined && holder === undefined ? undefined : { iban, holder },
    letter: {
      place: value('letter.place'),
      date: value('letter.date'),
      deadlineDays:
        deadlineDays !== undefined && /^\s*\d{1,4}\s*$/.test(deadlineDays) ? Number(deadlineDays) : deadlineDays,
      delivery: value('letter.delivery'),
      language: value('letter.language'),
      termination: value('letter.termination') === 'true' ? true : undefined,
    },
  };

  const fieldOf = (path: string): string => {
    const parts = path.split('.');
    if (parts[0] === 'outages') {
      const field = outageFields[Number(parts[1])];
      if (parts[2] === 'severity') return 'outage.severity';
      if (field === CUSTOM_INCIDENT && (parts[2] === 'start' || parts[2] === 'end')) return `custom.${parts[2]}`;
      return INCIDENTS_FIELD;
    }
    if (parts[0] === 'damages' && parts.length === 3) {
      const row = damageRows[Number(parts[1])];
      return row === undefined ? '' : `damages.${row}.${parts[2]}`;
    }
    return path;
  };
  return { input, fieldOf };
}
