import { Alert, Button, DatePicker, Form, Input, Select, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELDS, type DemandView } from '@kepai/contracts';
import { errorText } from '../../../lib/errors';
import { parseYuan } from '../../../lib/money';
import { Money } from '../../../ui/Money';
import { useCreateDemand } from '../hooks/useEnterprise';
import {
  DEMAND_DESCRIPTION,
  DEMAND_TITLE,
  demandApiError,
  toDemandBody,
  type DemandFormValues,
} from '../logic/demand-form';

type FormShape = Omit<DemandFormValues, 'deadline'> & { deadline: Dayjs | null };
type FieldName = Parameters<FormInstance<FormShape>['setFields']>[0][number]['name'];

const INITIAL: FormShape = {
  title: '',
  description: '',
  field: undefined,
  budget: '',
  deadline: null,
};

/** Posting a technology demand (技术需求): what is needed, in which field, for what budget, by when. */
export function DemandForm({
  onCreated,
  onCancel,
}: {
  onCreated: (demand: DemandView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormShape>();
  const create = useCreateDemand();
  const [formError, setFormError] = useState<string | null>(null);
  const budgetText = Form.useWatch('budget', form);
  const budgetFen = parseYuan(budgetText ?? '');

  function showErrors(errors: Record<string, string>) {
    form.setFields(
      Object.entries(errors).map(([field, key]) => ({
        name: field as FieldName,
        errors: [t(`enterprise.demandForm.errors.${key}`)],
      })),
    );
  }

  function submit() {
    const shape = form.getFieldsValue(true) as FormShape;
    setFormError(null);
    const converted = toDemandBody(
      { ...shape, deadline: shape.deadline?.format('YYYY-MM-DD') ?? null },
      dayjs().format('YYYY-MM-DD'),
    );
    if (!converted.ok) {
      showErrors(converted.errors);
      return;
    }
    create.mutate(converted.body, {
      onSuccess: onCreated,
      onError: (error) => {
        const field = demandApiError(error);
        if (field === null) setFormError(errorText(error, t));
        else showErrors({ [field.field]: field.reason });
      },
    });
  }

  return (
    <Form<FormShape>
      form={form}
      layout="vertical"
      data-testid="demand-form"
      initialValues={INITIAL}
      onFinish={submit}
      onValuesChange={(changed: Partial<FormShape>) =>
        form.setFields(
          Object.keys(changed).map((name) => ({ name: name as FieldName, errors: [] })),
        )
      }
      requiredMark={false}
    >
      {formError === null ? null : (
        <Alert className="form-alert" type="error" showIcon role="alert" title={formError} />
      )}
      <Form.Item name="title" label={t('enterprise.demandForm.name')}>
        <Input maxLength={DEMAND_TITLE.max} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('enterprise.demandForm.description')}
        extra={t('enterprise.demandForm.descriptionHelp')}
      >
        <Input.TextArea
          maxLength={DEMAND_DESCRIPTION.max}
          showCount
          autoSize={{ minRows: 4, maxRows: 10 }}
        />
      </Form.Item>
      <Form.Item name="field" label={t('enterprise.demandForm.field')}>
        <Select
          placeholder={t('enterprise.demandForm.fieldPlaceholder')}
          options={FIELDS.map((field) => ({ value: field, label: t(`fields.${field}`) }))}
        />
      </Form.Item>
      <div className="form-grid">
        <Form.Item
          name="budget"
          label={t('enterprise.demandForm.budget')}
          extra={
            budgetFen !== null && budgetFen > 0 ? (
              <span aria-live="polite">
                = <Money fen={budgetFen} />
              </span>
            ) : (
              t('enterprise.demandForm.budgetHelp')
            )
          }
        >
          <Input inputMode="decimal" prefix="¥" />
        </Form.Item>
        <Form.Item name="deadline" label={t('enterprise.demandForm.deadline')}>
          <DatePicker className="date-input" disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </div>
      <div className="form-actions">
        <Button
          type="primary"
          htmlType="submit"
          loading={create.isPending}
          data-testid="demand-save"
        >
          {t('enterprise.demandForm.save')}
        </Button>
        <Button htmlType="button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  );
}
