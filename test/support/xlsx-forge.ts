import { deflatedSequence, deflatedZeros, forgeZip, type Deflated, type ForgedEntry } from './zip-forge';

/**
 * Workbooks written by hand, part by part, as Excel lays them out: for the reader's tests (dates, inline strings,
 * shared strings, styles) and for the hostile-file corpus, where a part is replaced by something an attacker made.
 */
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface WorkbookParts {
  sheet: string | Buffer | Deflated;
  sharedStrings?: string | Buffer | Deflated;
  styles?: string;
  /** `<workbookPr date1904="1"/>` */
  date1904?: boolean;
  /** Further entries (after the usual ones). */
  extra?: ForgedEntry[];
  /** Entries placed before the workbook's (as exceljs writes them: worksheets first). */
  sheetFirst?: boolean;
}

const part = (name: string, value: string | Buffer | Deflated): ForgedEntry =>
  typeof value === 'string' || Buffer.isBuffer(value) ? { name, content: value } : { name, deflated: value };

export function workbookEntries(parts: WorkbookParts): ForgedEntry[] {
  const rels = [
    `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>`,
    parts.sharedStrings ? `<Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` : '',
    parts.styles ? `<Relationship Id="rId3" Type="${REL_NS}/styles" Target="/xl/styles.xml"/>` : '',
  ].join('');
  const head: ForgedEntry[] = [
    {
      name: '[Content_Types].xml',
      content:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: '_rels/.rels',
      content:
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">` +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      content:
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
        (parts.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>') +
        '<sheets><sheet name="Soci" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${rels}</Relationships>`,
    },
  ];
  const body: ForgedEntry[] = [
    ...(parts.styles ? [part('xl/styles.xml', parts.styles)] : []),
    ...(parts.sharedStrings ? [part('xl/sharedStrings.xml', parts.sharedStrings)] : []),
  ];
  const sheet = part('xl/worksheets/sheet1.xml', parts.sheet);
  return parts.sheetFirst
    ? [sheet, ...head, ...body, ...(parts.extra ?? [])]
    : [...head, ...body, sheet, ...(parts.extra ?? [])];
}

export function forgeWorkbook(parts: WorkbookParts): Buffer {
  return forgeZip(workbookEntries(parts));
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `A`, `B`, … `Z`, `AA`… for a 0-based column. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const SHEET_OPEN = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><sheetData>`;
const SHEET_CLOSE = '</sheetData></worksheet>';

/** A worksheet of inline-string rows (the cells as given, `null` for none). */
export function inlineSheet(rows: readonly (readonly (string | null)[])[]): string {
  const body = rows
    .map((cells, rowIndex) => {
      const r = rowIndex + 1;
      const xml = cells
        .map((cell, column) =>
          cell === null
            ? ''
            : `<c r="${columnLetters(column)}${r}" t="inlineStr"><is><t>${escapeXml(cell)}</t></is></c>`,
        )
        .join('');
      return `<row r="${r}">${xml}</row>`;
    })
    .join('');
  return `${SHEET_OPEN}${body}${SHEET_CLOSE}`;
}

/** The header of the sample member list and one valid row, as inline strings. */
export const MEMBER_HEADER = [
  'nome',
  'cognome',
  'codice_fiscale',
  'indirizzo',
  'cap',
  'comune',
  'provincia',
  'casella',
];
export const MEMBER_ROW = [
  'Mario',
  'Rossi',
  'RSSMRA79B11C566R',
  'Via Roma 12',
  '20121',
  'Milano',
  'MI',
  'mario.rossi@libero.it',
];

const HEADER_ROW = inlineSheet([MEMBER_HEADER]).replace(SHEET_OPEN, '').replace(SHEET_CLOSE, '');

export interface HostileFile {
  name: string;
  bytes: Buffer;
  /** What a reader must do with it: the HTTP status, and a word of the Italian message. */
  status: number;
  message: RegExp;
}

/** Sequential numbers, which deflate well but not absurdly (about 10:1): within the ratio limit. */
function numberedRows(from: number, count: number): string {
  let xml = '';
  for (let r = from; r < from + count; r += 1) xml += `<row r="${r}" spans="1:8"/>`;
  return xml;
}

/**
 * The hostile-file corpus of issue 11: each is refused with a 4xx, in bounded time and memory, and none is spooled to
 * disk. Sizes are what the headers claim and what inflating really gives.
 */
export function hostileCorpus(): HostileFile[] {
  const sheetWithSharedHeader = `${SHEET_OPEN}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_CLOSE}`;
  const files: HostileFile[] = [];

  // 1. The review's shared-strings bomb, ten times over: 400 MB of strings in a 1 MB upload.
  files.push({
    name: 'shared-strings-bomb.xlsx',
    bytes: forgeWorkbook({
      sheet: sheetWithSharedHeader,
      sharedStrings: deflatedSequence([
        { text: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}">` },
        { text: '<si><t>abcdefghij</t></si>', times: 16_000_000 },
        { text: '</sst>' },
      ]),
    }),
    status: 413,
    message: /decompress/,
  });

  // 2. The same within the size and ratio limits: 1.5 million distinct strings, 32 MB, about 8:1.
  let strings = '';
  for (let index = 0; index < 1_500_000; index += 1) strings += `<si><t>m${index.toString(36)}</t></si>`;
  files.push({
    name: 'shared-strings-many.xlsx',
    bytes: forgeWorkbook({
      sheet: sheetWithSharedHeader,
      sharedStrings: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}">${strings}</sst>`,
    }),
    status: 422,
    message: /troppi testi/,
  });

  // 3. 100,000 entries.
  files.push({
    name: '100k-entries.xlsx',
    bytes: forgeZip([
      ...workbookEntries({ sheet: inlineSheet([MEMBER_HEADER, MEMBER_ROW]) }),
      ...Array.from({ length: 100_000 }, (_, index) => ({ name: `x/${index}`, content: '', store: true })),
    ]),
    status: 422,
    message: /parti/,
  });

  // 4. A 1 GB entry (zeros, 1 MB compressed), honest about its size.
  files.push({
    name: '1gb-entry.xlsx',
    bytes: forgeWorkbook({
      sheet: inlineSheet([MEMBER_HEADER, MEMBER_ROW]),
      extra: [{ name: 'xl/media/big.bin', deflated: deflatedZeros(2 ** 30) }],
    }),
    status: 413,
    message: /decompress/,
  });

  // 5. A sheet that lies: the directory says 2 KB, inflating gives 600 MB of rows.
  const lying = deflatedSequence([
    { text: SHEET_OPEN + HEADER_ROW },
    { text: '<row/>', times: 100_000_000 },
    { text: SHEET_CLOSE },
  ]);
  const lyingEntries = workbookEntries({ sheet: lying });
  lyingEntries.find((entry) => entry.name.endsWith('sheet1.xml'))!.claimedSize = 2048;
  files.push({ name: 'lying-sizes.xlsx', bytes: forgeZip(lyingEntries), status: 422, message: /non è un foglio/ });

  // 6. Nested ZIPs: a ZIP of ZIPs of gigabytes (no workbook in it), and a workbook whose sheet is itself a ZIP bomb.
  const inner = forgeZip(
    Array.from({ length: 4 }, (_, index) => ({ name: `${index}.bin`, deflated: deflatedZeros(2 ** 28) })),
  );
  const middle = forgeZip(
    Array.from({ length: 4 }, (_, index) => ({ name: `${index}.zip`, content: inner, store: true })),
  );
  files.push({
    name: 'nested.xlsx',
    bytes: forgeZip([
      { name: 'a.zip', content: middle, store: true },
      { name: 'b.zip', content: middle, store: true },
    ]),
    status: 422,
    message: /non è un foglio/,
  });
  const nestedSheet = workbookEntries({ sheet: inner });
  nestedSheet.find((entry) => entry.name.endsWith('sheet1.xml'))!.store = true;
  files.push({
    name: 'nested-sheet.xlsx',
    bytes: forgeZip(nestedSheet),
    status: 422,
    message: /non è un foglio/,
  });

  // 7. Sheets of empty rows: 200 MB of <row/> (the review's 13 s of CPU), and numbered empty rows within the ratio.
  files.push({
    name: 'empty-rows.xlsx',
    bytes: forgeWorkbook({
      sheet: deflatedSequence([
        { text: SHEET_OPEN + HEADER_ROW },
        { text: '<row/>', times: 33_000_000 },
        { text: SHEET_CLOSE },
      ]),
    }),
    status: 413,
    message: /decompress/,
  });
  files.push({
    name: 'empty-rows-numbered.xlsx',
    bytes: forgeWorkbook({ sheet: SHEET_OPEN + HEADER_ROW + numberedRows(2, 1_000_000) + SHEET_CLOSE }),
    status: 413,
    message: /righe/,
  });
  files.push({
    name: 'empty-rows-dense.xlsx',
    bytes: forgeWorkbook({
      sheet: deflatedSequence([
        { text: SHEET_OPEN + HEADER_ROW },
        { text: '<row/>', times: 5_000_000 },
        { text: SHEET_CLOSE },
      ]),
    }),
    status: 422,
    message: /compresso/,
  });

  // 8. XML entities: a billion laughs in the shared strings, an external entity in the sheet.
  const laughs = Array.from({ length: 9 }, (_, level) =>
    level === 0 ? '<!ENTITY l0 "lol">' : `<!ENTITY l${level} "${`&l${level - 1};`.repeat(10)}">`,
  ).join('');
  files.push({
    name: 'billion-laughs.xlsx',
    bytes: forgeWorkbook({
      sheet: sheetWithSharedHeader,
      sharedStrings:
        `<?xml version="1.0"?><!DOCTYPE sst [${laughs}]>` + `<sst xmlns="${MAIN_NS}"><si><t>&l8;</t></si></sst>`,
    }),
    status: 422,
    message: /non è un foglio/,
  });
  files.push({
    name: 'external-entity.xlsx',
    bytes: forgeWorkbook({
      sheet:
        `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` +
        `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>` +
        `</sheetData></worksheet>`,
    }),
    status: 422,
    message: /non è un foglio/,
  });
  return files;
}
