import fs from 'node:fs';
import { once } from 'node:events';
import { csvLine } from '../core/member-list/report-row';

/** report.csv written line by line to a file (UTF-8 with a BOM, so spreadsheets read accents right). */
export class ReportWriter {
  private readonly out: fs.WriteStream;

  constructor(
    readonly file: string,
    private readonly separator: string,
  ) {
    this.out = fs.createWriteStream(file, { mode: 0o600 });
    this.out.write('\uFEFF');
  }

  async write(cells: readonly string[]): Promise<void> {
    if (!this.out.write(csvLine(cells, this.separator))) await once(this.out, 'drain');
  }

  async end(): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}
