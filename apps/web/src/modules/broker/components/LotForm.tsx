import { Alert, App, Button, DatePicker, Form, Input, Select, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResultItem, TransactionMode } from '@kepai/contracts';
import { errorText } from '../../../lib/errors';
import { fenToYuanInput, parseYuan } from '../../../lib/money';
import { Money } from '../../../ui/Money';
import { useAddLot, useLottedResultIds } from '../hooks/useBroker';
import { changedPaths, fieldPath } from '../logic/form-errors';
import { defaultLotTimes, lotApiError, toLotBody, type LotFormValues } from '../logic/lot-form';
import { ResultPicker } from './ResultPicker';

type FormShape = Omit<LotFormValues, 'opensAt' | 'closesAt'> & {
  opensAt: Dayjs | null;
  closesAt: Dayjs | null;
};
type FieldName = Parameters<FormInstance<FormShape>['setFields']>[0][number]['name'];

const DATE_TIME = 'YYYY-MM-DD HH:mm';

function AmountPreview({ text }: { text: string | undefined }) {
  const fen = parseYuan(text ?? '');
  if (fen === null || fen === 0) return null;
  return (
    <span className="amount-preview" aria-live="polite">
      = <Money fen={fen} />
    </span>
  );
}

/**
 * Adding a lot (标的) to a session: a published result picked by searching, one of its transaction
 * modes, a starting price, an optional reserve (bidders only see whether it is met), and when it
 * opens and closes.
 */
export function LotForm({ sessionId, onDone }: { sessionId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormShape>();
  const addLot = useAddLot(sessionId);
  const lotted = useLottedResultIds();
  const [picked, setPicked] = useState<SearchResultItem | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const startingText = Form.useWatch('startingPrice', form);
  const reserveText = Form.useWatch('reservePrice', form);
  const [initial] = useState(() => {
    const times = defaultLotTimes(new Date());
    return {
      resultId: undefined,
      mode: undefined,
      startingPrice: '',
      reservePrice: '',
      opensAt: dayjs(times.opensAt),
      closesAt: dayjs(times.closesAt),
    } satisfies FormShape;
  });
  const modes: readonly TransactionMode[] = picked?.transactionModes ?? [];

  const reason = (key: string) => t(`broker.lotForm.errors.${key}`);
  function showErrors(errors: Record<string, string>) {
    form.setFields(
      Object.entries(errors).map(([field, key]) => ({
        name: fieldPath(field) as FieldName,
        errors: [reason(key)],
      })),
    );
  }

  function pick(item: SearchResultItem | undefined) {
    setPicked(item);
    const current = form.getFieldsValue(true) as FormShape;
    form.setFields([
      { name: 'mode', value: item?.transactionModes[0], errors: [] },
      {
        name: 'startingPrice',
        value:
          current.startingPrice === '' && item?.askingPrice != null
            ? fenToYuanInput(item.askingPrice)
            : current.startingPrice,
      },
    ]);
  }

  function submit() {
    const shape = form.getFieldsValue(true) as FormShape;
    setFormError(null);
    const converted = toLotBody(
      {
        ...shape,
        opensAt: shape.opensAt?.toDate() ?? null,
        closesAt: shape.closesAt?.toDate() ?? null,
      },
      { now: new Date(), modes },
    );
    if (!converted.ok) {
      showErrors(converted.errors);
      return;
    }
    addLot.mutate(converted.body, {
      onSuccess: () => {
        void message.success(t('broker.lotForm.added'));
        onDone();
      },
      onError: (error) => {
        const field = lotApiError(error);
        if (field === null) setFormError(errorText(error, t));
        else showErrors({ [field.field]: field.reason });
      },
    });
  }

  return (
    <div className="lot-form-box">
      <h3 className="lot-form-title">{t('broker.lotForm.title')}</h3>
      {formError === null ? null : (
        <Alert className="form-alert" type="error" showIcon role="alert" title={formError} />
      )}
      <Form<FormShape>
        form={form}
        layout="vertical"
        data-testid="lot-form"
        initialValues={initial}
        onFinish={submit}
        onValuesChange={(changed) =>
          form.setFields(
            changedPaths(changed).map((name) => ({ name: name as FieldName, errors: [] })),
          )
        }
        requiredMark={false}
      >
        <Form.Item
          name="resultId"
          label={t('broker.lotForm.result')}
          extra={t('broker.lotForm.resultHelp')}
        >
          <ResultPicker testId="lot-result-search" exclude={lotted.data} onPick={pick} />
        </Form.Item>
        <div className="form-grid">
          <Form.Item name="mode" label={t('broker.lotForm.mode')}>
            <Select<TransactionMode>
              disabled={picked === undefined}
              placeholder={t('broker.lotForm.modePlaceholder')}
              options={modes.map((mode) => ({ value: mode, label: t(`modes.${mode}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="startingPrice"
            label={t('broker.lotForm.startingPrice')}
            extra={<AmountPreview text={startingText} />}
          >
            <Input inputMode="decimal" prefix="¥" />
          </Form.Item>
          <Form.Item
            name="reservePrice"
            label={t('broker.lotForm.reservePrice')}
            extra={
              <>
                {t('broker.lotForm.reserveHelp')} <AmountPreview text={reserveText} />
              </>
            }
          >
            <Input inputMode="decimal" prefix="¥" />
          </Form.Item>
          <Form.Item name="opensAt" label={t('broker.lotForm.opensAt')}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format={DATE_TIME}
              disabledDate={(day) => day.isBefore(dayjs(), 'day')}
              className="date-input"
            />
          </Form.Item>
          <Form.Item
            name="closesAt"
            label={t('broker.lotForm.closesAt')}
            extra={t('broker.lotForm.closesAtHelp')}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format={DATE_TIME}
              disabledDate={(day) => day.isBefore(dayjs(), 'day')}
              className="date-input"
            />
          </Form.Item>
        </div>
        <div className="form-actions">
          <Button
            type="primary"
            htmlType="submit"
            loading={addLot.isPending}
            data-testid="lot-save"
          >
            {t('broker.lotForm.save')}
          </Button>
          <Button htmlType="button" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
