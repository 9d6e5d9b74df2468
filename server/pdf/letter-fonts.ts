import fs from 'node:fs';
import path from 'node:path';
import { SharedFont, type SharedFontOptions } from './shared-font';

export interface LetterFonts {
  regular: SharedFont;
  bold: SharedFont;
}

/**
 * DejaVu Serif: a full Unicode TrueType font (Latin, Greek, Cyrillic, ş, ł, ø…), so any name prints and
 * extracts correctly; embedded as a subset, as PDF/A requires.
 */
export function loadLetterFonts(options: SharedFontOptions = {}): LetterFonts {
  const directory = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const read = (file: string) => new SharedFont(fs.readFileSync(path.join(directory, file)), options);
  return { regular: read('DejaVuSerif.ttf'), bold: read('DejaVuSerif-Bold.ttf') };
}
