import { parseArgs } from 'node:util';
import { isLanguage } from '../core/i18n/language';
import { loadConfig, type AppConfig } from '../config/app-config';
import type { LetterService } from '../use-cases/letter-service';
import type { FollowupService } from '../use-cases/followup-service';
import { EXIT, processIo, type CliIo } from './cli-io';
import { CAMPAIGN_USAGE } from './campaign-command-texts';
import { CLI_TEXTS } from './cli-texts';
import { OPERATOR_USAGE } from './operator-command-texts';

export const USAGE = `Uso / Usage:
  reclamo assess <claim.json> [--json] [--lang it|en]
      Valuta la richiesta e stampa il calcolo / assesses the claim and prints the calculation.
  reclamo letter <claim.json> [-o letter.pdf] [--ics deadline.ics] [--lang it|en]
      Scrive la diffida in PDF e ne stampa lo SHA-256 / writes the PDF letter and prints its SHA-256.
      --ics: anche la scadenza come file di calendario / also the deadline as a calendar file.
  reclamo followup <letter.pdf|claim.json> --outcome no-reply|refused|partial|paid -o <folder>
                [--sent-on YYYY-MM-DD] [--received-on YYYY-MM-DD] [--receipt receipt.eml] [--raccomandata NUMBER]
                [--offer AMOUNT] [--sent-by pec|raccomandata|hand] [--reply-on YYYY-MM-DD] [--sha256 HEX] [--lang it|en]
      Dopo la diffida: i documenti che si applicano, scadenza.ics, LEGGIMI.txt e README.txt /
      after the notice: every document that applies, scadenza.ics, LEGGIMI.txt and README.txt.
      Exit: 0 scritti / written, 1 nessun documento si applica / nothing applies, 2 dati non validi / invalid input.
  reclamo batch <soci.csv|soci.xlsx> [-o letters.zip] [--association association.json|yaml] [--lang it|en]
                [--delivery pec|raccomandata] [--date YYYY-MM-DD] [--place Roma] [--workers N] [--max-rows N]
                [--send member|provider|both]
      Una diffida per socio in un file ZIP, con report.csv / one letter per member in a ZIP, with report.csv.
      --send: invia anche per e-mail (socio, fornitore o entrambi) / also e-mails each letter (member, provider, both).
      Exit: 0 file elaborato (anche con righe errate) / processed (even with bad rows), 2 file illeggibile / unreadable.
  reclamo inspect <letter.pdf> [--json] [--lang it|en]
      Stampa i dati della richiesta contenuti nella lettera e verifica che il calcolo corrisponda alle regole citate /
      prints the claim a letter carries and checks its calculation against the rules it names.
      Exit: 0 corrisponde / matches, 1 non corrisponde / does not match, 2 non è una lettera di Reclamo / not a letter.
  reclamo outbox [retry|send]
      Messaggi e-mail per stato e quelli non inviati; retry li rimette in coda, send invia la coda /
      e-mail messages by status and the failed ones; retry queues failed ones again, send sends the queue.
${OPERATOR_USAGE}${CAMPAIGN_USAGE}
  <claim.json> può essere "-" per leggere da standard input / may be "-" to read standard input.
  Exit: 0 ok, 1 non idoneo / not eligible, 2 dati non validi / invalid input.
`;

export async function main(
  argv: string[],
  io: CliIo = processIo,
  makeService?: () => LetterService,
  makeFollowupService?: () => FollowupService,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        json: { type: 'boolean', default: false },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        association: { type: 'string' },
        workers: { type: 'string' },
        'max-rows': { type: 'string' },
        delivery: { type: 'string' },
        date: { type: 'string' },
        place: { type: 'string' },
        send: { type: 'string' },
        name: { type: 'string' },
        label: { type: 'string' },
        limit: { type: 'string' },
        ics: { type: 'string' },
        outcome: { type: 'string' },
        'sent-on': { type: 'string' },
        'sent-by': { type: 'string' },
        'received-on': { type: 'string' },
        'reply-on': { type: 'string' },
        receipt: { type: 'string' },
        raccomandata: { type: 'string' },
        offer: { type: 'string' },
        sha256: { type: 'string' },
        out: { type: 'string' },
        action: { type: 'string' },
      },
    });
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return EXIT.invalid;
  }
  const { values, positionals } = parsed;
  const [command, file] = positionals;
  if (values.help || !command) {
    (values.help ? io.stdout : io.stderr)(USAGE);
    return values.help ? EXIT.ok : EXIT.invalid;
  }
  if (values.lang !== undefined && !isLanguage(values.lang)) {
    io.stderr(`--lang: it | en\n`);
    return EXIT.invalid;
  }
  let service: LetterService | undefined;
  let config: AppConfig | undefined;
  const appConfig = () => (config ??= loadConfig(io.env));
  // Each command loads only what it uses (a batch's reading thread then holds no fonts, templates or outbox).
  const createService =
    command === 'assess' || command === 'letter'
      ? (await import('../use-cases/default-letter-service')).createDefaultLetterService
      : null;
  const ctx = {
    io,
    service: () => (service ??= makeService ? makeService() : createService!(appConfig())),
    now: () => (makeService ? ctx.service().now() : Date.now()),
  };
  const lang = values.lang;
  if ((command === 'assess' || command === 'letter' || command === 'batch' || command === 'followup') && !file) {
    io.stderr(`${command}: manca il file della richiesta / missing claim file\n\n${USAGE}`);
    return EXIT.invalid;
  }
  switch (command) {
    case 'assess':
      return (await import('./commands')).assessCommand(ctx, file!, { json: values.json, lang });
    case 'letter':
      return (await import('./commands')).letterCommand(ctx, file!, { output: values.output, ics: values.ics, lang });
    case 'followup': {
      const { createDefaultFollowupService } = await import('../use-cases/default-followup-service');
      let followups: FollowupService | undefined;
      const followupService = () =>
        (followups ??= makeFollowupService ? makeFollowupService() : createDefaultFollowupService(appConfig()));
      return (await import('./followup-command')).followupCommand(io, followupService, file!, {
        outcome: values.outcome,
        sentOn: values['sent-on'],
        sentBy: values['sent-by'],
        receivedOn: values['received-on'],
        replyOn: values['reply-on'],
        receipt: values.receipt,
        raccomandata: values.raccomandata,
        offer: values.offer,
        sha256: values.sha256,
        output: values.output,
        lang,
      });
    }
    case 'batch': {
      const workers = positiveInteger(values.workers);
      const maxRows = positiveInteger(values['max-rows']);
      if (workers === null || maxRows === null) {
        io.stderr(`--workers, --max-rows: un numero intero positivo / a positive whole number\n`);
        return EXIT.invalid;
      }
      return (await import('./batch-command')).batchCommand(ctx, file!, {
        output: values.output,
        association: values.association,
        lang,
        workers,
        maxRows,
        letter: { delivery: values.delivery, date: values.date, place: values.place },
        providerPec: appConfig().PROVIDER_PEC ?? null,
        tty: io === processIo && Boolean(process.stderr.isTTY),
        send: values.send,
      });
    }
    case 'inspect':
      if (!file) {
        io.stderr(`${CLI_TEXTS.missingLetter[lang ?? 'it']}\n\n${USAGE}`);
        return EXIT.invalid;
      }
      return (await import('./inspect-command')).inspectCommand(io, file, { json: values.json, lang });
    case 'outbox':
      return (await import('./outbox-command')).outboxCommand(io, file);
    case 'operator': {
      const limit = positiveInteger(values.limit);
      if (limit === null) {
        io.stderr(`--limit: un numero intero positivo / a positive whole number\n`);
        return EXIT.invalid;
      }
      return (await import('./operator-command')).operatorCommand(io, positionals.slice(1), {
        name: values.name,
        label: values.label,
        limit,
      });
    }
    case 'campaign':
      return (await import('./campaign-command')).campaignCommand(io, positionals.slice(1), {
        out: values.out ?? values.output,
        action: values.action,
        lang,
        ...(makeFollowupService ? { followupService: makeFollowupService } : {}),
      });
    default:
      io.stderr(`Comando sconosciuto / unknown command: ${command}\n\n${USAGE}`);
      return EXIT.invalid;
  }
}

/** undefined when not given, null when given but not a positive whole number. */
function positiveInteger(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  return /^[1-9]\d*$/.test(value) ? Number(value) : null;
}
