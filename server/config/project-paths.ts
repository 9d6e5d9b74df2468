import fs from 'node:fs';
import path from 'node:path';

/** The folder holding package.json: the same whether running from the sources (tests) or compiled (dist/, build/). */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(__dirname);

export const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'templates');
export const VIEWS_DIR = path.join(PROJECT_ROOT, 'views');
export const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');
/** The compiled server (`npm run build`): the CLI, the web entry point and the batch render worker run from here. */
export const DIST_SERVER_DIR = path.join(PROJECT_ROOT, 'dist/server');
