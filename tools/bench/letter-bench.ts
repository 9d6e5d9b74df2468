import { RULESET } from '../../server/core/rules/ruleset';
import { loadLetterFonts, type LetterFonts } from '../../server/pdf/letter-fonts';
import { loadLetterTemplates } from '../../server/letter-templates/load-letter-templates';
import { createLetterService, type LetterService } from '../../server/use-cases/letter-service';
import { benchClaim } from './bench-claims';
import { fmt, percentiles, withPeakRss } from './bench-stats';
import { describeRatios, interleavedRounds, median, ratios } from './interleaved';
import { letterTexts, renderRawPdfkit } from './raw-pdfkit';

const NOW = Date.UTC(2026, 10, 23, 11);

function service(fonts: LetterFonts): LetterService {
  return createLetterService({
    ruleset: RULESET,
    templates: loadLetterTemplates(),
    fonts,
    providerPec: null,
    now: () => NOW,
  });
}

/**
 * Letters on one core, honestly: in each round `perRound` letters of Reclamo's whole path (validate, assess, compose,
 * tagged PDF/A-3a with the embedded claim, SHA-256), the same letters without the letter caches, and raw PDFKit
 * writing the same text with the same fonts, the order rotating; CPU and wall time; the median of per-round ratios.
 */
export async function letterBench(rounds: number, perRound: number): Promise<string[]> {
  const cachedFonts = loadLetterFonts();
  const reclamo = service(cachedFonts);
  const uncached = service(loadLetterFonts({ caches: false }));
  const claims = Array.from({ length: rounds * perRound }, (_, index) => benchClaim(index));
  const texts = claims.map((claim) => {
    const assessed = reclamo.assess(claim, 'it');
    if (!assessed.ok || !assessed.assessment.eligible) throw new Error('bench claim is not eligible');
    return letterTexts(reclamo.compose(assessed.claim, assessed.assessment));
  });
  const rawFonts = loadLetterFonts();
  const latencies: number[] = [];
  const letters = (letterService: LetterService, keep: boolean) => async (round: number) => {
    for (let index = round * perRound; index < (round + 1) * perRound; index += 1) {
      const started = process.hrtime.bigint();
      const outcome = await letterService.letter(claims[index], 'it');
      if (keep) latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (!outcome.ok || !outcome.eligible) throw new Error('bench claim is not eligible');
    }
  };
  const raw = async (round: number) => {
    for (let index = round * perRound; index < (round + 1) * perRound; index += 1) {
      await renderRawPdfkit(texts[index]!, rawFonts, true);
    }
  };
  // Warm-up: JIT, the shared word layouts, and the letter caches of the fixed text.
  for (let index = 0; index < 30; index += 1) {
    await reclamo.letter(claims[index], 'it');
    await uncached.letter(claims[index], 'it');
    await renderRawPdfkit(texts[index]!, rawFonts, true);
  }
  const measured = await withPeakRss(() =>
    interleavedRounds(rounds, { reclamo: letters(reclamo, true), uncached: letters(uncached, false), raw }),
  );
  const timings = measured.result;
  const perLetter = (list: { cpu: number }[]) => fmt((median(list.map((timing) => timing.cpu)) / perRound) * 1000, 2);
  const latency = percentiles(latencies);
  const hitRate = (cache: { hits: number; misses: number } | null) =>
    cache ? `${fmt((100 * cache.hits) / Math.max(1, cache.hits + cache.misses), 0)}%` : '-';
  const regular = cachedFonts.regular;
  const cpuRatio = (arm: typeof timings.raw) => describeRatios(ratios(timings.raw, arm, 'cpu'));
  return [
    `Letter PDF, one core (${rounds} interleaved rounds of ${perRound} letters per arm, ruleset ${RULESET.version}):`,
    `  ratio Reclamo / raw PDFKit: ${cpuRatio(timings.reclamo)} — CPU time`,
    `    the same on wall time: ${describeRatios(ratios(timings.raw, timings.reclamo, 'wall'))}`,
    `  ratio Reclamo without its letter caches / raw PDFKit: ${cpuRatio(timings.uncached)}`,
    `  CPU per letter (median round): Reclamo ${perLetter(timings.reclamo)} ms, without caches ` +
      `${perLetter(timings.uncached)} ms, raw PDFKit ${perLetter(timings.raw)} ms`,
    `  Reclamo = validate + assess + compose + tagged PDF/A-3a + embedded claim + SHA-256;`,
    `  raw PDFKit = same text and fonts (shared word layouts), PDF/A-3a options, one text flow, no tags/attachment`,
    `  Reclamo latency p50 ${fmt(latency.p50)} ms, p95 ${fmt(latency.p95)} ms, p99 ${fmt(latency.p99)} ms, max ` +
      `${fmt(latency.max)} ms; peak RSS ${fmt(measured.peakRssMb, 0)} MB`,
    `  letter caches (regular font): paragraph layouts ${regular.layouts!.size} entries, ` +
      `${hitRate(regular.layouts)} hits; encoded lines ${regular.lines!.size}, ${hitRate(regular.lines)}; ` +
      `font subsets ${regular.programs!.size}, ${hitRate(regular.programs)}`,
  ];
}
