import type { Request } from 'express';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../core/i18n/language';

/**
 * The language of a request: `?lang=`, then the letter language in a JSON body, then Accept-Language, then Italian.
 */
export function requestLanguage(req: Request): Language {
  const query = req.query.lang;
  if (isLanguage(query)) return query;
  const bodyLanguage = (req.body as { letter?: { language?: unknown } } | undefined)?.letter?.language;
  if (isLanguage(bodyLanguage)) return bodyLanguage;
  const accepted = req.acceptsLanguages('it', 'en');
  return isLanguage(accepted) ? accepted : DEFAULT_LANGUAGE;
}
