// First: React finds the DevTools hook only if it exists before react-dom loads.
import './render-log';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { z } from 'zod';
import { useNotices } from '../../renderer/src/lib/notices';
import { forgetAll } from '../../renderer/src/lib/saveRegistry';

z.config({ jitless: true });
afterEach(() => {
  cleanup();
  // Module state outlives a test; the next one starts with a fresh database whose ids repeat.
  forgetAll();
  useNotices.setState({ notices: [] });
});
