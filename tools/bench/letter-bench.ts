import { RULESET } from '../../server/core/rules/ruleset';
import { loadLetterFonts } from '../../server/pdf/letter-fonts';
import { createDefaultLetterService } from '../../server/use-cases/default-letter-service';
import { benchClaim } from './bench-claims';
import { fmt, percentiles, timeSequential, withPeakRss } from './bench-stats';
import { letterTexts, renderRawPdfkit } from './raw-pdfkit';

const NOW = Date.UTC(2026, 10, 23, 11);

/** Single-core letter throughput: Reclamo's whole path (validate, assess, compose, PDF, SHA-256) against raw PDFKit. */
export async function letterBench(count: number): Promise<string[]> {
  const service = createDefaultLetterService({ PROVIDER_PEC: undefined }, () => NOW);
  const claims = Array.from({ length: count }, (_, index) => benchClaim(index));
  const warmUp = Math.min(30, count);
  for (let index = 0; index < warmUp; index += 1) await service.letter(claims[index], 'it');

  const measured = await withPeakRss(() =>
    timeSequential(count, async (index) => {
      const outcome = await service.letter(claims[index], 'it');
      if (!outcome.ok || !outcome.eligible) throw new Error('bench claim is not eligible');
    }),
  );

  // The same letters' text, composed up front so only PDFKit is timed.
  const texts = claims.map((claim) => {
    const assessed = service.assess(claim, 'it');
    if (!assessed.ok) throw new Error('bench claim is invalid');
    return letterTexts(service.compose(assessed.claim, assessed.assessment));
  });
  const fonts = loadLetterFonts();
  for (let index = 0; index < warmUp; index += 1) await renderRawPdfkit(texts[index]!, fonts, true);
  const raw = await timeSequential(count, (index) => renderRawPdfkit(texts[index]!, fonts, true));
  const naiveCount = Math.max(10, Math.floor(count / 10));
  const naive = await timeSequential(naiveCount, (index) => renderRawPdfkit(texts[index]!, fonts, false));

  const latency = percentiles(measured.result.latencies);
  return [
    `Letter PDF, one core (${count} letters, ruleset ${RULESET.version}):`,
    `  Reclamo letter (validate + assess + compose + PDF/A + SHA-256): ${fmt(measured.result.perSecond)} letters/s`,
    `    latency p50 ${fmt(latency.p50)} ms, p95 ` +
      `${fmt(latency.p95)} ms, p99 ${fmt(latency.p99)} ms, max ` +
      `${fmt(latency.max)} ms`,
    `    peak RSS ${fmt(measured.peakRssMb, 0)} MB`,
    `  raw PDFKit, same text and fonts, shared layout cache (practical limit): ${fmt(raw.perSecond)} letters/s`,
    `  ratio Reclamo / raw PDFKit: ${fmt(measured.result.perSecond / raw.perSecond, 2)}`,
    `  for reference, raw PDFKit without the shared layout cache: ` +
      `${fmt(naive.perSecond)} letters/s (${naiveCount} letters)`,
  ];
}
