import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');
const DIST_SERVER = path.join(ROOT, 'dist/server');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

function jsFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return jsFiles(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

/** `@scope/name/deep` → `@scope/name`; `name/deep` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The packages a compiled file loads that are neither Node's own nor production dependencies. */
export function devOnlyRequires(files: string[], dependencies: Record<string, string>): string[] {
  const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
  return files.flatMap((file) => {
    const code = fs.readFileSync(file, 'utf8');
    return [...code.matchAll(/require\(\s*["']([^"'.][^"']*)["']\s*\)/g)]
      .map((match) => match[1]!)
      .filter((specifier) => !builtins.has(specifier) && !(packageName(specifier) in dependencies))
      .map((specifier) => `${path.relative(ROOT, file)} requires ${specifier}`);
  });
}

/** Compiled files whose source still exists (a stale output of a moved file is not shipped by a clean build). */
function shippedFiles(): string[] {
  return jsFiles(DIST_SERVER).filter((file) =>
    fs.existsSync(path.join(ROOT, 'server', path.relative(DIST_SERVER, file)).replace(/\.js$/, '.ts')),
  );
}

test('no compiled file in dist/ requires a devDependency (benchmarks and test servers live in tools/)', () => {
  const files = shippedFiles();
  expect(files.length).toBeGreaterThan(50);
  expect(devOnlyRequires(files, manifest.dependencies)).toEqual([]);
});

test('the check notices a compiled file that loads a devDependency', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-dist-'));
  try {
    const file = path.join(dir, 'bench.js');
    fs.writeFileSync(
      file,
      'const a = require("node:fs");\nconst b = require("pdfkit");\nconst c = require("smtp-server");\n',
    );
    expect(devOnlyRequires([file], manifest.dependencies)).toEqual([
      `${path.relative(ROOT, file)} requires smtp-server`,
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
