import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create, type Font } from 'fontkit';
import type { FontSet } from './model';

/**
 * The fonts every PDF embeds (DejaVu Sans: full Latin incl. ä, ö, å; licence next to the files).
 * Their folder is part of the backend's config: `resources/fonts` in the sources, copied next to
 * the main bundle when built, so the packaged app never depends on the system's fonts.
 */
export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

export const fontSetIn = (dir: string): FontSet => ({ regular: join(dir, FONT_FILES.regular), bold: join(dir, FONT_FILES.bold) });

const parsed = new Map<string, Font>();

function parsedFont(path: string): Font {
  let font = parsed.get(path);
  if (!font) {
    const created = create(readFileSync(path));
    if (!('layout' in created)) throw new Error(`${path} is a font collection, not one font.`);
    font = created;
    parsed.set(path, font);
  }
  return font;
}

/**
 * The font for one document. Decoding a TrueType font's tables (fontkit/restructure) was most of
 * an export's time while each document, and each switch back to the regular font, parsed the file
 * again; so each file is parsed once per thread and its decoded tables are shared. Glyphs are
 * not: fontkit caches each glyph with the characters it was first reached by, and a glyph first
 * reached through another document's subset would carry none, leaving its text unextractable.
 * So every document gets a view of the shared font with a glyph cache of its own (as fontkit's
 * own `getVariation` shares `_tables` between fonts).
 */
export function documentFont(path: string): Font {
  return Object.create(parsedFont(path), { _glyphs: { value: {}, writable: true } }) as Font;
}
