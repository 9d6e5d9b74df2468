import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The layout stays true as code is added: each top-level folder of server/ declares what it may import (its own files
 * aside), so dependencies point inward — core at the centre, adapters around it, use cases above them, the entry
 * points (web, cli) above those, and the composition root (runtime) and process entry (main) at the top.
 */
export const ALLOWED_IMPORTS: Record<string, readonly string[]> = {
  core: [],
  config: ['core'],
  observability: [],
  types: [],
  pdf: ['core'],
  'letter-templates': ['core', 'config'],
  mail: ['core', 'config', 'observability'],
  pec: ['core', 'observability'],
  calendar: ['core', 'observability'],
  'use-cases': ['core', 'config', 'observability', 'pdf', 'letter-templates', 'mail', 'pec', 'calendar'],
  /** storage: the PostgreSQL connection type of the shared batch queue (batch/postgres-batch-store.ts). */
  batch: ['core', 'config', 'observability', 'use-cases', 'storage'],
  /** The data layer: implements the ports the use cases declare (operator accounts today). */
  storage: ['core', 'config', 'use-cases'],
  web: ['core', 'config', 'observability', 'use-cases', 'batch', 'mail', 'pec', 'calendar', 'storage'],
  cli: ['core', 'config', 'observability', 'use-cases', 'batch', 'mail', 'pdf', 'pec', 'calendar', 'storage'],
  runtime: [
    'core',
    'config',
    'observability',
    'pdf',
    'letter-templates',
    'mail',
    'pec',
    'calendar',
    'use-cases',
    'batch',
    'storage',
    'web',
  ],
  main: ['config', 'observability', 'runtime'],
};

/** Inside web/: the helpers every route shares (http/, views/, security/, i18n/) never reach into a route folder. */
const WEB_SHARED = ['http', 'views', 'security', 'i18n'];
const WEB_ROUTES = ['api', 'pages', 'batches', 'api-docs', 'operators', 'campaigns', 'followup'];

/** Packages the pure core must never load. */
const CORE_FORBIDDEN_PACKAGES = ['express', 'pdfkit', 'nodemailer', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises'];

const ROOT = path.join(__dirname, '../..');
const SERVER = path.join(ROOT, 'server');

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const pattern =
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...source.matchAll(pattern)].map((match) => match[1] ?? match[2] ?? match[3]!);
}

/** `server/web/api/x.ts` → ['web', 'api']; `server/main.ts` → ['main']. */
function areaOf(file: string, server: string): string[] {
  const parts = path.relative(server, file).split(path.sep);
  return parts.length === 1 ? [parts[0]!.replace(/\.ts$/, '')] : parts.slice(0, -1);
}

/** Every relative import that crosses a line the allow-lists do not permit, as "file imports target". */
export function layoutOffences(server: string): string[] {
  const offences: string[] = [];
  for (const file of sourceFiles(server)) {
    const [area, sub] = areaOf(file, server);
    for (const specifier of importsOf(file)) {
      if (
        area === 'core' &&
        CORE_FORBIDDEN_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`))
      )
        offences.push(`${path.relative(server, file)} imports the package ${specifier}`);
      if (!specifier.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), specifier);
      const [targetArea, targetSub] = areaOf(`${target}.ts`, server);
      const where = `${path.relative(server, file)} imports ${path.relative(server, target)}`;
      if (!target.startsWith(server + path.sep)) offences.push(`${where} (outside server/)`);
      else if (targetArea !== area && !(ALLOWED_IMPORTS[area!] ?? []).includes(targetArea!))
        offences.push(`${where} (${area} may import: ${(ALLOWED_IMPORTS[area!] ?? []).join(', ') || 'nothing'})`);
      else if (area === 'web' && targetArea === 'web' && WEB_SHARED.includes(sub!) && WEB_ROUTES.includes(targetSub!))
        offences.push(`${where} (web/${sub} is shared by every route and may not reach into web/${targetSub})`);
    }
  }
  return offences.sort();
}

test('every top-level folder of server/ is in the allow-list', () => {
  const folders = fs
    .readdirSync(SERVER, { withFileTypes: true })
    .map((entry) => (entry.isDirectory() ? entry.name : entry.name.replace(/\.ts$/, '')));
  expect(folders.filter((folder) => !(folder in ALLOWED_IMPORTS))).toEqual([]);
});

test('every import follows the allow-list: the core imports no adapter and no I/O package, nothing imports runtime', () => {
  expect(layoutOffences(SERVER)).toEqual([]);
});

test('the guard fails on an import the allow-list does not permit (a fixture tree with one arrow back up)', () => {
  const server = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-layout-'));
  try {
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(server, file)), { recursive: true });
      fs.writeFileSync(path.join(server, file), text);
    };
    write('core/money.ts', 'export const cents = 1;\n');
    write('pdf/render.ts', "import { cents } from '../core/money';\nexport const x = cents;\n");
    write('web/http/limits.ts', 'export const limit = 1;\n');
    expect(layoutOffences(server)).toEqual([]);
    // pdf → web climbs up; the core reading a file breaks purity; a shared web helper reaching into a route folder.
    write('pdf/back-up.ts', "import { limit } from '../web/http/limits';\nexport const y = limit;\n");
    write('core/reads-disk.ts', "import fs from 'node:fs';\nexport const z = fs;\n");
    write('web/api/router.ts', 'export const router = 1;\n');
    write('web/http/reach-in.ts', "import { router } from '../api/router';\nexport const w = router;\n");
    expect(layoutOffences(server)).toEqual([
      'core/reads-disk.ts imports the package node:fs',
      'pdf/back-up.ts imports web/http/limits (pdf may import: core)',
      'web/http/reach-in.ts imports web/api/router (web/http is shared by every route and may not reach into web/api)',
    ]);
  } finally {
    fs.rmSync(server, { recursive: true, force: true });
  }
});
