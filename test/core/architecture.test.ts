import fs from 'node:fs';
import path from 'node:path';

const SERVER = path.join(__dirname, '../../server');
const CORE = path.join(SERVER, 'core');
const FORBIDDEN_PACKAGES = ['express', 'pdfkit', 'nodemailer', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises'];

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

test('the core imports nothing from express, pdfkit, nodemailer or the file system', () => {
  const offences = sourceFiles(CORE).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => FORBIDDEN_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`)))
      .map((specifier) => `${path.relative(SERVER, file)} imports ${specifier}`),
  );
  expect(offences).toEqual([]);
});

test('the core never reaches out to an adapter (dependencies point inward)', () => {
  const offences = sourceFiles(CORE).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => path.resolve(path.dirname(file), specifier))
      .filter((target) => !target.startsWith(CORE + path.sep))
      .map((target) => `${path.relative(SERVER, file)} imports ${path.relative(SERVER, target)}`),
  );
  expect(offences).toEqual([]);
});

test('the guard itself notices a forbidden import', () => {
  const probe = path.join(CORE, '__probe__.ts');
  fs.writeFileSync(probe, "import fs from 'node:fs';\nexport const x = fs;\n");
  try {
    expect(importsOf(probe)).toContain('node:fs');
  } finally {
    fs.rmSync(probe);
  }
});
