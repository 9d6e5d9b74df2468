import { interpolate, type Language } from '../i18n/language';
import { typeset } from '../letter/typeset';
import { AGCM_FACT_TEXTS } from './followup-document-texts';

/** What the AGCM facts are written from: a slice of the follow-up context. */
export interface AgcmFactsInput {
  account: { mailbox: string; service: string };
  provider: { name: string };
  periods: { from: { date: string }; to: { date: string }; days: number; total: boolean }[];
  firstLetter: { date: string; deadline: string };
  total: string;
  outcome: { noReply: boolean; refused: boolean; partial: boolean };
  offer: { amount: string } | null;
  lostItems: string[];
}

export interface AgcmFacts {
  text: string;
  /** Characters (Unicode code points), as a web form's maxlength counts them. */
  length: number;
  max: number;
}

const lengthOf = (text: string) => [...text].length;

/** Cuts a text at a word boundary so that it and the ellipsis fit in `room` characters. */
function cut(text: string, room: number): string {
  if (lengthOf(text) <= room) return text;
  const chars = [...text].slice(0, Math.max(0, room - 1));
  const joined = chars.join('');
  const space = joined.lastIndexOf(' ');
  return `${(space > 0 ? joined.slice(0, space) : joined).trimEnd()}…`;
}

/**
 * The facts for AGCM's online form, in the first person, within the field's length: who, the outage periods, the
 * diffida and its outcome, then what was lost (shortened to fit, never the other sentences).
 */
export function agcmFacts(input: AgcmFactsInput, max: number, language: Language): AgcmFacts {
  const texts = AGCM_FACT_TEXTS;
  const say = (key: keyof typeof texts, params: Record<string, string | number> = {}) =>
    interpolate(texts[key][language], params);
  const sentences = [
    say('holder', { mailbox: input.account.mailbox, service: input.account.service, provider: input.provider.name }),
    ...input.periods.map((period) =>
      say(period.total ? 'periodTotal' : 'periodPartial', {
        from: period.from.date,
        to: period.to.date,
        days: period.days,
      }),
    ),
    say('letter', { date: input.firstLetter.date, total: input.total }),
    input.outcome.noReply
      ? say('noReply', { deadline: input.firstLetter.deadline })
      : input.outcome.refused
        ? say('refused')
        : say('partial', { offer: input.offer?.amount ?? '' }),
    say('request'),
  ];
  // Counted as printed: typesetting merges "S.p.A.." into one full stop.
  let text = typeset(sentences.join(' '));
  if (input.lostItems.length > 0) {
    const room = max - lengthOf(text) - 1;
    const lost = typeset(say('lost', { items: input.lostItems.join('; ') }));
    if (room > 20) text = `${text} ${cut(lost, room)}`;
  }
  text = cut(text, max);
  return { text, length: lengthOf(text), max };
}
