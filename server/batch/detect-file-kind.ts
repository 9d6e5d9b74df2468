import fs from 'node:fs/promises';
import { BatchInputError } from './batch-input-error';

export type BatchFileKind = 'csv' | 'xlsx';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const UTF16_BOMS = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];

/** By content, not by name: a ZIP is an .xlsx, an OLE2 file an old .xls, binary bytes are not a CSV. */
export async function detectFileKind(file: string): Promise<BatchFileKind> {
  const handle = await fs.open(file, 'r').catch(() => {
    throw new BatchInputError('cannot-open');
  });
  try {
    const head = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const sample = head.subarray(0, bytesRead);
    if (sample.subarray(0, 4).equals(ZIP)) return 'xlsx';
    if (sample.subarray(0, 4).equals(OLE2)) throw new BatchInputError('old-excel');
    if (UTF16_BOMS.some((bom) => sample.subarray(0, 2).equals(bom))) return 'csv';
    if (sample.includes(0)) throw new BatchInputError('unsupported-type');
    return 'csv';
  } finally {
    await handle.close();
  }
}
