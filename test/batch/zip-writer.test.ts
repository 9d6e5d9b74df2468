import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { crc32, crc32ByTable } from '../../server/batch/crc32';
import { ZipWriter } from '../../server/batch/zip-writer';
import { readZip } from '../support/batch-run';

/**
 * The batch's ZIP writer, read back by three readers that are not its own code: yauzl, Info-ZIP's unzip (`unzip -t`,
 * `zipinfo`) and Python's zipfile; compared with yazl (the writer it replaces) on the same entries.
 */

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-zip-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

interface ListedEntry {
  name: string;
  method: number;
  crc: number;
  compressed: number;
  uncompressed: number;
  date: number;
  time: number;
  flags: number;
}

function listEntries(file: string): Promise<ListedEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries: ListedEntry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push({
          name: entry.fileName,
          method: entry.compressionMethod,
          crc: entry.crc32,
          compressed: entry.compressedSize,
          uncompressed: entry.uncompressedSize,
          date: entry.lastModFileDate,
          time: entry.lastModFileTime,
          flags: entry.generalPurposeBitFlag,
        });
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** `unzip -t` (every entry's CRC checked) and Python's zipfile test; both throw on a damaged archive. */
function checkWithOtherReaders(file: string): string {
  const unzip = execFileSync('unzip', ['-t', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(unzip).toMatch(/No errors detected/);
  execFileSync('python3', ['-m', 'zipfile', '-t', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return unzip;
}

function yazlArchive(file: string, letters: [string, Buffer][], report: string, date: Date): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of letters) zip.addBuffer(bytes, name, { mtime: date, compress: false });
  zip.addFile(report, 'report.csv', { mtime: date, compress: true });
  zip.end();
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file);
    zip.outputStream.pipe(out).on('close', resolve).on('error', reject);
  });
}

const LETTER_DATE = new Date(2026, 11, 1, 12);

function fakeLetters(count: number): [string, Buffer][] {
  return Array.from({ length: count }, (_, index) => [
    `${String(index + 1).padStart(4, '0')}-rossi-mario.pdf`,
    crypto.randomBytes(1000 + index * 97),
  ]);
}

test('a small archive has the entries, bytes, CRCs, sizes, methods and times yazl gives the same input', async () => {
  const letters = fakeLetters(5);
  const report = path.join(dir, 'report.csv');
  fs.writeFileSync(report, '\uFEFFriga;stato\r\n'.repeat(2000) + 'Ştefan Łukasiewicz-Øre;ok\r\n');
  const ours = path.join(dir, 'ours.zip');
  const work = path.join(dir, 'work');
  fs.mkdirSync(work);
  const zip = await ZipWriter.create(ours, { workDir: work });
  for (const [name, bytes] of letters) await zip.addBuffer(name, bytes, LETTER_DATE);
  await zip.addFile('report.csv', report);
  await zip.end();
  const theirs = path.join(dir, 'yazl.zip');
  await yazlArchive(theirs, letters, report, LETTER_DATE);

  const [ourEntries, yazlEntries] = [await listEntries(ours), await listEntries(theirs)];
  const comparable = ({ flags: _flags, ...entry }: ListedEntry) => entry;
  expect(ourEntries.map(comparable)).toEqual(yazlEntries.map(comparable));
  expect(ourEntries.map((entry) => entry.method)).toEqual([0, 0, 0, 0, 0, 8]);
  // CRC and sizes are in the local headers: no data descriptors (bit 3), which yazl writes for the report.
  expect(ourEntries.every((entry) => entry.flags === 0x0800)).toBe(true);
  const [ourBytes, yazlBytes] = [await readZip(ours), await readZip(theirs)];
  expect([...ourBytes.keys()]).toEqual([...yazlBytes.keys()]);
  for (const [name, bytes] of letters) expect(ourBytes.get(name)!.equals(bytes)).toBe(true);
  expect(ourBytes.get('report.csv')!.equals(fs.readFileSync(report))).toBe(true);

  checkWithOtherReaders(ours);
  // Not ZIP64 when nothing needs it; the archive is only for its owner; the spill file is gone.
  expect(fs.readFileSync(ours).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(false);
  expect(fs.statSync(ours).mode & 0o777).toBe(0o600);
  expect(fs.readdirSync(work)).toEqual([]);
  // The same entries give the same bytes.
  const again = path.join(dir, 'again.zip');
  const second = await ZipWriter.create(again, { workDir: work });
  for (const [name, bytes] of letters) await second.addBuffer(name, bytes, LETTER_DATE);
  await second.addFile('report.csv', report);
  await second.end();
  expect(fs.readFileSync(again).equals(fs.readFileSync(ours))).toBe(true);
});

test('70,000 entries: the archive is ZIP64 (end record, locator) and every reader reads all of them', async () => {
  const file = path.join(dir, 'many.zip');
  const zip = await ZipWriter.create(file, { workDir: dir });
  const count = 70_000;
  for (let index = 0; index < count; index += 1) {
    await zip.addBuffer(`${String(index + 1).padStart(6, '0')}.txt`, Buffer.from(`entry ${index}\n`), LETTER_DATE);
  }
  await zip.end();
  const bytes = fs.readFileSync(file);
  const tail = bytes.subarray(bytes.length - 22 - 20 - 56);
  expect(tail.readUInt32LE(0)).toBe(0x06064b50);
  expect(Number(tail.readBigUInt64LE(32))).toBe(count);
  expect(tail.readUInt32LE(56)).toBe(0x07064b50);
  expect(tail.readUInt16LE(56 + 20 + 10)).toBe(0xffff);

  const entries = await readZip(file);
  expect(entries.size).toBe(count);
  expect(entries.get('000001.txt')!.toString()).toBe('entry 0\n');
  expect(entries.get('070000.txt')!.toString()).toBe(`entry ${count - 1}\n`);
  const unzip = checkWithOtherReaders(file);
  expect(unzip.match(/OK$/gm)).toHaveLength(count);
  expect(execFileSync('zipinfo', ['-t', file], { encoding: 'utf8' })).toMatch(/^70000 files/);
  expect(fs.readdirSync(dir)).toEqual(['many.zip']);
}, 120_000);

test('after a failure, close() removes the spill file and leaves no open file behind', async () => {
  const file = path.join(dir, 'broken.zip');
  const zip = await ZipWriter.create(file, { workDir: dir });
  await zip.addBuffer('a.pdf', Buffer.from('%PDF-1.7'), LETTER_DATE);
  await expect(zip.addFile('report.csv', path.join(dir, 'missing.csv'))).rejects.toThrow(/ENOENT/);
  await zip.close();
  expect(fs.readdirSync(dir)).toEqual(['broken.zip']);
});

test('CRC-32 by table (Node before 20.15) equals zlib', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 4096 }), fc.uint8Array({ maxLength: 512 }), (first, second) => {
      expect(crc32ByTable(second, crc32ByTable(first))).toBe(crc32(second, crc32(first)));
    }),
  );
  expect(crc32ByTable(Buffer.from('123456789'))).toBe(0xcbf43926);
});
