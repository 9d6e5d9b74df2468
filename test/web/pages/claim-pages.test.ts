import request from 'supertest';
import { flatText, pdfText } from '../../support/pdf-tools';
import { testApp } from '../../support/test-app';
import { coveredForm, encodeForm, postForm, workedExampleForm, type FormFields } from '../../support/web-forms';

const { app, internalErrors } = testApp();

afterEach(() => expect(internalErrors).toEqual([]));

/** The visible text of an HTML fragment, entities decoded, spaces folded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&#x3D;/g, '=')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function between(html: string, start: string, end: string): string {
  const from = html.indexOf(start);
  return html.slice(from, html.indexOf(end, from));
}

test('the worked example gives an eligible result: reasons, line by line with basis, total, deadline, preview', async () => {
  const res = await postForm(request.agent(app), '/claim', workedExampleForm()).then((r) => r);
  expect(res.status).toBe(200);
  const text = textOf(res.text);
  expect(text).toContain('La richiesta risulta fondata');
  expect(text).toContain('Mancata fruizione del servizio (liquidazione equitativa)');
  expect(text).toContain('Base giuridica: art. 1226 c.c.');
  expect(text).toContain('Restituzione del canone');
  expect(text).toContain('Risarcimento dei danni subiti');
  expect(text).toContain('Ristoro già ricevuto, detratto');
  expect(res.text).toMatch(/id="compensation-total">[\d.,]+ €</);
  expect(text).toContain('entro il 09/12/2026');
  expect(res.text).toContain('id="letter-preview"');
  expect(res.text).toContain('id="download-pdf"');
  expect(res.text).not.toContain('⟦');
  // The claimant is told, before downloading, that the PDF carries the claim's data (and which).
  expect(textOf(between(res.text, 'id="letter-data-note"', '</p>'))).toContain(
    'Il PDF contiene anche, in un file allegato leggibile da un programma (reclamo-claim.json), i dati di questa ' +
      'richiesta: nome, codice fiscale',
  );
});

test('the PDF downloaded from the result has the same text as the HTML preview', async () => {
  const agent = request.agent(app);
  const result = await postForm(agent, '/claim', workedExampleForm());
  const pdf = await postForm(agent, '/claim/letter.pdf', workedExampleForm()).then((r) => r);
  expect(pdf.status).toBe(200);
  expect(pdf.type).toBe('application/pdf');
  expect(pdf.headers['content-disposition']).toBe('attachment; filename="diffida-rossi-mario-2026-11-23.pdf"');
  const pdfWords = flatText(pdf.body as Buffer).replace(/\/ /g, '/');
  const previewWords = textOf(between(result.text, '<article class="letter"', '</article>'));
  // Every sentence of the preview is in the PDF in the same order (the PDF adds only its page footers).
  const sentences = previewWords.split(/(?<=[.:;])\s+/).filter((sentence) => sentence.length > 20);
  expect(sentences.length).toBeGreaterThan(10);
  let position = 0;
  for (const sentence of sentences) {
    const found = pdfWords.indexOf(sentence, position);
    expect({ sentence, found: found >= 0 }).toEqual({ sentence, found: true });
    position = found;
  }
  // …and every line of the PDF is in the preview, except the page footers.
  const pdfLines = pdfText(pdf.body as Buffer)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line && !/^Pagina \d+ di \d+$/.test(line) && !/^Diffida generata con Reclamo/.test(line));
  expect(pdfLines.length).toBeGreaterThan(50);
  expect(pdfLines.filter((line) => !previewWords.includes(line))).toEqual([]);
});

test('a broken form comes back with an error summary linking to each field, messages next to them, answers kept', async () => {
  const fields: FormFields = {
    ...workedExampleForm(),
    'claimant.taxCode': 'RSSMRA79B11C566X',
    'account.mailbox': 'not-an-address',
    'damages.0.amount': 'tanti',
  };
  delete fields['claimant.firstName'];
  const res = await postForm(request.agent(app), '/claim', fields);
  expect(res.status).toBe(422);
  const summary = between(res.text, 'class="error-summary"', '</div>');
  expect(summary).toContain('Ci sono dei problemi');
  expect(summary).toContain('Nome: ');
  expect(summary).toContain('Danno 1 – Importo in euro: ');
  for (const id of ['f-claimant-firstName', 'f-claimant-taxCode', 'f-account-mailbox', 'f-damages-0-amount']) {
    expect(summary).toContain(`href="#${id}"`);
    expect(res.text).toContain(`id="${id}-error"`);
    expect(res.text).toMatch(new RegExp(`id="${id}"[^>]*aria-invalid="true"`));
  }
  expect(res.text).toMatch(/<title>Errore: /);
  expect(res.text).toContain('value="RSSMRA79B11C566X"');
  expect(res.text).toContain('value="tanti"');
  expect(res.text).toContain('value="Preventivo perso"');
  expect(res.text).toMatch(/value="2023-01" checked/);
  expect(res.text).toMatch(/value="libero-plus-5gb" selected/);
});

test('the language switch of a form with errors keeps the answers and shows the errors in the other language', async () => {
  const agent = request.agent(app);
  const broken = await postForm(agent, '/claim', { ...workedExampleForm(), 'claimant.taxCode': 'RSSMRA79B11C566X' });
  const nav = between(broken.text, '<nav class="language-switch"', '</nav>');
  expect(nav).toMatch(/formaction="\/claim\?lang(=|&#x3D;)en"/);
  const fields: Record<string, string[]> = {};
  for (const match of nav.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    (fields[match[1]!] ??= []).push(match[2]!);
  const english = await agent.post('/claim?lang=en').type('form').send(encodeForm(fields)).expect(422);
  expect(english.text).toContain('<html lang="en">');
  expect(english.text).toContain('There is a problem');
  expect(english.text).toContain('value="RSSMRA79B11C566X"');
});

test('errors are in the page language', async () => {
  const fields = { ...workedExampleForm(), 'claimant.taxCode': '' };
  const res = await postForm(request.agent(app), '/claim?lang=en', fields);
  expect(res.status).toBe(422);
  expect(res.text).toContain('There is a problem');
  expect(between(res.text, 'class="error-summary"', '</div>')).toContain('href="#f-claimant-taxCode"');
});

test('no outage ticked and a custom period without dates point at the right fields', async () => {
  const none = await postForm(request.agent(app), '/claim', { ...workedExampleForm(), incidents: [] });
  expect(none.status).toBe(422);
  expect(between(none.text, 'class="error-summary"', '</div>')).toContain('href="#f-incidents"');
  const custom = await postForm(request.agent(app), '/claim', { ...workedExampleForm(), incidents: ['custom'] });
  expect(custom.status).toBe(422);
  const summary = between(custom.text, 'class="error-summary"', '</div>');
  expect(summary).toContain('href="#f-custom-start"');
  expect(summary).toContain('href="#f-custom-end"');
});

test('a claim that is not eligible says why and what the person can still do, with no PDF button', async () => {
  const res = await postForm(request.agent(app), '/claim', coveredForm());
  expect(res.status).toBe(200);
  const text = textOf(res.text);
  expect(text).toContain('La richiesta non risulta fondata');
  expect(res.text).toContain('id="result-reasons"');
  expect(text).toContain('Autorità Garante della Concorrenza e del Mercato');
  expect(text).toContain('Garante per la protezione dei dati personali');
  expect(text).toContain('associazione di consumatori');
  expect(res.text).not.toContain('id="download-pdf"');
  expect(res.text).toContain('id="change-answers"');
  const pdf = await postForm(request.agent(app), '/claim/letter.pdf', coveredForm());
  expect(pdf.type).toBe('text/html');
});

test('"change your answers" brings back the form with every answer; the result page switches language with them', async () => {
  const agent = request.agent(app);
  const result = await postForm(agent, '/claim', workedExampleForm());
  const hidden = [...result.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(
    (m): [string, string] => [m[1]!, m[2]!],
  );
  const fields: Record<string, string[]> = {};
  for (const [name, value] of hidden) (fields[name] ??= []).push(value);
  const edit = await agent
    .post('/claim/edit')
    .type('form')
    .send(encodeForm({ ...fields, _csrf: fields._csrf![0]! }))
    .expect(200);
  expect(edit.text).toContain('value="Preventivo perso"');
  expect(edit.text).toContain('value="Via Roma 12"');
  expect(edit.text).toMatch(/value="paid" checked/);
  const english = await agent
    .post('/claim?lang=en')
    .type('form')
    .send(encodeForm({ ...fields, _csrf: fields._csrf![0]! }))
    .expect(200);
  expect(english.text).toContain('<html lang="en">');
  expect(english.text).toContain('The claim looks eligible');
});

test('damage rows are added and removed without JavaScript, keeping the other answers', async () => {
  const agent = request.agent(app);
  const added = await postForm(agent, '/claim', { ...workedExampleForm(), intent: 'add-damage' });
  expect(added.status).toBe(200);
  expect(added.text).toContain('name="damages.1.amount"');
  expect(added.text).toContain('value="Preventivo perso"');
  const two = {
    ...workedExampleForm(),
    'damages.1.kind': 'other',
    'damages.1.description': 'Seconda voce',
    'damages.1.amount': '5',
  };
  const removed = await postForm(agent, '/claim', { ...two, intent: 'remove-damage:0' });
  expect(removed.text).not.toContain('Preventivo perso');
  expect(removed.text).toContain('value="Seconda voce"');
  expect(removed.text).not.toContain('name="damages.1.amount"');
});

describe('nothing typed is ever put in a page unescaped', () => {
  const PAYLOAD = '<script>alert(1)</script>{{7*7}}"\'';
  const TEXT_FIELDS = [
    'claimant.firstName',
    'claimant.lastName',
    'claimant.taxCode',
    'claimant.email',
    'claimant.pec',
    'claimant.phone',
    'claimant.address.street',
    'claimant.address.postalCode',
    'claimant.address.city',
    'claimant.address.province',
    'account.mailbox',
    'account.annualFee',
    'account.companyName',
    'account.vatNumber',
    'custom.start',
    'custom.end',
    'damages.0.description',
    'damages.0.amount',
    'compensationReceived.description',
    'compensationReceived.amount',
    'letter.place',
    'letter.date',
    'letter.deadlineDays',
  ];

  function expectEscaped(html: string): void {
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/"'>|'">/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;{{7*7}}&quot;&#x27;');
  }

  test('in every text field of the form with errors', async () => {
    const fields = Object.fromEntries(TEXT_FIELDS.map((name) => [name, PAYLOAD]));
    const res = await postForm(request.agent(app), '/claim', {
      ...fields,
      'account.type': 'business',
      incidents: ['custom'],
    });
    expect(res.status).toBe(422);
    expectEscaped(res.text);
    expect(res.text.split('&lt;script&gt;alert(1)').length - 1).toBeGreaterThanOrEqual(TEXT_FIELDS.length);
  });

  test('in the free-text fields of a valid claim, on the result page, its preview and its hidden answers', async () => {
    const fields = {
      ...workedExampleForm(),
      'claimant.address.street': `Via ${PAYLOAD} 1`,
      'damages.0.description': PAYLOAD,
      'compensationReceived.description': PAYLOAD,
    };
    const res = await postForm(request.agent(app), '/claim', fields);
    expect(res.status).toBe(200);
    expectEscaped(res.text);
    // {{7*7}} stays text: no 49 appears once the random CSRF tokens are left out.
    expect(res.text.replace(/name="_csrf" value="[0-9a-f.]+"/g, '')).not.toContain('49');
  });
});

test('the address of a result opened directly (reload, bookmark) leads back to the form', async () => {
  const res = await request(app).get('/claim').expect(303);
  expect(res.headers.location).toBe('/');
});

test('no page carries inline script or style (the CSP would block it)', async () => {
  const agent = request.agent(app);
  const pages = [
    (await agent.get('/')).text,
    (await postForm(agent, '/claim', workedExampleForm())).text,
    (await postForm(agent, '/claim', { ...workedExampleForm(), 'claimant.taxCode': '' })).text,
    (await postForm(agent, '/claim', coveredForm())).text,
    (await agent.get('/nowhere')).text,
  ];
  for (const html of pages) {
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=|<style|\son[a-z]+=/);
  }
});

describe('safety of the form posts', () => {
  test('a post to /claim without the CSRF token is refused with a clear page, and nothing is assessed', async () => {
    const agent = request.agent(app);
    await agent.get('/');
    const res = await agent.post('/claim').type('form').send(encodeForm(workedExampleForm())).expect(403);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('Il modulo è scaduto');
    expect(res.text).not.toContain('Mario');
    await request(app).post('/claim/letter.pdf?lang=en').type('form').send(encodeForm(workedExampleForm())).expect(403);
  });

  test('a body over the form limit gets a 413 page, not a stack trace', async () => {
    const { app: small } = testApp({ FORM_BODY_LIMIT_KB: 1 });
    const agent = request.agent(small);
    const res = await postForm(agent, '/claim', { ...workedExampleForm(), 'damages.0.description': 'x'.repeat(4000) });
    expect(res.status).toBe(413);
    expect(res.text).toContain('1 KB');
  });

  test('too many posts from one client get a 429 page in the language', async () => {
    const { app: limited } = testApp({ RATE_LIMIT_FORMS_PER_MINUTE: 2 });
    const agent = request.agent(limited);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1)
      statuses.push((await postForm(agent, '/claim?lang=en', workedExampleForm())).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

test('the references, the IBAN and termination travel from the form into the letter; a wrong IBAN is named', async () => {
  const fields: FormFields = {
    ...workedExampleForm(),
    'account.customerSince': '2015-03-15',
    'account.customerNumber': 'LIB-778812',
    'previousComplaints.0.reference': '123456',
    'previousComplaints.0.date': '2023-01-24',
    'payment.iban': 'IT60 X054 2811 1010 0000 0123 456',
    'letter.termination': 'true',
    'letter.delivery': 'raccomandata',
  };
  const result = await postForm(request.agent(app), '/claim', fields);
  expect(result.status).toBe(200);
  const text = textOf(result.text);
  expect(text).toContain('L’utente è cliente dal 15/03/2015 (riferimento: LIB-778812).');
  expect(text).toContain('segnalazione n. 123456 del 24/01/2023');
  expect(text).toContain('mediante bonifico sul conto IBAN IT60 X054 2811 1010 0000 0123 456 intestato a Mario Rossi');
  expect(text).toContain('accettare la risoluzione del contratto per inadempimento');
  expect(text).toContain('Calcolo e lettera secondo le regole di Reclamo versione 2026.12.1');
  expect(result.text).toContain('name="payment.iban" value="IT60 X054 2811 1010 0000 0123 456"');

  const wrong = await postForm(request.agent(app), '/claim', {
    ...fields,
    'payment.iban': 'IT61X0542811101000000123456',
  });
  expect(wrong.status).toBe(422);
  expect(textOf(wrong.text)).toContain('IBAN su cui ricevere il pagamento: IBAN non valido: le cifre di controllo');
  expect(wrong.text).toContain('href="#f-payment-iban"');
});

test('an English reader gets the Italian letter and its courtesy translation, both in the preview', async () => {
  const result = await postForm(request.agent(app), '/claim?lang=en', {
    ...workedExampleForm(),
    'letter.language': 'en',
  });
  expect(result.status).toBe(200);
  expect(result.text).toContain('id="letter-preview"');
  expect(result.text).toContain('id="letter-preview-translation"');
  expect(textOf(result.text)).toContain('COURTESY TRANSLATION');
  expect(textOf(result.text)).toContain('followed by a courtesy translation into English');
});
