import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportProgress } from '../../renderer/src/components/ExportProgress';
import { renderWithI18n } from './harness';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('export progress', () => {
  it('stays quiet for half a second, then shows a moving bar and says the app can be used meanwhile', () => {
    renderWithI18n(<ExportProgress />);
    expect(screen.queryByRole('progressbar')).toBeNull();
    act(() => vi.advanceTimersByTime(499));
    expect(screen.queryByRole('progressbar')).toBeNull();
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByRole('progressbar', { name: 'Tiedostoa luodaan. Voit jatkaa työskentelyä sillä välin.' })).not.toHaveAttribute('value');
    expect(screen.getByRole('status')).toHaveTextContent('Voit jatkaa työskentelyä');
  });

  it('in English too', () => {
    renderWithI18n(<ExportProgress />, 'en');
    act(() => vi.advanceTimersByTime(500));
    expect(screen.getByRole('status')).toHaveTextContent('Creating the file. You can keep working meanwhile.');
  });
});
