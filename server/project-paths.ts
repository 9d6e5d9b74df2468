import path from 'node:path';

/** The project root, whether running from server/ (tests) or from dist/server/ (npm start, the CLI). */
export const PROJECT_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

export const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'templates');
export const VIEWS_DIR = path.join(PROJECT_ROOT, 'views');
export const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');
