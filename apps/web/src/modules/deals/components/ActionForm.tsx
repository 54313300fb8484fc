import { Alert, App, Button, Form, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealActionBodies } from '../api/deals';
import { useDealAction } from '../hooks/useDeals';
import type { DealAction } from '../logic/actions';
import { apiField, type Conversion } from '../logic/forms';
import { refusalText } from '../logic/refusal';

/** Bounds a field's error text may name ("at most {{max}} characters"). */
export type FieldLimits = Record<string, { min?: number; max?: number; amount?: string }>;

type FieldName<V> = Parameters<FormInstance<V>['setFields']>[0][number]['name'];

/**
 * One action's form: checks the values by the api's rules before sending, sends once, and shows
 * a refusal in plain words — on the field the api names, else above the form. On success the
 * deal in the cache is the api's answer and `onDone` closes the dialog.
 */
export function ActionForm<A extends DealAction, V extends object>({
  action,
  dealId,
  initialValues,
  convert,
  limits = {},
  submitLabel,
  danger = false,
  onDone,
  onCancel,
  children,
}: {
  action: A;
  dealId: string;
  initialValues: V;
  convert: (values: V) => Conversion<DealActionBodies[A]>;
  limits?: FieldLimits;
  submitLabel: string;
  danger?: boolean;
  onDone: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const mutation = useDealAction(dealId, action);
  const [formError, setFormError] = useState<string | null>(null);
  const fields = Object.keys(initialValues);

  function showErrors(errors: Record<string, string>) {
    form.setFields(
      Object.entries(errors).map(([field, reason]) => ({
        name: field as FieldName<V>,
        errors: [t(`deals.form.errors.${reason}`, limits[field] ?? {})],
      })),
    );
  }

  function submit() {
    setFormError(null);
    const converted = convert(form.getFieldsValue(true) as V);
    if (!converted.ok) {
      showErrors(converted.errors);
      return;
    }
    mutation.mutate(converted.body, {
      onSuccess: () => {
        void message.success(t(`deals.done.${action as DealAction}`));
        onDone();
      },
      onError: (error) => {
        const field = apiField(error, fields);
        if (field !== null) showErrors({ [field]: 'api' });
        else setFormError(refusalText(error, action, t));
      },
    });
  }

  return (
    <Form<V>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      requiredMark={false}
      data-testid={`deal-form-${action}`}
      onValuesChange={(changed: Partial<V>) =>
        form.setFields(
          Object.keys(changed).map((name) => ({ name: name as FieldName<V>, errors: [] })),
        )
      }
    >
      {formError === null ? null : (
        <Alert
          className="form-alert"
          type="error"
          showIcon
          role="alert"
          title={formError}
          data-testid="deal-refusal"
        />
      )}
      {children}
      <div className="deal-form-actions">
        <Button
          type="primary"
          danger={danger}
          htmlType="submit"
          loading={mutation.isPending}
          data-testid="deal-submit"
        >
          {submitLabel}
        </Button>
        <Button htmlType="button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  );
}
