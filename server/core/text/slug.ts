/**
 * ASCII, lower case, words joined by hyphens: safe in file names and headers ("Łukasiewicz-Øre" → "lukasiewicz-ore").
 */
export function slugify(text: string, maxLength = 60): string {
  const transliterated = text
    .replace(/[Łł]/g, 'l')
    .replace(/[Øø]/g, 'o')
    .replace(/[Đđ]/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/[Ææ]/g, 'ae')
    .replace(/[Œœ]/g, 'oe')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const slug = transliterated
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return slug || 'x';
}

/** A person in a file name: "rossi-mario" (surname first, as Italian lists sort), at most 40 characters. */
export function personSlug(person: { lastName: string; firstName: string }): string {
  return slugify(`${person.lastName} ${person.firstName}`, 40);
}
