import { join } from 'node:path';
import type { FontSet } from './model';

/**
 * The fonts every PDF embeds (DejaVu Sans: full Latin incl. ä, ö, å; licence next to the files).
 * Their folder is part of the backend's config: `resources/fonts` in the sources, copied next to
 * the main bundle when built, so the packaged app never depends on the system's fonts.
 */
export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

export const fontSetIn = (dir: string): FontSet => ({ regular: join(dir, FONT_FILES.regular), bold: join(dir, FONT_FILES.bold) });
