import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';

export interface SelectOption {
  id: string;
  label: string;
}

/** The opened part of a select: the button showing the choice, and the list of options. */
export function SelectMenu({ options }: { options: SelectOption[] }) {
  return (
    <>
      <Button className="input select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} className="listbox-item">
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </>
  );
}

/** A plain (form-less) select for choosing among a few options, e.g. a filter. */
export function PickSelect({
  label,
  options,
  value,
  onChange,
  className = '',
}: {
  label: string;
  options: SelectOption[];
  value: string;
  onChange: (value: string) => void;
  className?: string;
}) {
  return (
    <Select className={`field pick-select ${className}`} selectedKey={value} onSelectionChange={(key) => key !== null && onChange(String(key))}>
      <Label className="field-label">{label}</Label>
      <SelectMenu options={options} />
    </Select>
  );
}
