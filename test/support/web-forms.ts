import type request from 'supertest';

/** The CSRF token of the first form of a page. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1]!;
}

export type FormFields = Record<string, string | string[]>;

/** urlencoded the way a browser sends it: a repeated name for each ticked checkbox. */
export function encodeForm(fields: FormFields): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const single of ([] as string[]).concat(value)) params.append(name, single);
  }
  return params.toString();
}

/** The worked example of the rules as a person fills the form in. */
export function workedExampleForm(): FormFields {
  return {
    'claimant.firstName': 'Mario',
    'claimant.lastName': 'Rossi',
    'claimant.taxCode': 'RSSMRA79B11C566R',
    'claimant.email': 'mario.rossi@example.org',
    'claimant.address.street': 'Via Roma 12',
    'claimant.address.postalCode': '20121',
    'claimant.address.city': 'Milano',
    'claimant.address.province': 'MI',
    'account.provider': 'libero',
    'account.mailbox': 'mario.rossi@libero.it',
    'account.type': 'paid',
    'account.plan': 'libero-plus-5gb',
    incidents: ['2023-01'],
    'outage.severity': 'total',
    'damages.0.kind': 'lost-mail',
    'damages.0.description': 'Preventivo perso',
    'damages.0.amount': '150,00',
    'compensationReceived.description': 'Estensione di 6 mesi',
    'compensationReceived.amount': '10',
    'letter.place': 'Milano',
    'letter.delivery': 'pec',
    'letter.language': 'it',
  };
}

/** GETs the form (for its cookies and token) and posts the fields to `path` with that token. */
export async function postForm(
  agent: ReturnType<typeof request.agent>,
  path: string,
  fields: FormFields,
): Promise<request.Response> {
  const token = csrfFrom((await agent.get('/')).text);
  return agent
    .post(path)
    .type('form')
    .send(encodeForm({ ...fields, _csrf: token }));
}

/** The worked example's form, not eligible on any day: the ristoro covers indemnity and refund, no damage declared. */
export function coveredForm(): FormFields {
  const {
    'damages.0.kind': _kind,
    'damages.0.description': _description,
    'damages.0.amount': _amount,
    ...rest
  } = workedExampleForm();
  return { ...rest, 'compensationReceived.amount': '100' };
}
