import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AGREEMENT_LIMITS, requiredText } from '@shared/domain';
import { SaveStatus } from '../../components/SaveStatus';
import { applyFieldIssues, errorMessage } from '../../lib/errors';
import { offerUndo } from '../../lib/notices';
import { useAutosavedForm, useKeptDraft } from '../../lib/useAutosave';
import { TextAreaInput } from '../../components/fields';
import { FormFailure } from '../../components/FormFailure';
import { useReadOnly } from '../../components/readOnly';

const ItemForm = z.object({ text: requiredText(AGREEMENT_LIMITS.rule) });
type ItemForm = z.infer<typeof ItemForm>;

export interface ListItem {
  id: number;
  text: string;
}

interface ItemListProps {
  /** Used for ids, test hooks and saved-field keys, e.g. `rules`, `goals-group`. */
  listId: string;
  /** What one item is, for its saved-field key: `goal` or `rule`. */
  itemKind: 'goal' | 'rule';
  items: ListItem[];
  ordered?: boolean;
  /** Accessible label of one item's field, e.g. "Ground rule 2". */
  itemLabel: (index: number) => string;
  addLabel: string;
  newLabel: string;
  emptyText: string;
  /** "Removed: …", for the notice that offers Undo. */
  removedText: (text: string) => string;
  onUpdate: (id: number, text: string) => Promise<unknown>;
  onAdd: (text: string) => Promise<unknown>;
  /** Removes the item; answers how to put it back. */
  onRemove: (id: number) => Promise<() => Promise<unknown>>;
  onReorder: (ids: number[]) => Promise<unknown>;
}

/** An editable list: each item autosaves; items can be moved with buttons (keyboard-friendly) and removed with Undo. */
export function ItemList(props: ItemListProps) {
  const { t } = useTranslation();
  const { items, ordered, listId } = props;
  const [failure, setFailure] = useState('');
  const readOnly = useReadOnly();
  const move = async (index: number, by: -1 | 1) => {
    const ids = items.map((item) => item.id);
    const target = index + by;
    if (target < 0 || target >= ids.length) return;
    [ids[index], ids[target]] = [ids[target]!, ids[index]!];
    setFailure('');
    try {
      await props.onReorder(ids);
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };
  const List = ordered ? 'ol' : 'ul';
  return (
    <div className="agreement-list" data-list={listId}>
      {items.length === 0 ? (
        <p className="empty-state">{props.emptyText}</p>
      ) : (
        <List className="agreement-items">
          {items.map((item, index) => (
            <ItemRow
              key={item.id}
              fieldKey={`${props.itemKind}:${item.id}`}
              item={item}
              index={index}
              count={items.length}
              label={props.itemLabel(index)}
              removedText={props.removedText}
              onUpdate={props.onUpdate}
              onRemove={props.onRemove}
              onMove={(by) => void move(index, by)}
            />
          ))}
        </List>
      )}
      <FormFailure message={failure} />
      {!readOnly && <AddItem draftKey={`agreement:new-${listId}`} label={props.newLabel} addLabel={props.addLabel} onAdd={props.onAdd} />}
    </div>
  );
}

function ItemRow({
  fieldKey,
  item,
  index,
  count,
  label,
  removedText,
  onUpdate,
  onRemove,
  onMove,
}: {
  fieldKey: string;
  item: ListItem;
  index: number;
  count: number;
  label: string;
  removedText: ItemListProps['removedText'];
  onUpdate: ItemListProps['onUpdate'];
  onRemove: ItemListProps['onRemove'];
  onMove: (by: -1 | 1) => void;
}) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState('');
  const readOnly = useReadOnly();
  const { form, state, flush } = useAutosavedForm({
    key: fieldKey,
    schema: ItemForm,
    values: { text: item.text },
    save: ({ text }) => onUpdate(item.id, text),
  });
  const remove = async () => {
    setFailure('');
    try {
      offerUndo(removedText(item.text), await onRemove(item.id));
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };
  return (
    <li className="agreement-item">
      <form className="agreement-item-form" onBlur={() => void flush()} onSubmit={(e) => e.preventDefault()}>
        <TextAreaInput control={form.control} name="text" label={label} isRequired rows={2} className="agreement-item-field" />
      </form>
      <div className="agreement-item-footer">
        <SaveStatus state={state} />
        {!readOnly && <div className="agreement-item-actions">
          <Button className="button button--quiet" isDisabled={index === 0} onPress={() => onMove(-1)} aria-label={t('agreement.list.moveUp', { item: label })}>
            ↑ {t('agreement.list.up')}
          </Button>
          <Button
            className="button button--quiet"
            isDisabled={index === count - 1}
            onPress={() => onMove(1)}
            aria-label={t('agreement.list.moveDown', { item: label })}
          >
            ↓ {t('agreement.list.down')}
          </Button>
          <Button className="button button--quiet button--danger-text" onPress={() => void remove()} aria-label={t('agreement.list.removeItem', { item: label })}>
            {t('common.remove')}
          </Button>
        </div>}
      </div>
      <FormFailure message={failure} />
    </li>
  );
}

function AddItem({ draftKey, label, addLabel, onAdd }: { draftKey: string; label: string; addLabel: string; onAdd: (text: string) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState('');
  const form = useForm<ItemForm>({ resolver: zodResolver(ItemForm), defaultValues: { text: '' } });
  const added = useKeptDraft(form, draftKey);
  const submit = form.handleSubmit(async ({ text }) => {
    setFailure('');
    try {
      await onAdd(text);
      form.reset({ text: '' });
      added();
    } catch (error) {
      if (!applyFieldIssues(error, form.setError)) setFailure(errorMessage(t, error));
    }
  });
  return (
    <form className="agreement-add" noValidate onSubmit={(e) => void submit(e)}>
      <TextAreaInput control={form.control} name="text" label={label} isRequired rows={2} className="agreement-item-field" />
      <Button type="submit" className="button button--secondary agreement-add-button">
        {addLabel}
      </Button>
      <FormFailure message={failure} />
    </form>
  );
}
