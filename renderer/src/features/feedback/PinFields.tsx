import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Button, Dialog, FieldError, Form, Heading, Input, Label, Modal, ModalOverlay, Text, TextField } from 'react-aria-components';
import { useController, useForm, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Pin } from '@shared/domain';
import { FormFailure } from '../../components/FormFailure';
import { feedbackError } from './labels';

/** The facilitator's PIN as typed: digits only, hidden, never filled in or remembered by the browser. */
function PinInput<T extends FieldValues>({ control, name, label, description, autoFocus = false }: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  description?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const {
    field: { value, onChange, onBlur, ref },
    fieldState: { invalid, error },
  } = useController({ control, name });
  return (
    <TextField
      className="field pin-field"
      value={(value as string | undefined) ?? ''}
      onChange={onChange}
      onBlur={onBlur}
      isInvalid={invalid}
      isRequired
      validationBehavior="aria"
      type="password"
      inputMode="numeric"
      autoComplete="off"
      maxLength={8}
      autoFocus={autoFocus}
    >
      <Label className="field-label">{label}</Label>
      <Input ref={ref} className="input pin-input" />
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      <FieldError className="field-error">{error?.message ? t(`validation.${error.message}`) : ''}</FieldError>
    </TextField>
  );
}

const PinPair = z
  .object({ pin: Pin, repeat: z.string() })
  .refine((pair) => pair.pin === pair.repeat, { path: ['repeat'], error: 'pinMismatch' });
type PinPair = z.infer<typeof PinPair>;

/**
 * Asked before the laptop goes round: the facilitator chooses a PIN and types it twice. Only this
 * PIN leads back to the app (the store keeps a salted hash of it, never the PIN).
 */
export function PinSetDialog({ isOpen, onCancel, onSet }: { isOpen: boolean; onCancel: () => void; onSet: (pin: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState('');
  const form = useForm<PinPair>({ resolver: zodResolver(PinPair), defaultValues: { pin: '', repeat: '' } });
  const cancel = () => {
    form.reset();
    setFailure('');
    onCancel();
  };
  const submit = form.handleSubmit(async ({ pin }) => {
    setFailure('');
    try {
      await onSet(pin);
      form.reset();
    } catch (error) {
      setFailure(feedbackError(t, error));
    }
  });
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} isDismissable onOpenChange={(open) => !open && cancel()}>
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title" className="dialog-title">
            {t('passDevice.setPin.title')}
          </Heading>
          <p>{t('passDevice.setPin.help')}</p>
          <Form className="fieldset" validationBehavior="aria" onSubmit={(event) => void submit(event)}>
            <PinInput control={form.control} name="pin" label={t('passDevice.setPin.pin')} description={t('passDevice.setPin.pinHint')} autoFocus />
            <PinInput control={form.control} name="repeat" label={t('passDevice.setPin.repeat')} />
            <FormFailure message={failure} />
            <div className="dialog-actions">
              <Button className="button button--secondary" onPress={cancel}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" className="button button--primary" isDisabled={form.formState.isSubmitting}>
                {t('passDevice.setPin.confirm')}
              </Button>
            </div>
          </Form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

const PinOnly = z.object({ pin: Pin });
type PinOnly = z.infer<typeof PinOnly>;

/** A wait in whole seconds that counts itself down to 0. */
function useCountdown(): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft((seconds) => seconds - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return [left, setLeft];
}

/**
 * The facilitator's way out of a locked round: the PIN, checked by the store. A wrong PIN says so;
 * after a few, the store makes each next try wait, and the screen shows how long.
 */
export function PinUnlock({ onUnlock, onCancel }: { onUnlock: (pin: string) => Promise<{ unlocked: boolean; retryAfterSeconds: number }>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState('');
  const [wait, setWait] = useCountdown();
  const form = useForm<PinOnly>({ resolver: zodResolver(PinOnly), defaultValues: { pin: '' } });
  const submit = form.handleSubmit(async ({ pin }) => {
    setFailure('');
    try {
      const check = await onUnlock(pin);
      if (check.unlocked) return;
      form.reset({ pin: '' });
      setWait(check.retryAfterSeconds);
      setFailure(t('passDevice.unlock.wrong'));
      setTimeout(() => form.setFocus('pin'), 0);
    } catch (error) {
      setFailure(feedbackError(t, error));
    }
  });
  return (
    <section className="fb-device-handover fb-device-pin" aria-labelledby="fb-device-pin-title">
      <Heading slot="title" id="fb-device-pin-title" className="fb-device-title">
        {t('passDevice.unlock.title')}
      </Heading>
      <p className="fb-device-lead">{t('passDevice.unlock.help')}</p>
      <Form className="fieldset fb-device-pin-form" validationBehavior="aria" onSubmit={(event) => void submit(event)}>
        <PinInput control={form.control} name="pin" label={t('passDevice.unlock.pin')} autoFocus />
        {failure && (
          <p className="form-failure" role="alert">
            {failure}
            {wait > 0 && <> {t('passDevice.unlock.wait', { count: wait })}</>}
          </p>
        )}
        <div className="dialog-actions">
          <Button className="button button--secondary" onPress={onCancel}>
            {t('passDevice.unlock.back')}
          </Button>
          <Button type="submit" className="button button--primary" isDisabled={wait > 0 || form.formState.isSubmitting}>
            {t('passDevice.unlock.confirm')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
