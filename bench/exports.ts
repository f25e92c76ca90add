import { median, MiB, sample, type Figure } from './lib/stats';
import { programme } from './programme';
import { startServer } from './lib/server';
import type { BenchContext } from './lib/context';

/**
 * Exports over browser mode's HTTP path, as the user waits for them: the summary and the draft
 * agreement, PDF and DOCX. The DOCX of the same document is the PDF's floor: the same model,
 * rendered by a library that lays nothing out. Peak memory is the server process's high-water mark.
 */
const AREA = 'exports';

export async function exports({ meetings, samples, log }: BenchContext): Promise<Figure[]> {
  const copy = await programme(meetings, log);
  const server = await startServer(copy.dataDir, copy.key);
  const time = (name: string, input: unknown) => sample(samples.exports, () => server.call(name, input));
  const summaryPdf = await time('summary.export', { format: 'pdf' });
  const summaryDocx = await time('summary.export', { format: 'docx' });
  const agreementPdf = await time('agreement.export', { version: null, language: 'fi', format: 'pdf' });
  const agreementDocx = await time('agreement.export', { version: null, language: 'fi', format: 'docx' });
  const peak = await server.peakMemory();
  await server.close();
  copy.remove();

  const base = { area: AREA, meetings, unit: 'ms' as const, stat: 'p50' };
  const pdfTarget = meetings >= 999 ? { value: 5000, text: '< 5 s at 999 (< 1 s at any realistic size)' } : { value: 1000, text: '< 1 s' };
  return [
    {
      ...base,
      what: 'summary export PDF',
      value: median(summaryPdf),
      target: pdfTarget,
      floor: { what: 'DOCX of the same document', value: median(summaryDocx) },
      samples: summaryPdf.length,
    },
    { ...base, what: 'summary export DOCX', value: median(summaryDocx), samples: summaryDocx.length },
    {
      ...base,
      what: 'agreement export PDF (draft)',
      value: median(agreementPdf),
      target: { value: 1000, text: '< 1 s' },
      floor: { what: 'DOCX of the same document', value: median(agreementDocx) },
      samples: agreementPdf.length,
    },
    {
      area: AREA,
      meetings,
      unit: 'MiB',
      stat: 'peak',
      what: 'server peak memory during exports',
      value: MiB(peak),
      target: { value: 300, text: '< 300 MiB at 999' },
      samples: 1,
      note: 'maxRSS of the browser-mode process (all threads), after the exports above',
    },
  ];
}
