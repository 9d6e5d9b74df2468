import ICAL from 'ical.js';
import { deadlineCalendar, deadlineUid, type DeadlineCalendarInput } from '../../server/calendar/deadline-calendar';

const SHA256 = '3f9c2a1b'.repeat(8);
/** 1 March 2023, 10:00 in Rome: the letter's date, used as DTSTAMP. */
const STAMP = Date.UTC(2023, 2, 1, 9, 0, 0);

function input(overrides: Partial<DeadlineCalendarInput> = {}): DeadlineCalendarInput {
  return {
    letterSha256: SHA256,
    deadline: '2023-03-16',
    language: 'it',
    title: 'Scadenza della diffida a Italiaonline',
    description:
      'Se Italiaonline non ha risposto o non ha pagato entro oggi, prepari il sollecito e ultima diffida: ' +
      'carichi la lettera nella pagina del reclamo e indichi che cosa è successo.',
    followUpUrl: 'https://reclamo.example.it/followup?lang=it',
    stamp: STAMP,
    ...overrides,
  };
}

function parse(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, event };
}

test('an all-day event on the deadline, read back with ical.js: dates, UID, stamp, link, description', () => {
  const file = deadlineCalendar(input());
  const { calendar, event } = parse(file.content);
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Reclamo – scadenze');

  const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
  const end = event.getFirstPropertyValue('dtend') as ICAL.Time;
  expect(start.isDate).toBe(true);
  expect(start.toString()).toBe('2023-03-16');
  expect(end.toString()).toBe('2023-03-17');
  expect(file.content).toContain('DTSTART;VALUE=DATE:20230316');

  expect(event.getFirstPropertyValue('uid')).toBe(`${SHA256}.scadenza@reclamo`);
  expect(file.uid).toBe(deadlineUid(SHA256));
  expect((event.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime()).toBe(STAMP);
  expect(event.getFirstPropertyValue('summary')).toBe('Scadenza della diffida a Italiaonline');
  expect(event.getFirstPropertyValue('url')).toBe('https://reclamo.example.it/followup?lang=it');
  expect(event.getFirstPropertyValue('description')).toBe(
    `${input().description}\n\nProsegua il reclamo: https://reclamo.example.it/followup?lang=it\n` +
      `Impronta SHA-256 della lettera: ${SHA256}`,
  );
  expect(event.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
  expect(file.fileName).toBe('scadenza-2023-03-16.ics');
  expect(file.contentType).toBe('text/calendar; charset=utf-8');
});

test('two alarms: 09:00 two days before and 09:00 on the day (relative to the all-day start)', () => {
  const { event } = parse(deadlineCalendar(input()).content);
  const alarms = event.getAllSubcomponents('valarm');
  expect(alarms.map((alarm) => alarm.getFirstPropertyValue('action'))).toEqual(['DISPLAY', 'DISPLAY']);
  const triggers = alarms.map((alarm) => alarm.getFirstPropertyValue('trigger') as ICAL.Duration);
  expect(triggers.map((trigger) => trigger.toString())).toEqual(['-P1DT15H', 'PT9H']);
  // Applied to the event's start (midnight of 16/03/2023): 14/03 09:00 and 16/03 09:00, local time.
  const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
  const fireAt = (duration: ICAL.Duration) => {
    const time = start.clone();
    time.isDate = false;
    time.addDuration(duration);
    return time.toString();
  };
  expect(triggers.map(fireAt)).toEqual(['2023-03-14T09:00:00', '2023-03-16T09:00:00']);
  expect(alarms.map((alarm) => alarm.getFirstPropertyValue('description'))).toEqual([
    'Tra due giorni scade il termine: Scadenza della diffida a Italiaonline',
    'Oggi scade il termine: Scadenza della diffida a Italiaonline',
  ]);
});

test('the same input gives the same bytes; the UID depends only on the letter, not on the language or the date', () => {
  expect(deadlineCalendar(input()).content).toBe(deadlineCalendar(input()).content);
  const english = deadlineCalendar(input({ language: 'en', title: 'Deadline of the formal notice' }));
  const later = deadlineCalendar(input({ deadline: '2023-04-01', stamp: STAMP + 86_400_000 }));
  expect(parse(english.content).event.getFirstPropertyValue('uid')).toBe(`${SHA256}.scadenza@reclamo`);
  expect(parse(later.content).event.getFirstPropertyValue('uid')).toBe(`${SHA256}.scadenza@reclamo`);
  const other = deadlineCalendar(input({ letterSha256: 'ab'.repeat(32) }));
  expect(parse(other.content).event.getFirstPropertyValue('uid')).not.toBe(`${SHA256}.scadenza@reclamo`);
  // Upper-case hex is the same letter.
  expect(deadlineCalendar(input({ letterSha256: SHA256.toUpperCase() })).content).toBe(
    deadlineCalendar(input()).content,
  );
});

test('the file speaks the chosen language: English texts, English file name', () => {
  const file = deadlineCalendar(
    input({ language: 'en', title: 'Deadline of the formal notice', description: 'Next.' }),
  );
  const { calendar, event } = parse(file.content);
  expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Reclamo – deadlines');
  expect(event.getFirstPropertyValue('description')).toBe(
    `Next.\n\nContinue your claim: https://reclamo.example.it/followup?lang=it\nSHA-256 fingerprint of the letter: ${SHA256}`,
  );
  expect(event.getAllSubcomponents('valarm').map((alarm) => alarm.getFirstPropertyValue('description'))).toEqual([
    'The deadline is in two days: Deadline of the formal notice',
    'The deadline is today: Deadline of the formal notice',
  ]);
  expect(file.fileName).toBe('deadline-2023-03-16.ics');
});

test('lines are folded at 75 octets with CRLF, accented text survives, a title cannot break into other lines', () => {
  const file = deadlineCalendar(
    input({ title: 'Scadenza\r\nX-INJECTED:1 è', description: 'Perché è già così: ' + 'àèìòù€ '.repeat(40) }),
  );
  const lines = file.content.split('\r\n');
  expect(file.content.endsWith('\r\n')).toBe(true);
  expect(file.content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  expect(Math.max(...lines.map((line) => Buffer.byteLength(line)))).toBeLessThanOrEqual(75);
  expect(lines.some((line) => line.startsWith('X-INJECTED'))).toBe(false);
  const { event } = parse(file.content);
  expect(event.getFirstPropertyValue('summary')).toBe('Scadenza X-INJECTED:1 è');
  expect(event.getFirstPropertyValue('description')).toContain('àèìòù€ '.repeat(40).trim());
});

test('an input no caller should pass is refused plainly', () => {
  expect(() => deadlineCalendar(input({ letterSha256: 'abc' }))).toThrow(RangeError);
  expect(() => deadlineCalendar(input({ deadline: '2023-02-30' }))).toThrow(RangeError);
  expect(() => deadlineCalendar(input({ followUpUrl: 'javascript:alert(1)' }))).toThrow(RangeError);
  expect(() => deadlineCalendar(input({ followUpUrl: 'not a url' }))).toThrow();
  expect(() => deadlineCalendar(input({ title: '  ' }))).toThrow(RangeError);
});
