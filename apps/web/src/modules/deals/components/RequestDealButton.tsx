import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  type FormInstance,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { ResultView } from '@kepai/contracts';
import { errorText } from '../../../lib/errors';
import { formatFen, parseYuan } from '../../../lib/money';
import { Money } from '../../../ui/Money';
import { useMe } from '../../auth/hooks/useMe';
import { useBrokerages, useRequestDeal } from '../hooks/useDeals';
import {
  LIMITS,
  initialRequestValues,
  listedTermsOf,
  requestApiField,
  toRequestBody,
  type RequestFormValues,
  type RequestResult,
} from '../logic/forms';
import '../deals.css';

type FieldName = Parameters<FormInstance<RequestFormValues>['setFields']>[0][number]['name'];

const FIELD_LIMITS: Record<string, Record<string, number>> = {
  termMonths: LIMITS.termMonths,
  paymentWindowDays: LIMITS.paymentWindowDays,
  criteria: {
    max: LIMITS.criteria.max,
    min: LIMITS.criteria.length.min,
    length: LIMITS.criteria.length.max,
  },
};

function YuanPreview({ name }: { name: 'price' | 'fee' }) {
  const text = Form.useWatch<string | undefined>(name);
  const fen = parseYuan(text ?? '');
  return fen !== null && fen > 0 ? (
    <span aria-live="polite">
      = <Money fen={fen} />
    </span>
  ) : null;
}

/** What the listing offers under the chosen mode, in plain words. */
function ListedTerms({ result }: { result: RequestResult }) {
  const { t, i18n } = useTranslation();
  const mode = Form.useWatch<RequestFormValues['mode']>('mode');
  const listed = listedTermsOf(result, mode);
  if (listed === null)
    return (
      <p className="muted" data-testid="request-no-listed">
        {mode === 'use_first_pay_later'
          ? t('deals.request.noTerms')
          : t('deals.request.negotiable')}
      </p>
    );
  if ('price' in listed)
    return (
      <p data-testid="request-listed">
        {t('deals.request.listedPrice', { price: formatFen(listed.price, i18n.language) })}
      </p>
    );
  const terms = listed.ufplTerms;
  return (
    <div data-testid="request-listed">
      <p>
        {t('deals.request.listedUfpl', {
          count: terms.termMonths,
          fee: formatFen(terms.fee, i18n.language),
          days: terms.paymentWindowDays,
        })}
      </p>
      <ol className="ufpl-criteria compact">
        {terms.criteria.map((criterion, index) => (
          <li key={index}>{criterion}</li>
        ))}
      </ol>
    </div>
  );
}

function ProposalFields() {
  const { t } = useTranslation();
  const mode = Form.useWatch<RequestFormValues['mode']>('mode');
  const terms = Form.useWatch<RequestFormValues['terms']>('terms');
  if (terms !== 'proposed') return null;
  if (mode !== 'use_first_pay_later')
    return (
      <Form.Item name="price" label={t('deals.request.price')} extra={<YuanPreview name="price" />}>
        <Input inputMode="decimal" prefix="¥" suffix={t('deals.payment.yuan')} />
      </Form.Item>
    );
  return (
    <>
      <div className="deal-form-grid">
        <Form.Item name="termMonths" label={t('deals.request.termMonths')}>
          <InputNumber
            min={LIMITS.termMonths.min}
            max={LIMITS.termMonths.max}
            precision={0}
            suffix={t('deals.request.monthsUnit')}
            className="full-width"
          />
        </Form.Item>
        <Form.Item name="paymentWindowDays" label={t('deals.request.window')}>
          <InputNumber
            min={LIMITS.paymentWindowDays.min}
            max={LIMITS.paymentWindowDays.max}
            precision={0}
            suffix={t('deals.request.daysUnit')}
            className="full-width"
          />
        </Form.Item>
      </div>
      <Form.Item
        name="criteria"
        label={t('deals.request.criteria')}
        extra={t('deals.request.criteriaHelp')}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
      <Form.Item name="fee" label={t('deals.request.fee')} extra={<YuanPreview name="fee" />}>
        <Input inputMode="decimal" prefix="¥" suffix={t('deals.payment.yuan')} />
      </Form.Item>
    </>
  );
}

function RequestDealForm({
  result,
  verified,
  onCancel,
}: {
  result: ResultView;
  verified: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<RequestFormValues>();
  const request = useRequestDeal();
  const brokers = useBrokerages(true);
  const [formError, setFormError] = useState<string | null>(null);

  function showErrors(errors: Record<string, string>) {
    form.setFields(
      Object.entries(errors).map(([field, reason]) => ({
        name: field as FieldName,
        errors: [t(`deals.form.errors.${reason}`, FIELD_LIMITS[field] ?? {})],
      })),
    );
  }

  function submit() {
    setFormError(null);
    const converted = toRequestBody(form.getFieldsValue(true) as RequestFormValues, result);
    if (!converted.ok) {
      showErrors(converted.errors);
      return;
    }
    request.mutate(converted.body, {
      onSuccess: (deal) => {
        void message.success(t('deals.request.sent'));
        void navigate(`/deals/${deal.id}`);
      },
      onError: (error) => {
        const field = requestApiField(error);
        if (field !== null) showErrors({ [field]: 'api' });
        else setFormError(errorText(error, t));
      },
    });
  }

  return (
    <Form<RequestFormValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={initialRequestValues(result)}
      onFinish={submit}
      data-testid="request-deal-form"
      onValuesChange={(changed: Partial<RequestFormValues>) => {
        form.setFields(
          Object.keys(changed).map((name) => ({ name: name as FieldName, errors: [] })),
        );
        if (changed.mode !== undefined)
          form.setFieldValue(
            'terms',
            listedTermsOf(result, changed.mode) === null ? 'proposed' : 'listed',
          );
      }}
    >
      {verified ? null : (
        <Alert
          className="form-alert"
          type="warning"
          showIcon
          title={t('errors.ORGANISATION_UNVERIFIED')}
        />
      )}
      {formError === null ? null : (
        <Alert className="form-alert" type="error" showIcon role="alert" title={formError} />
      )}
      <p>{t('deals.request.lead', { title: result.title, institute: result.institute.name })}</p>
      <Form.Item name="mode" label={t('deals.request.mode')}>
        <Radio.Group
          options={result.transactionModes.map((mode) => ({
            value: mode,
            label: t(`modes.${mode}`),
          }))}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {() => {
          const mode = form.getFieldValue('mode') as RequestFormValues['mode'];
          const listed = listedTermsOf(result, mode);
          return (
            <Form.Item name="terms" label={t('deals.request.terms')}>
              <Radio.Group
                options={[
                  {
                    value: 'listed',
                    label: t('deals.request.atListed'),
                    disabled: listed === null,
                  },
                  {
                    value: 'proposed',
                    label:
                      mode === 'use_first_pay_later'
                        ? t('deals.request.proposeTerms')
                        : t('deals.request.proposePrice'),
                  },
                ]}
              />
            </Form.Item>
          );
        }}
      </Form.Item>
      <ListedTerms result={result} />
      <ProposalFields />
      <Form.Item
        name="brokerId"
        label={t('deals.request.broker')}
        extra={t('deals.request.brokerHelp')}
      >
        <Select
          allowClear
          loading={brokers.isPending}
          placeholder={t('deals.request.noBroker')}
          options={(brokers.data ?? []).map((broker) => ({
            value: broker.id,
            label: broker.name,
          }))}
        />
      </Form.Item>
      <p className="muted">{t('deals.request.after')}</p>
      <div className="deal-form-actions">
        <Button
          type="primary"
          htmlType="submit"
          loading={request.isPending}
          disabled={!verified}
          data-testid="request-deal-submit"
        >
          {t('deals.request.submit')}
        </Button>
        <Button htmlType="button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  );
}

/**
 * "Request a deal" on a result page: an enterprise asks for the result under one of its modes, at
 * the listed terms or proposing its own, optionally with a broker to mediate, and lands on the new
 * deal. A visitor is sent to sign in; other organisations (which may not buy) see nothing, and
 * nor does anyone when the result is not on offer.
 */
export function RequestDealButton({ result }: { result: ResultView }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  if (result.status !== 'published' || result.transactionModes.length === 0) return null;
  if (me.isPending) return null;
  const user = me.data ?? null;
  if (user !== null && user.organisation.type !== 'enterprise') return null;
  return (
    <>
      <Button
        type="primary"
        size="large"
        data-testid="request-deal-button"
        onClick={() => {
          if (user === null)
            void navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
          else setOpen(true);
        }}
      >
        {t('deals.request.button')}
      </Button>
      {user === null ? null : (
        <Modal
          open={open}
          title={t('deals.request.title')}
          footer={null}
          onCancel={() => setOpen(false)}
          destroyOnHidden
        >
          <RequestDealForm
            result={result}
            verified={user.organisation.verified}
            onCancel={() => setOpen(false)}
          />
        </Modal>
      )}
    </>
  );
}
