/** Remembers each codice fiscale + mailbox pair of a file: a later row with the same pair is a duplicate. */
export class DuplicateDetector {
  private readonly firstRows = new Map<string, number>();

  /** The row that first had this pair, or null (and the pair is remembered for `row`). */
  check(taxCode: string, mailbox: string, row: number): number | null {
    const code = taxCode.replace(/\s+/g, '').toUpperCase();
    const box = mailbox.replace(/\s+/g, '').toLowerCase();
    if (!code || !box) return null;
    const pair = `${code}\u0000${box}`;
    const first = this.firstRows.get(pair);
    if (first !== undefined) return first;
    this.firstRows.set(pair, row);
    return null;
  }
}
