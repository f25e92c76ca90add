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
import { useAutosave } from '../../../lib/useAutosave';
import { FormFailure } from '../../../components/FormFailure';

const ItemText = z.object({ text: requiredText(1000) });

export interface ItemListHandle {
  focusAdd: () => void;
}

interface ItemListProps {
  items: Item[];
  label: string;
  addLabel: string;
  emptyText: string;
  removeLabel: string;
  onAdd: (text: string) => Promise<unknown>;
  onUpdate: (id: number, text: string) => Promise<unknown>;
  onRemove: (id: number) => Promise<unknown>;
  handle?: Ref<ItemListHandle>;
}

/** A short list of one-line items (between-meeting tasks, ideas to forward): add, edit in place, remove. */
export function ItemList({ items, label, addLabel, emptyText, removeLabel, onAdd, onUpdate, onRemove, handle }: ItemListProps) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState('');
  const form = useForm({ resolver: zodResolver(ItemText), defaultValues: { text: '' } });
  const wrapper = useRef<HTMLDivElement>(null);
  useImperativeHandle(handle, () => ({ focusAdd: () => form.setFocus('text') }), [form]);

  const submit = form.handleSubmit(async ({ text }) => {
    setFailure('');
    try {
      await onAdd(text);
      form.reset({ text: '' });
      setTimeout(() => form.setFocus('text'), 0);
    } catch (error) {
      if (!applyFieldIssues(error, form.setError)) setFailure(errorMessage(t, error));
    }
  });

  return (
    <div ref={wrapper} className="item-list">
      {items.length === 0 ? (
        <p className="empty-state">{emptyText}</p>
      ) : (
        <ul className="items">
          {items.map((item) => (
            <ItemRow key={item.id} item={item} label={label} removeLabel={removeLabel} onUpdate={onUpdate} onRemove={onRemove} />
          ))}
        </ul>
      )}
      <Form className="item-add" aria-label={addLabel} onSubmit={(event) => void submit(event)}>
        <TextInput control={form.control} name="text" label={addLabel} isRequired />
        <Button type="submit" className="button button--secondary item-add-button">
          {addLabel}
        </Button>
      </Form>
      <FormFailure message={failure} />
    </div>
  );
}

function ItemRow({
  item,
  label,
  removeLabel,
  onUpdate,
  onRemove,
}: {
  item: Item;
  label: string;
  removeLabel: string;
  onUpdate: (id: number, text: string) => Promise<unknown>;
  onRemove: (id: number) => Promise<unknown>;
}) {
  const form = useForm({ resolver: zodResolver(ItemText), defaultValues: { text: item.text } });
  const { state, flush } = useAutosave(form, ({ text }) => onUpdate(item.id, text));
  return (
    <li className="item-row">
      <form className="item-row-form" onBlur={() => void flush()} onSubmit={(e) => e.preventDefault()}>
        <TextInput control={form.control} name="text" label={label} isRequired />
      </form>
      <div className="item-row-side">
        <SaveStatus state={state} />
        <Button className="button button--quiet button--danger-text" onPress={() => void onRemove(item.id)} aria-label={`${removeLabel}: ${item.text}`}>
          {removeLabel}
        </Button>
      </div>
    </li>
  );
}
