import { RULESET } from '../../server/core/rules/ruleset';
import { loadLetterTemplates } from '../../server/letter-templates/load-letter-templates';
import { loadLetterFonts } from '../../server/pdf/letter-fonts';
import { createLetterService } from '../../server/use-cases/letter-service';
import { benchClaim } from './bench-claims';

/**
 * `node --cpu-prof build/tools/bench/profile-letters.js [letters]`: the letter path alone (validate, assess, compose,
 * PDF, SHA-256) for a CPU profile; summarise it with `node build/tools/bench/summarise-profile.js <file.cpuprofile>`.
 * 50 warm-up letters, then the measured ones.
 */
async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 1000);
  const service = createLetterService({
    ruleset: RULESET,
    templates: loadLetterTemplates(),
    fonts: loadLetterFonts(),
    providerPec: null,
    now: () => Date.UTC(2026, 10, 23, 11),
  });
  for (let index = 0; index < 50 + count; index += 1) {
    const outcome = await service.letter(benchClaim(index), 'it');
    if (!outcome.ok || !outcome.eligible) throw new Error('bench claim is not eligible');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
