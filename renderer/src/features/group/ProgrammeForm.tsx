import { useTranslation } from 'react-i18next';
import { ProgrammeFields, type Programme } from '@shared/domain';
import { useAppStore } from '../../app/store';
import { SaveStatus } from '../../components/SaveStatus';
import { useReadOnly } from '../../components/readOnly';
import { ProgrammeFieldset } from './ProgrammeFieldset';
import { useAutosavedForm } from '../../lib/useAutosave';

const fieldsOf = (p: Programme): ProgrammeFields => ({
  name: p.name,
  organisation: p.organisation,
  facilitatorName: p.facilitatorName,
  startDate: p.startDate,
  endDate: p.endDate,
});

/** The programme's details, saved automatically as the facilitator types; the group page and the agreement show this one field set. */
export function ProgrammeForm({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const updateProgramme = useAppStore((s) => s.updateProgramme);
  const readOnly = useReadOnly();
  const { form, state, flush } = useAutosavedForm({ key: 'programme', schema: ProgrammeFields, values: fieldsOf(programme), save: updateProgramme });

  return (
    <section className="card" aria-labelledby="programme-heading">
      <header className="card-header">
        <div>
          <h2 id="programme-heading">{t('programme.title')}</h2>
          <p className="muted">{readOnly ? t('closed.readOnlyHint') : t('programme.description')}</p>
        </div>
        <SaveStatus state={state} />
      </header>
      <form onBlur={() => void flush()} onSubmit={(e) => e.preventDefault()}>
        <ProgrammeFieldset control={form.control} />
      </form>
    </section>
  );
}
