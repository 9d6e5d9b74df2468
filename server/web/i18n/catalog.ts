import { interpolate, type Language, type Localized, type MessageParams } from '../../core/i18n/language';

/** UI strings by key, each in every language. */
export type Catalog = Record<string, Localized>;

/** Joins catalogs, refusing a key defined twice (two pages must not silently overwrite each other's wording). */
export function mergeCatalogs(...catalogs: Catalog[]): Catalog {
  const merged: Catalog = {};
  for (const catalog of catalogs) {
    for (const [key, text] of Object.entries(catalog)) {
      if (Object.prototype.hasOwnProperty.call(merged, key)) throw new Error(`UI string "${key}" is defined twice`);
      merged[key] = text;
    }
  }
  return merged;
}

export type Translate = (key: string, params?: MessageParams) => string;

/** A missing key shows as ⟦key⟧ on the page, so tests (and people) notice it instead of reading a blank. */
export function translator(catalog: Catalog, language: Language): Translate {
  return (key, params) => {
    const entry = Object.prototype.hasOwnProperty.call(catalog, key) ? catalog[key] : undefined;
    return entry ? interpolate(entry[language], params) : `⟦${key}⟧`;
  };
}
