import type { TFunction } from 'i18next';
import type { Member } from '@shared/domain';

export const ownerName = (ownerId: number | null, members: Member[], t: TFunction): string =>
  ownerId === null ? t('meetings.wholeGroup') : (members.find((m) => m.id === ownerId)?.name ?? '?');

/** Options for "who": the whole group, then the members still in the group (plus the current owner). */
export const ownerOptions = (members: Member[], t: TFunction, current: number | null = null) => [
  { id: 'group', label: t('meetings.wholeGroup') },
  ...members.filter((m) => m.leftOn === null || m.id === current).map((m) => ({ id: String(m.id), label: m.name })),
];

export const ownerFromOption = (id: string): number | null => (id === 'group' || id === '' ? null : Number(id));
