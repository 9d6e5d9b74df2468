import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The Nu Html Checker shipped by the pinned `vnu-jar` package (its Java downloader never runs: allowScripts). */
export const VNU_JAR = require.resolve('vnu-jar/build/dist/vnu.jar');

export interface HtmlPage {
  /** A short name (letters, digits, dashes): the page's file name in the report. */
  name: string;
  html: string;
}

export interface HtmlMessage {
  page: string;
  /** 'error', 'warning' or 'info'; 'fatal' when the checker could not read the page at all. */
  kind: 'error' | 'warning' | 'info' | 'fatal';
  line?: number;
  column?: number;
  message: string;
  extract?: string;
}

export interface HtmlReport {
  errors: HtmlMessage[];
  warnings: HtmlMessage[];
  infos: HtmlMessage[];
}

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

/** The machine's Java: $JAVA_HOME/bin/java when set, else `java` on the PATH. */
export function javaCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

function runChecker(files: string[]): Promise<string> {
  const java = javaCommand();
  const args = ['-jar', VNU_JAR, '--also-check-css', '--format', 'json', '--stdout', ...files];
  return new Promise((resolve, reject) => {
    // The checker exits 1 when it found an error: the report on stdout is what counts.
    execFile(java, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new Error(`no Java runtime (${java}): install one (Debian: default-jre-headless) or set JAVA_HOME`));
      } else if (!stdout.trim()) {
        reject(new Error(`the Nu Html Checker printed no report: ${error?.message ?? ''}\n${stderr}`));
      } else resolve(stdout);
    });
  });
}

function kindOf(message: VnuMessage): HtmlMessage['kind'] {
  if (message.type === 'non-document-error') return 'fatal';
  if (message.type === 'error') return 'error';
  return message.subType === 'warning' ? 'warning' : 'info';
}

/**
 * Checks every page, and the given stylesheet files, in one run of the checker (one JVM start, the slow part).
 * Messages name the page (or the stylesheet's file name); fatal messages count as errors.
 */
export async function checkHtml(pages: HtmlPage[], stylesheets: string[] = []): Promise<HtmlReport> {
  const names = new Set<string>();
  for (const { name } of pages) {
    if (!/^[a-z0-9-]+$/.test(name) || names.has(name)) throw new Error(`page name "${name}" is not unique and plain`);
    names.add(name);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-vnu-'));
  try {
    const files = pages.map((page) => {
      const file = path.join(dir, `${page.name}.html`);
      fs.writeFileSync(file, page.html);
      return file;
    });
    const { messages } = JSON.parse(await runChecker([...files, ...stylesheets])) as { messages: VnuMessage[] };
    const report: HtmlReport = { errors: [], warnings: [], infos: [] };
    for (const message of messages) {
      const kind = kindOf(message);
      const entry: HtmlMessage = {
        page: message.url ? path.basename(new URL(message.url).pathname).replace(/\.html$/, '') : '(checker)',
        kind,
        message: message.message,
        ...(message.lastLine !== undefined ? { line: message.lastLine } : {}),
        ...(message.firstColumn !== undefined ? { column: message.firstColumn } : {}),
        ...(message.extract !== undefined ? { extract: message.extract } : {}),
      };
      (kind === 'warning' ? report.warnings : kind === 'info' ? report.infos : report.errors).push(entry);
    }
    return report;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One line per message, for a failing expectation that says where and what: `page:line:column message «extract»`. */
export function describeMessages(messages: HtmlMessage[]): string[] {
  return messages.map(
    (m) =>
      `${m.page}:${m.line ?? '?'}:${m.column ?? '?'} ${m.message}` +
      (m.extract ? ` «${m.extract.replace(/\s+/g, ' ').trim()}»` : ''),
  );
}
