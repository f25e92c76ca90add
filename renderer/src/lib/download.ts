import type { ExportResult } from '@shared/domain';

/** Triggers a browser download of base64 bytes (browser mode, and any environment without a save dialog). */
export function downloadBase64(base64: string, fileName: string, mimeType: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Finishes an export the same way everywhere: browser mode downloads the bytes; the desktop app
 * has already saved through its dialog (or the user cancelled). Returns where the file went.
 */
export function deliver(file: ExportResult): { delivery: ExportResult['delivery']; where: string } {
  if (file.delivery === 'download') {
    downloadBase64(file.base64, file.fileName, file.mimeType);
    return { delivery: 'download', where: file.fileName };
  }
  if (file.delivery === 'saved') return { delivery: 'saved', where: file.path };
  return { delivery: 'cancelled', where: '' };
}
