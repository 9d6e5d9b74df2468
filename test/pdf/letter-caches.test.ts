import { RULESET } from '../../server/core/rules/ruleset';
import { loadLetterTemplates } from '../../server/letter-templates/load-letter-templates';
import { BoundedCache } from '../../server/pdf/bounded-cache';
import { loadLetterFonts, type LetterFonts } from '../../server/pdf/letter-fonts';
import { CACHE_LIMITS } from '../../server/pdf/shared-font';
import { createLetterService } from '../../server/use-cases/letter-service';
import { TEST_NOW } from '../support/test-service';
import { variedClaims } from '../support/varied-claims';

function serviceWith(fonts: LetterFonts) {
  return createLetterService({
    ruleset: RULESET,
    templates: loadLetterTemplates(),
    fonts,
    providerPec: null,
    now: () => TEST_NOW,
  });
}

test('200 varied letters are byte-identical with the letter caches and without any cache', async () => {
  const cachedFonts = loadLetterFonts();
  const cached = serviceWith(cachedFonts);
  const uncached = serviceWith(loadLetterFonts({ caches: false, sharedWordLayouts: false }));
  const claims = variedClaims(200);
  const first: Buffer[] = [];
  for (const claim of claims) {
    const withCaches = await cached.letter(claim, 'it');
    const without = await uncached.letter(claim, 'it');
    if (!withCaches.ok || !withCaches.eligible || !without.ok || !without.eligible) throw new Error('not rendered');
    expect(withCaches.sha256).toBe(without.sha256);
    expect(withCaches.pdf.equals(without.pdf)).toBe(true);
    first.push(withCaches.pdf);
  }
  // Again in reverse order, with caches warmed by every other letter: still the same bytes.
  for (let index = claims.length - 1; index >= 0; index -= 20) {
    const again = await cached.letter(claims[index], 'it');
    expect(again.ok && again.eligible && again.pdf.equals(first[index]!)).toBe(true);
  }
  const { regular, bold } = cachedFonts;
  for (const font of [regular, bold]) {
    expect(font.layouts!.size).toBeLessThanOrEqual(CACHE_LIMITS.layouts);
    expect(font.lines!.size).toBeLessThanOrEqual(CACHE_LIMITS.lines);
    expect(font.programs!.size).toBeLessThanOrEqual(CACHE_LIMITS.programs);
  }
  // The fixed text repeats from letter to letter: most paragraphs and lines come from the caches.
  expect(regular.layouts!.hits).toBeGreaterThan(regular.layouts!.misses);
  expect(regular.lines!.hits).toBeGreaterThan(regular.lines!.misses);
});

test('a bounded cache keeps at most its limit, dropping the least recently used entry', () => {
  const cache = new BoundedCache<string, number>(2);
  cache.getOrCompute('a', () => 1);
  cache.getOrCompute('b', () => 2);
  expect(cache.getOrCompute('a', () => -1)).toBe(1);
  cache.getOrCompute('c', () => 3);
  expect(cache.size).toBe(2);
  expect(cache.getOrCompute('b', () => 20)).toBe(20);
  expect(cache.getOrCompute('c', () => -3)).toBe(3);
  expect(cache.hits).toBe(2);
  expect(cache.misses).toBe(4);
});
