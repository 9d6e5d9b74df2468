import type { Request, RequestHandler, Response } from 'express';
import { DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, isLanguage, type Language } from '../../core/i18n/language';
import { translator, type Catalog, type Translate } from '../i18n/catalog';

export const LANGUAGE_COOKIE = 'reclamo_lang';
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** The language of a page: `?lang=`, then the one remembered in a cookie, then Italian (the browser's is not used). */
export function pageLanguage(req: Request): Language {
  const query = req.query.lang;
  if (isLanguage(query)) return query;
  const remembered = (req.cookies as Record<string, unknown> | undefined)?.[LANGUAGE_COOKIE];
  return isLanguage(remembered) ? remembered : DEFAULT_LANGUAGE;
}

export interface LanguageOption {
  code: Language;
  label: string;
  current: boolean;
  href: string;
}

export function languageOptions(req: Request, current: Language): LanguageOption[] {
  const pathname = new URL(req.originalUrl, 'http://localhost').pathname;
  return LANGUAGES.map((code) => ({
    code,
    label: LANGUAGE_NAMES[code],
    current: code === current,
    href: `${pathname}?lang=${code}`,
  }));
}

/** The UI strings in the page's language (set by pageLocals). */
export function pageText(res: Response): Translate {
  return res.locals.t as Translate;
}

/**
 * Sets `lang`, `t` (UI strings) and the language switch for the views; a `?lang=` choice is remembered for a year.
 * Needs cookie-parser.
 */
export function pageLocals(options: { secureCookies: boolean; strings: Catalog }): RequestHandler {
  return (req, res: Response, next) => {
    const lang = pageLanguage(req);
    if (isLanguage(req.query.lang) && req.cookies?.[LANGUAGE_COOKIE] !== lang) {
      res.cookie(LANGUAGE_COOKIE, lang, {
        maxAge: YEAR_MS,
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
        path: '/',
      });
    }
    res.locals.lang = lang;
    res.locals.t = translator(options.strings, lang);
    res.locals.languageSwitch = { options: languageOptions(req, lang) };
    next();
  };
}
