import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { MembersSection } from '../members/MembersSection';
import { ProgrammeForm } from './ProgrammeForm';

export function GroupPage() {
  const { t } = useTranslation();
  const programme = useAppStore((s) => s.programme);
  if (!programme) return null;
  return (
    <div className="page">
      <h1 className="page-title">{t('nav.group')}</h1>
      <ProgrammeForm programme={programme} />
      <MembersSection />
    </div>
  );
}
