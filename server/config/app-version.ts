import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './project-paths';

/** The version in package.json, read once. */
export const APP_VERSION: string = (
  JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
