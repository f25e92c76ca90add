import { zodResolver } from '@hookform/resolvers/zod';
import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { Button, Form } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requiredText, type Item } from '@shared/domain';
import { SaveStatus } from '../../../components/SaveStatus';
import { TextInput } from '../../../components/fields';
import { applyFieldIssues, errorMessage } from '../../../lib/errors';
import { offerUndo } from '../../../lib/notices';
import { useAutosavedForm, useKeptDraft } from '../../../lib/useAutosave';
import { FormFailure } from '../../../components/FormFailure';
import { focusFirstField } from '../../../lib/focus';
import { useMeetingsStore, type ItemKind } from '../store';

const ItemText = z.object({ text: requiredText(1000) });

export interface ItemListHandle {
  focusAdd: () => void;
}

interface ItemListProps {
  kind: ItemKind;
  meetingId: number;
  items: Item[];
  label: string;
  addLabel: string;
  emptyText: string;
  removeLabel: string;
  /** "Removed: …", for the notice that offers Undo. */
  removedText: (text: string) => string;
  handle?: Ref<ItemListHandle>;
}

/** A short list of one-line items (between-meeting tasks, ideas to forward): add, edit in place, remove with Undo. */
export function ItemList({ kind, meetingId, items, label, addLabel, emptyText, removeLabel, removedText, handle }: ItemListProps) {
  const { t } = useTranslation();
  const addItem = useMeetingsStore((s) => s.addItem);
  const [failure, setFailure] = useState('');
  const form = useForm({ resolver: zodResolver(ItemText), defaultValues: { text: '' } });
  const added = useKeptDraft(form, `meeting:${meetingId}:new-${kind}`);
  const adder = useRef<HTMLFormElement>(null);
  useImperativeHandle(handle, () => ({ focusAdd: () => focusFirstField(adder.current) }), []);

  const submit = form.handleSubmit(async ({ text }) => {
    setFailure('');
    try {
      await addItem(kind, meetingId, text);
      form.reset({ text: '' });
      added();
      setTimeout(() => form.setFocus('text'), 0);
    } catch (error) {
      if (!applyFieldIssues(error, form.setError)) setFailure(errorMessage(t, error));
    }
  });

  return (
    <div className="item-list">
      {items.length === 0 ? (
        <p className="empty-state">{emptyText}</p>
      ) : (
        <ul className="items">
          {items.map((item) => (
            <ItemRow key={item.id} kind={kind} item={item} label={label} removeLabel={removeLabel} removedText={removedText} />
          ))}
        </ul>
      )}
      <Form ref={adder} className="item-add" aria-label={addLabel} validationBehavior="aria" onSubmit={(event) => void submit(event)}>
        <TextInput control={form.control} name="text" label={addLabel} isRequired />
        <Button type="submit" className="button button--secondary item-add-button">
          {addLabel}
        </Button>
      </Form>
      <FormFailure message={failure} />
    </div>
  );
}

function ItemRow({ kind, item, label, removeLabel, removedText }: { kind: ItemKind; item: Item; label: string; removeLabel: string; removedText: (text: string) => string }) {
  const { t } = useTranslation();
  const updateItem = useMeetingsStore((s) => s.updateItem);
  const removeItem = useMeetingsStore((s) => s.removeItem);
  const [failure, setFailure] = useState('');
  const { form, state, flush } = useAutosavedForm({
    key: `${kind}:${item.id}`,
    schema: ItemText,
    values: { text: item.text },
    save: (values) => updateItem(kind, item.id, values.text),
  });
  const remove = async () => {
    setFailure('');
    try {
      offerUndo(removedText(item.text), await removeItem(kind, item.id));
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };
  return (
    <li className="item-row">
      <form className="item-row-form" onBlur={() => void flush()} onSubmit={(e) => e.preventDefault()}>
        <TextInput control={form.control} name="text" label={label} isRequired />
      </form>
      <div className="item-row-side">
        <SaveStatus state={state} />
        <Button className="button button--quiet button--danger-text" onPress={() => void remove()} aria-label={`${removeLabel}: ${item.text}`}>
          {removeLabel}
        </Button>
      </div>
      <FormFailure message={failure} />
    </li>
  );
}
