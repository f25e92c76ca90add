import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FontSet } from './model';

/** The fonts every export embeds (DejaVu Sans: full Latin incl. ä, ö, å; licence next to the files). */
export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

export const fontSetIn = (dir: string): FontSet => ({ regular: join(dir, FONT_FILES.regular), bold: join(dir, FONT_FILES.bold) });

/** This module's folder, when it is loaded from a file (not under a test DOM, where it is not needed). */
function moduleDir(): string | null {
  try {
    return fileURLToPath(new URL('.', import.meta.url));
  } catch {
    return null;
  }
}

/**
 * Where the fonts are when no folder was passed in: `VERTAISTUKI_FONTS_DIR`, next to the main
 * bundle (`out/main/fonts`, copied at build time like the migrations), or the sources'
 * `resources/fonts` (tests, browser mode). Never the system's fonts: the packaged app must carry its own.
 */
export function defaultFontsDir(): string {
  const here = moduleDir();
  const candidates = [
    process.env['VERTAISTUKI_FONTS_DIR'],
    here && join(here, 'fonts'),
    here && resolve(here, '../../../../resources/fonts'),
    resolve(process.cwd(), 'resources/fonts'),
  ].filter((dir): dir is string => typeof dir === 'string' && dir !== '');
  return candidates.find((dir) => existsSync(join(dir, FONT_FILES.regular))) ?? candidates.at(-1)!;
}
