import fs from 'node:fs';
import path from 'node:path';
import { PUBLIC_DIR } from '../../server/config/project-paths';
import { CHECKED_PAGES, openSites, type Sites } from '../support/checked-pages';
import { checkHtml, describeMessages, type HtmlPage, type HtmlReport } from '../support/html-checker';

// A page with the error the form once had: the checker must find it, or it is not really checking.
const KNOWN_BAD: HtmlPage = {
  name: 'known-bad',
  html:
    '<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>x</title></head><body><main>' +
    '<label for="s">Via</label><input id="s" name="s" autocomplete="street-address"></main></body></html>',
};

const STYLESHEETS = fs
  .readdirSync(PUBLIC_DIR)
  .filter((name) => name.endsWith('.css'))
  .map((name) => path.join(PUBLIC_DIR, name));

let sites: Sites;
let stop: () => Promise<void>;
const answers: { name: string; status: number; type: string; shows: boolean }[] = [];
let report: HtmlReport;

beforeAll(async () => {
  ({ sites, stop } = openSites());
  const pages: HtmlPage[] = [];
  for (const page of CHECKED_PAGES) {
    const response = await page.open(sites);
    answers.push({
      name: page.name,
      status: response.status,
      type: response.type,
      shows: response.text.includes(page.shows),
    });
    pages.push({ name: page.name, html: response.text });
  }
  // One run of the checker for every page: starting the JVM is the slow part.
  report = await checkHtml([...pages, KNOWN_BAD], STYLESHEETS);
}, 300_000);
afterAll(() => stop());

const ofSite = (messages: HtmlReport['errors']) => messages.filter((message) => message.page !== KNOWN_BAD.name);

test('every checked page answers with its status, as an HTML page, and is the page it means to be', () => {
  expect(answers).toEqual(CHECKED_PAGES.map(({ name, status }) => ({ name, status, type: 'text/html', shows: true })));
  expect(sites.main.internalErrors).toEqual([]);
  expect(sites.broken.internalErrors).toHaveLength(1);
});

test('the checker really checks: it finds the one-line street field with autocomplete="street-address"', () => {
  const found = report.errors.filter((message) => message.page === KNOWN_BAD.name);
  expect(found).toHaveLength(1);
  expect(found[0]!.message).toMatch(/autocomplete/);
});

test('the Nu Html Checker finds no error on any page', () => {
  expect(describeMessages(ofSite(report.errors))).toEqual([]);
});

test('and no warning', () => {
  expect(describeMessages(ofSite(report.warnings))).toEqual([]);
});

test('the stylesheets of /static pass its CSS checker too', () => {
  expect(STYLESHEETS.map((file) => path.basename(file))).toEqual(
    expect.arrayContaining(['reclamo.css', 'api-docs.css']),
  );
  const names = new Set(STYLESHEETS.map((file) => path.basename(file)));
  expect(describeMessages([...report.errors, ...report.warnings].filter((message) => names.has(message.page)))).toEqual(
    [],
  );
});
