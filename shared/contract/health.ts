import { Health } from '../domain/health';
import { noInput, type ContractPart } from './part';

/** The programme's health and early warnings, for the facilitator's overview only. */
export const healthCalls = {
  'health.overview': { input: noInput, output: Health },
} as const satisfies ContractPart;
