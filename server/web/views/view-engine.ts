/*
 * HTML views for every page of the web adapter.
 *
 * How a page renders with the layout (views/layouts/main.hbs):
 *   1. put the page in views/pages/<name>.hbs (it is the <main> of the page);
 *   2. mount its routes with the page middleware from server/web/security/web-forms.ts, which sets `res.locals.lang`,
 *      the language switch and a CSRF token;
 *   3. `res.render('<name>', { title: 'Page title', ...data })`. `{ layout: false }` renders the page alone.
 * Text: `{{t "key"}}` or `{{t "key" name=value}}` reads a UI string (server/web/i18n/) in the page's language; add a
 * catalog file there and join it in ui-strings.ts. Everything `{{…}}` is HTML-escaped; never use `{{{…}}}` for data.
 * Partials: every views/partials/*.hbs by file name, e.g. `{{> error-summary}}`.
 * CSRF on a form: mount the POST route with `webForms.post` (or `webForms.checkCsrf` after your own body parser) and
 * put `{{> csrf-field}}` inside the <form method="post">.
 * Scripts: no inline script is allowed (CSP); set `scripts: ['/static/x.js']` in the render data to load files.
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { isLanguage, DEFAULT_LANGUAGE } from '../../core/i18n/language';
import { translator, type Catalog } from '../i18n/catalog';

type Template = Handlebars.TemplateDelegate;
type RenderCallback = (error: Error | null, html?: string) => void;
export type ViewEngine = (filePath: string, options: object, callback: RenderCallback) => void;

export interface ViewEngineOptions {
  viewsDir: string;
  strings: Catalog;
}

/** `claimant.firstName` or `damages.0.amount` → an id usable in `href="#…"` and `for`. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

function registerPartials(hbs: typeof Handlebars, directory: string): void {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.hbs')) {
      hbs.registerPartial(path.basename(entry.name, '.hbs'), fs.readFileSync(path.join(directory, entry.name), 'utf8'));
    }
  }
}

function registerHelpers(hbs: typeof Handlebars, strings: Catalog): void {
  hbs.registerHelper('t', (key: unknown, options: Handlebars.HelperOptions) => {
    const root = options.data.root as { lang?: unknown };
    const language = isLanguage(root.lang) ? root.lang : DEFAULT_LANGUAGE;
    return translator(strings, language)(String(key), options.hash as Record<string, string | number>);
  });
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // The first of its arguments that is not empty (the last one is Handlebars' options object).
  hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).find((value) => Boolean(value)) ?? '');
  hbs.registerHelper('fieldId', (name: unknown) => fieldId(String(name)));
  // Its arguments joined as text (a field name made of parts); the last one is Handlebars' options object.
  hbs.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(String).join(''));
  // The ids a field's aria-describedby lists: its hint (when given) and its error (when the page has one for it).
  hbs.registerHelper('describedBy', (name: unknown, hasHint: unknown, options: Handlebars.HelperOptions) => {
    const id = fieldId(String(name));
    const errors = (options.data.root as { fieldErrors?: Record<string, string> }).fieldErrors ?? {};
    const ids = [
      hasHint ? `${id}-hint` : '',
      Object.prototype.hasOwnProperty.call(errors, String(name)) ? `${id}-error` : '',
    ];
    return ids.filter(Boolean).join(' ');
  });
}

/** An Express view engine around its own Handlebars instance (the letter templates use another, unescaped one). */
export function createViewEngine(options: ViewEngineOptions): ViewEngine {
  const hbs = Handlebars.create();
  registerHelpers(hbs, options.strings);
  registerPartials(hbs, path.join(options.viewsDir, 'partials'));
  const compile = (file: string): Template => hbs.compile(fs.readFileSync(file, 'utf8'));
  const layout = compile(path.join(options.viewsDir, 'layouts', 'main.hbs'));
  const pages = new Map<string, Template>();

  return (filePath, data, callback) => {
    try {
      let page = pages.get(filePath);
      if (!page) {
        page = compile(filePath);
        pages.set(filePath, page);
      }
      const context = data as { layout?: unknown };
      const body = page(context);
      callback(null, context.layout === false ? body : layout({ ...context, body }));
    } catch (error) {
      callback(error instanceof Error ? error : new Error(String(error)));
    }
  };
}
