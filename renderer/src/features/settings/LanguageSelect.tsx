import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '@shared/domain';
import { useAppStore } from '../../app/store';

const SYSTEM = 'system';

/** Choose the UI language, or follow the operating system; the choice is stored. */
export function LanguageSelect({ includeSystem = true }: { includeSystem?: boolean }) {
  const { t } = useTranslation();
  const saved = useAppStore((s) => s.settings.language);
  const current = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const value = includeSystem ? (saved ?? SYSTEM) : current;
  return (
    <RadioGroup
      className="radio-group"
      value={value}
      orientation={includeSystem ? 'vertical' : 'horizontal'}
      onChange={(next) => void setLanguage(next === SYSTEM ? null : (next as Language))}
    >
      <Label className={includeSystem ? 'field-label' : 'visually-hidden'}>{t('language.label')}</Label>
      {includeSystem && (
        <Radio value={SYSTEM} className="radio">
          {t('settings.followSystem')}
        </Radio>
      )}
      {LANGUAGES.map((language) => (
        <Radio key={language} value={language} className="radio" lang={language}>
          {t(`language.${language}`)}
        </Radio>
      ))}
    </RadioGroup>
  );
}
