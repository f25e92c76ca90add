import { z } from 'zod';
import { Member, MemberFields, MemberLeftInput, MemberRef, MemberUpdate } from '../domain/members';
import { Programme, ProgrammeFields, SetupInput } from '../domain/programme';
import { AppInfo, Settings, SettingsPatch } from '../domain/settings';
import { noInput, type ContractPart } from './part';

/** App, settings, the programme and its members. */
export const coreCalls = {
  'app.info': { input: noInput, output: AppInfo },
  'settings.get': { input: noInput, output: Settings },
  'settings.update': { input: SettingsPatch, output: Settings },
  'programme.get': { input: noInput, output: Programme.nullable() },
  'programme.setup': { input: SetupInput, output: Programme },
  'programme.update': { input: ProgrammeFields, output: Programme },
  'members.list': { input: noInput, output: z.array(Member) },
  'members.add': { input: MemberFields, output: Member },
  'members.update': { input: MemberUpdate, output: Member },
  'members.setLeft': { input: MemberLeftInput, output: Member },
  'members.remove': { input: MemberRef, output: MemberRef },
} as const satisfies ContractPart;
