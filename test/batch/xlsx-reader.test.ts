import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BatchInputError } from '../../server/batch/batch-input-error';
import { xlsxRecords } from '../../server/batch/xlsx-records';
import { isDateFormatCode } from '../../server/batch/xlsx/cell-styles';
import { columnIndex } from '../../server/batch/xlsx/sheet-records';
import type { XlsxLimits } from '../../server/batch/xlsx/xlsx-limits';
import { forgeWorkbook, inlineSheet, MAIN_NS, workbookEntries } from '../support/xlsx-forge';
import { forgeZip } from '../support/zip-forge';

/**
 * The .xlsx reader (yauzl + sax on a worker thread): what a spreadsheet holds comes out as a CSV export of it would,
 * and what does not look like a member list is refused before it costs anything.
 */
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-xlsx-reader-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function write(bytes: Buffer): string {
  const file = path.join(dir, `${(counter += 1)}.xlsx`);
  fs.writeFileSync(file, bytes);
  return file;
}

async function read(bytes: Buffer, limits: Partial<XlsxLimits> = {}): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const row of xlsxRecords(write(bytes), { limits })) rows.push(row);
  return rows;
}

async function refusal(bytes: Buffer, limits: Partial<XlsxLimits> = {}): Promise<BatchInputError> {
  try {
    await read(bytes, limits);
  } catch (error) {
    if (error instanceof BatchInputError) return error;
    throw error;
  }
  throw new Error('accepted');
}

const sheet = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><sheetData>${rows}</sheetData></worksheet>`;

test('shared strings (rich text runs joined, phonetic runs left out), numbers, booleans, errors, formulas', async () => {
  const sharedStrings =
    `<sst xmlns="${MAIN_NS}"><si><t>nome</t></si><si><r><t>Manu</t></r><r><rPr><b/></rPr><t>ela</t></r></si>` +
    `<si><t>Rossi</t><rPh sb="0" eb="1"><t>ロッシ</t></rPh></si><si><t xml:space="preserve">  spazi  </t></si></sst>`;
  const rows = await read(
    forgeWorkbook({
      sharedStrings,
      sheet: sheet(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
          '<row r="2"><c r="A2"><v>20121</v></c><c r="B2"><v>19.99</v></c><c r="C2" t="b"><v>1</v></c>' +
          '<c r="D2" t="e"><v>#N/A</v></c><c r="E2" t="str"><f>A1&amp;"x"</f><v>nomex</v></c>' +
          '<c r="F2"><f>1+1</f><v>2</v></c><c r="G2" t="s"><v>3</v></c>' +
          '<c r="H2" t="inlineStr"><is><t>&lt;a&amp;b&gt;</t></is></c></row>',
      ),
    }),
  );
  expect(rows).toEqual([
    ['nome', 'Manuela', 'Rossi'],
    ['20121', '19.99', 'true', '', 'nomex', '2', 'spazi', '<a&b>'],
  ]);
});

test('dates by their style: built-in and custom formats, the 1904 system; a plain number stays a number', async () => {
  const styles =
    `<styleSheet xmlns="${MAIN_NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/>` +
    `<numFmt numFmtId="165" formatCode="#,##0.00\\ &quot;€&quot;"/></numFmts>` +
    '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
    '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>' +
    '</styleSheet>';
  const cells =
    '<row r="1"><c r="A1" s="1"><v>45091</v></c><c r="B1" s="2"><v>45091.3333333333</v></c>' +
    '<c r="C1" s="3"><v>45091</v></c><c r="D1"><v>45091</v></c><c r="E1" t="d"><v>2023-06-14T08:00:00Z</v></c></row>';
  expect(await read(forgeWorkbook({ styles, sheet: sheet(cells) }))).toEqual([
    ['2023-06-14T00:00', '2023-06-14T08:00', '45091', '45091', '2023-06-14T08:00'],
  ]);
  expect(await read(forgeWorkbook({ styles, sheet: sheet(cells), date1904: true }))).toEqual([
    ['2027-06-15T00:00', '2027-06-15T08:00', '45091', '45091', '2023-06-14T08:00'],
  ]);
  expect(['dd/mm/yyyy', 'h:mm', '[$-410]d mmmm yyyy', 'yyyy-mm-dd"T"hh:mm'].map(isDateFormatCode)).toEqual([
    true,
    true,
    true,
    true,
  ]);
  expect(['General', '0.00', '#,##0 "€"', '[Red]0.00', '"day" 0'].map(isDateFormatCode)).toEqual([
    false,
    false,
    false,
    false,
    false,
  ]);
});

test('gaps between cells, cells without a reference, empty rows skipped, prefixed element names', async () => {
  const xml =
    `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData>` +
    '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c>' +
    '<x:c r="C1" t="inlineStr"><x:is><x:t>c</x:t></x:is></x:c></x:row>' +
    '<x:row r="2"/><x:row r="3"><x:c r="A3" s="0"/></x:row>' +
    '<x:row r="4"><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row>' +
    '</x:sheetData></x:worksheet>';
  expect(await read(forgeWorkbook({ sheet: xml }))).toEqual([
    ['a', '', 'c'],
    ['1', '2'],
  ]);
  expect([columnIndex('A1'), columnIndex('Z9'), columnIndex('AA1'), columnIndex('XFD1'), columnIndex('12')]).toEqual([
    0,
    25,
    26,
    16383,
    null,
  ]);
});

test("the first sheet is the workbook's first tab, wherever its part lies in the ZIP and whatever it is named", async () => {
  const entries = workbookEntries({ sheet: inlineSheet([['second']]), sheetFirst: true });
  const workbook = entries.find((entry) => entry.name === 'xl/workbook.xml')!;
  workbook.content = String(workbook.content).replace(
    '<sheets><sheet name="Soci" sheetId="1" r:id="rId1"/></sheets>',
    '<sheets><sheet name="Primo" sheetId="2" r:id="rId9"/><sheet name="Soci" sheetId="1" r:id="rId1"/></sheets>',
  );
  const rels = entries.find((entry) => entry.name === 'xl/_rels/workbook.xml.rels')!;
  rels.content = String(rels.content).replace(
    '</Relationships>',
    '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" ' +
      'Target="worksheets/Foglio%20primo.xml"/></Relationships>',
  );
  entries.unshift({ name: 'xl/worksheets/Foglio primo.xml', content: inlineSheet([['first tab']]) });
  expect(await read(forgeZip(entries))).toEqual([['first tab']]);
});

describe('refused before it costs anything', () => {
  test('the ZIP: too many entries, an entry or a total too large, an abnormal ratio, encryption, a duplicate name', async () => {
    const plain = workbookEntries({ sheet: inlineSheet([['a']]) });
    expect((await refusal(forgeZip(plain), { maxEntries: 4 })).problem).toBe('xlsx-entries');
    expect((await refusal(forgeZip(plain), { maxEntryBytes: 100 })).problem).toBe('xlsx-too-large');
    expect((await refusal(forgeZip(plain), { maxTotalBytes: 600 })).problem).toBe('xlsx-too-large');
    const padded = sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>${'<row/>'.repeat(300_000)}`);
    const ratio = await refusal(forgeWorkbook({ sheet: padded }));
    expect([ratio.problem, ratio.httpStatus, ratio.messageIn('en')]).toEqual([
      'xlsx-ratio',
      422,
      'The .xlsx file is compressed abnormally (over 100:1): save it again from Excel, or as CSV.',
    ]);
    const encrypted = forgeZip(plain);
    encrypted.writeUInt16LE(0x0801, encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8);
    expect((await refusal(encrypted)).problem).toBe('xlsx-invalid');
    expect((await refusal(forgeZip([...plain, { name: 'XL/Workbook.xml', content: '<x/>' }]))).problem).toBe(
      'xlsx-invalid',
    );
  });

  test('not a workbook: no workbook part, a broken XML, a DOCTYPE, an unknown entity, a truncated ZIP', async () => {
    expect((await refusal(forgeZip([{ name: 'a.txt', content: 'x' }]))).problem).toBe('xlsx-invalid');
    expect((await refusal(forgeWorkbook({ sheet: '<worksheet><sheetData><row>' }))).problem).toBe('xlsx-invalid');
    expect((await refusal(forgeWorkbook({ sheet: '<!DOCTYPE w []><worksheet/>' }))).problem).toBe('xlsx-invalid');
    const nbsp = sheet('<row><c t="inlineStr"><is><t>&nbsp;</t></is></c></row>');
    expect((await refusal(forgeWorkbook({ sheet: nbsp }))).problem).toBe('xlsx-invalid');
    const whole = forgeWorkbook({ sheet: inlineSheet([['a']]) });
    expect((await refusal(whole.subarray(0, whole.length - 30))).problem).toBe('xlsx-invalid');
  });

  test('a value past the column limit, a row longer than a CSV line, more <row> elements than the budget', async () => {
    const far = sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="SG2"><v>1</v></c></row>');
    const columns = await refusal(forgeWorkbook({ sheet: far }));
    expect([columns.problem, columns.messageIn('it')]).toEqual([
      'too-many-columns',
      'La riga 2 ha più di 500 colonne: controllare il separatore o il file.',
    ]);
    // A styled but empty cell far right is no value: it is ignored.
    expect(
      await read(forgeWorkbook({ sheet: sheet('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="1"/></row>') })),
    ).toEqual([['1']]);
    const long = inlineSheet([['a'.repeat(40_000), 'b'.repeat(40_000)]]);
    expect((await refusal(forgeWorkbook({ sheet: long }))).problem).toBe('line-too-long');
    const rows = sheet(`<row r="1"><c r="A1"><v>1</v></c></row>${'<row/>'.repeat(50)}`);
    const budget = await refusal(forgeWorkbook({ sheet: rows }), { maxSheetRows: 20 });
    expect([budget.problem, budget.httpStatus]).toEqual(['xlsx-rows', 413]);
  });

  test('too many shared strings or characters: refused, not cached', async () => {
    const strings = `<sst xmlns="${MAIN_NS}">${'<si><t>x</t></si>'.repeat(1000)}</sst>`;
    const workbook = forgeWorkbook({ sheet: inlineSheet([['a']]), sharedStrings: strings });
    expect((await refusal(workbook, { maxSharedStrings: 999 })).problem).toBe('xlsx-too-complex');
    expect((await refusal(workbook, { maxSharedChars: 999 })).problem).toBe('xlsx-too-complex');
    expect(await read(workbook, { maxSharedStrings: 1000, maxSharedChars: 1000 })).toEqual([['a']]);
  });
});

test('a workbook that exhausts the reader thread ends that thread, not this process, and is refused', async () => {
  let strings = '';
  for (let index = 0; index < 400_000; index += 1) strings += `<si><t>member ${index} ${'x'.repeat(20)}</t></si>`;
  const file = write(
    forgeWorkbook({ sheet: inlineSheet([['a']]), sharedStrings: `<sst xmlns="${MAIN_NS}">${strings}</sst>` }),
  );
  const unbounded = { maxSharedStrings: Number.MAX_SAFE_INTEGER, maxSharedChars: Number.MAX_SAFE_INTEGER };
  const tiny = { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4, stackSizeMb: 4 };
  const heapBefore = process.memoryUsage().heapUsed;
  const outcome = await (async () => {
    for await (const _ of xlsxRecords(file, { limits: unbounded, resourceLimits: tiny }));
  })().catch((error: unknown) => error);
  expect(outcome).toBeInstanceOf(BatchInputError);
  expect((outcome as BatchInputError).problem).toBe('xlsx-too-complex');
  expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  // With its ordinary limits the same file is read (400,000 strings is within them).
  const rows: string[][] = [];
  for await (const row of xlsxRecords(file)) rows.push(row);
  expect(rows).toEqual([['a']]);
});
