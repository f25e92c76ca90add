import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProgrammeFields, type Programme } from '@shared/domain';
import { call } from '../../api';
import { useAppStore } from '../../app/store';
import { SaveStatus } from '../../components/SaveStatus';
import { ProgrammeFieldset } from './ProgrammeFieldset';
import { useAutosave } from '../../lib/useAutosave';

const fieldsOf = (p: Programme): ProgrammeFields => ({
  name: p.name,
  organisation: p.organisation,
  facilitatorName: p.facilitatorName,
  startDate: p.startDate,
  endDate: p.endDate,
});

/** The programme's details, saved automatically as the facilitator types. */
export function ProgrammeForm({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const setProgramme = useAppStore((s) => s.setProgramme);
  const form = useForm({ resolver: zodResolver(ProgrammeFields), defaultValues: fieldsOf(programme) });
  const { state, flush } = useAutosave(form, async (fields) => setProgramme(await call('programme.update', fields)));

  return (
    <section className="card" aria-labelledby="programme-heading">
      <header className="card-header">
        <div>
          <h2 id="programme-heading">{t('programme.title')}</h2>
          <p className="muted">{t('programme.description')}</p>
        </div>
        <SaveStatus state={state} />
      </header>
      <form onBlur={() => void flush()} onSubmit={(e) => e.preventDefault()}>
        <ProgrammeFieldset control={form.control} />
      </form>
    </section>
  );
}
