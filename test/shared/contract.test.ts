import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CALL_NAMES, mergeParts } from '@shared/contract';
import { agreementCalls } from '@shared/contract/agreement';
import { briefCalls } from '@shared/contract/brief';
import { calendarCalls } from '@shared/contract/calendar';
import { coreCalls } from '@shared/contract/core';
import { feedbackCalls } from '@shared/contract/feedback';
import { healthCalls } from '@shared/contract/health';
import { meetingCalls } from '@shared/contract/meetings';
import { midpointCalls } from '@shared/contract/midpoint';
import { planCalls } from '@shared/contract/plan';
import { promptCalls } from '@shared/contract/prompts';
import { storageCalls } from '@shared/contract/storage';
import { summaryCalls } from '@shared/contract/summary';

describe('merging the contract parts', () => {
  it('refuses a call name defined in two parts, naming it', () => {
    const entry = { input: z.undefined(), output: z.null() };
    expect(() => mergeParts({ 'members.list': entry }, { 'members.add': entry }, { 'members.list': entry })).toThrow(/members\.list.*defined twice/);
  });

  it('keeps every call of every part, each once', () => {
    const parts = [
      coreCalls,
      planCalls,
      agreementCalls,
      meetingCalls,
      feedbackCalls,
      summaryCalls,
      storageCalls,
      promptCalls,
      midpointCalls,
      calendarCalls,
      briefCalls,
      healthCalls,
    ];
    const names = parts.flatMap((part) => Object.keys(part));
    expect(new Set(names).size).toBe(names.length);
    expect([...CALL_NAMES].sort()).toEqual(names.sort());
  });
});
