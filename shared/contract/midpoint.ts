import { MidpointPlan, MidpointState, MidpointVersion } from '../domain/midpoint';
import { noInput, type ContractPart } from './part';

/** The mid-point check: when it is held, and the agreed version its outcome becomes (its answers are `feedback.*` calls). */
export const midpointCalls = {
  'midpoint.get': { input: noInput, output: MidpointState },
  'midpoint.plan': { input: MidpointPlan, output: MidpointState },
  'midpoint.agreeVersion': { input: MidpointVersion, output: MidpointState },
} as const satisfies ContractPart;
