/**
 * The modules under mutation testing, each with only the tests that exercise it, so that one
 * module runs in minutes on two cores. `target` is the mutation score each module must reach
 * (issue 16); `core` marks the confidentiality core that `npm test` runs (see mutation/run.mjs).
 * Paths are relative to the repository root.
 */
const S = 'electron/main/services';
const T = 'test/services';

export const MODULES = [
  {
    name: 'summary',
    core: true,
    target: 90,
    // labels.ts is words only: each of its mutants is static (it runs while the module loads), so
    // Stryker would run every test for each; it is its own module below, with fast tests.
    mutate: [`${S}/summary/*.ts`, `!${S}/summary/labels.ts`],
    testFiles: [
      `${T}/summary-document.test.ts`,
      `${T}/summary.test.ts`,
      `${T}/summary-leak.test.ts`,
      `${T}/summary-structure.test.ts`,
      `${T}/closing.test.ts`,
    ],
  },
  {
    name: 'summary-labels',
    core: true,
    target: 90,
    mutate: [`${S}/summary/labels.ts`],
    testFiles: [`${T}/summary-labels.test.ts`, `${T}/summary-document.test.ts`, `${T}/summary.test.ts`],
  },
  {
    name: 'feedback-shareable',
    core: true,
    target: 90,
    mutate: [`${S}/feedback/shareable.ts`, `${S}/feedback/aggregates.ts`],
    // Not the leak test: it exports on the export worker's thread, where Stryker's mutants are never active.
    testFiles: [`${T}/feedback-shareable.test.ts`, `${T}/summary-document.test.ts`, `${T}/feedback.test.ts`, `${T}/summary.test.ts`],
  },
  {
    // The fixed sample `npm test` runs (npm run test:mutation:sample): feedback's one door and the
    // aggregates under it, against the one fast test file that drives them through stand-in views.
    // It runs only when named (--modules sample), so the full run does not repeat it.
    name: 'sample',
    sample: true,
    target: 90,
    mutate: [`${S}/feedback/shareable.ts`, `${S}/feedback/aggregates.ts`],
    testFiles: [`${T}/feedback-shareable.test.ts`],
  },
  {
    name: 'closing',
    target: 90,
    mutate: [`${S}/closing/*.ts`],
    testFiles: [`${T}/closing.test.ts`, `${T}/closed-programme.test.ts`, `${T}/summary.test.ts`, `${T}/forensic-close.test.ts`],
  },
  {
    name: 'meetings',
    target: 80,
    mutate: [`${S}/meetings/service.ts`],
    testFiles: [`${T}/meetings-data.test.ts`, `${T}/meetings.test.ts`, `${T}/rules/meetings.test.ts`, `${T}/read-models.test.ts`],
  },
];
