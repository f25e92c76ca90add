import { useState } from 'react';
import { Button, Form, Input, Label, SearchField, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SEARCH_MARK_END, SEARCH_MARK_START, type SearchResult } from '@shared/domain';
import { useAppStore } from '../../app/store';
import { errorMessage } from '../../lib/errors';
import { formatWhen } from '@shared/vocabulary';
import { useMeetingsStore } from './store';
import { FormFailure } from '../../components/FormFailure';

/** Splits a snippet at the search marks into text and <mark> parts; never renders HTML. */
export function Highlighted({ snippet }: { snippet: string }) {
  const parts = snippet.split(SEARCH_MARK_START);
  return (
    <>
      {parts.map((part, index) => {
        if (index === 0) return <span key={index}>{part}</span>;
        const [marked = '', rest = ''] = part.split(SEARCH_MARK_END);
        return (
          <span key={index}>
            <mark>{marked}</mark>
            {rest}
          </span>
        );
      })}
    </>
  );
}

/** Full-text search over the programme's meetings, results grouped by meeting. */
export function SearchPanel() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const open = useMeetingsStore((s) => s.open);
  const search = useMeetingsStore((s) => s.search);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<(SearchResult & { query: string }) | null>(null);
  const [failure, setFailure] = useState('');

  const run = async () => {
    const trimmed = query.trim();
    if (!trimmed) return setResults(null);
    setFailure('');
    try {
      setResults({ query: trimmed, ...(await search(trimmed)) });
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };
  const count = results?.total ?? 0;
  const shown = results?.groups.reduce((n, g) => n + g.hits.length, 0) ?? 0;

  return (
    <section className="card" aria-labelledby="search-heading" role="search">
      <h2 id="search-heading" className="visually-hidden">
        {t('meetings.searchLabel')}
      </h2>
      <Form
        className="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <SearchField className="field search-field" value={query} onChange={setQuery} onClear={() => setResults(null)}>
          <Label className="field-label">{t('meetings.searchLabel')}</Label>
          <Input className="input" />
          <Text slot="description" className="field-description">
            {t('meetings.searchHint')}
          </Text>
        </SearchField>
        <Button type="submit" className="button button--secondary search-button">
          {t('meetings.searchButton')}
        </Button>
      </Form>
      <FormFailure message={failure} />
      {results && (
        <div className="search-results" aria-live="polite">
          <p className="muted">
            {count === 0 ? t('meetings.searchNone', { query: results.query }) : t('meetings.searchResults', { count })}
            {shown < count && ` ${t('meetings.searchShowingFirst', { shown })}`}
          </p>
          {results.groups.map((group) => (
            <article key={group.meetingId} className="search-group" aria-label={t('meetings.numberLong', { number: group.number })}>
              <h3>
                <Button className="link-button" onPress={() => void open(group.meetingId)}>
                  {t('meetings.numberLong', { number: group.number })}
                </Button>
                <span className="muted"> · {formatWhen(group, language)}</span>
              </h3>
              <ul className="search-hits">
                {group.hits.map((hit, index) => (
                  <li key={`${hit.kind}-${hit.refId}-${index}`}>
                    <span className="badge">{t(`meetings.kind_${hit.kind}`)}</span> <Highlighted snippet={hit.snippet} />
                  </li>
                ))}
              </ul>
            </article>
          ))}
        </div>
      )}
    </section>
  );
}
