import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

/**
 * vitest.config.ts as Stryker runs it: the same projects, with timeouts that suit code instrumented
 * with every mutant, run two at a time on a shared two-core machine (a test's own timeout is not
 * what mutation testing measures; Stryker has its own, see stryker.config.mjs).
 */
const projects = (base.test?.projects ?? []) as { test?: object }[];

export default defineConfig({
  test: {
    projects: projects.map((project) => ({ ...project, test: { ...project.test, testTimeout: 60_000, hookTimeout: 180_000 } })),
  },
});
