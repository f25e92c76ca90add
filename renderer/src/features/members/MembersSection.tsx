import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useReadOnly } from '../../components/readOnly';
import { AddMemberForm } from './AddMemberForm';
import { MemberRow } from './MemberRow';
import { useMembersStore } from './store';

export function MembersSection() {
  const { t } = useTranslation();
  const { members, loaded, load, add } = useMembersStore();
  const readOnly = useReadOnly();

  useEffect(() => {
    void load();
  }, [load]);

  const active = members.filter((m) => m.leftOn === null);
  const left = members.filter((m) => m.leftOn !== null);

  return (
    <section className="card" aria-labelledby="members-heading">
      <header className="card-header">
        <div>
          <h2 id="members-heading">{t('members.title')}</h2>
          <p className="muted">{readOnly ? t('closed.readOnlyHint') : t('members.description')}</p>
        </div>
        <span className="count-pill">{t('members.count', { count: active.length })}</span>
      </header>
      {loaded && active.length === 0 && <p className="empty-state">{t('members.empty')}</p>}
      <ul className="member-list">
        {active.map((member) => (
          <MemberRow key={member.id} member={member} />
        ))}
      </ul>
      {!readOnly && <AddMemberForm onAdd={add} draftKey="members:new" />}
      {left.length > 0 && (
        <>
          <h3 className="subheading">{t('members.leftTitle')}</h3>
          <ul className="member-list">
            {left.map((member) => (
              <MemberRow key={member.id} member={member} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
