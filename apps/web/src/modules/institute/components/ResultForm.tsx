import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  FIELDS,
  MATURITIES,
  PATENT_STATUSES,
  TRANSACTION_MODES,
  type ResultView,
  type UserView,
} from '@kepai/contracts';
import { errorText, invalidField } from '../../../lib/errors';
import { ApiError } from '../../../lib/http';
import { parseYuan } from '../../../lib/money';
import { queryKeys } from '../../../lib/query-keys';
import { Money } from '../../../ui/Money';
import { useCreateResult, useSubmitResult, useUpdateResult } from '../hooks/useMyResults';
import {
  LIMITS,
  clearedOnUpdate,
  emptyResultForm,
  fieldIssue,
  formFieldOfRefusal,
  offersUfpl,
  resultToForm,
  toResultBody,
  toUpdateBody,
  type FieldIssue,
  type ResultFormField,
  type ResultFormValues,
} from '../logic/result-form';

const BASE = '/console/institute';
const TAG_SEPARATORS = [',', '，', ';', '；', '、'];

/**
 * Every field of a result (ResultBody), checked as the api checks it before anything is sent;
 * a refusal the api still gives is shown under the field it names, in plain words.
 */
export function ResultForm({ user, saved }: { user: UserView; saved?: ResultView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<ResultFormValues>();
  const [initial] = useState(() => (saved ? resultToForm(saved) : emptyResultForm()));
  const [failure, setFailure] = useState<unknown>(null);
  const create = useCreateResult();
  const update = useUpdateResult(saved?.id ?? '');
  const submit = useSubmitResult();
  const modes = Form.useWatch('transactionModes', form) ?? initial.transactionModes;
  const negotiable = Form.useWatch('negotiable', form) ?? initial.negotiable;
  const priceText = Form.useWatch('askingPrice', form) ?? initial.askingPrice;
  const feeText = Form.useWatch('ufplFee', form) ?? initial.ufplFee;
  const ufpl = offersUfpl({ transactionModes: modes });
  const busy = create.isPending || update.isPending || submit.isPending;
  const canSubmit = saved === undefined || saved.status === 'draft';
  const verified = user.organisation.verified;

  const label = (field: ResultFormField) => t(`institute.form.fields.${field}`);
  const values = (): ResultFormValues => ({
    ...emptyResultForm(),
    ...(form.getFieldsValue(true) as Partial<ResultFormValues>),
  });
  const issueText = (field: ResultFormField, issue: FieldIssue) =>
    t(`institute.form.rules.${issue.rule}`, { label: label(field), ...issue.values });
  const rule = (field: ResultFormField): { validator: () => Promise<void> } => ({
    validator: () => {
      const issue = fieldIssue(field, values());
      return issue === null
        ? Promise.resolve()
        : Promise.reject(new Error(issueText(field, issue)));
    },
  });

  /** A refusal from the api: under its field where it names one, above the buttons otherwise. */
  const showRefusal = (error: unknown) => {
    const field =
      error instanceof ApiError
        ? formFieldOfRefusal(invalidField(error), error.body?.message ?? '')
        : null;
    if (field === null) {
      setFailure(error);
      return;
    }
    form.setFields([
      {
        name: field,
        errors: [t('institute.form.refused', { rule: t(`institute.form.hints.${field}`) })],
      },
    ]);
    form.scrollToField(field, { block: 'center' });
  };

  const save = async (andSubmit: boolean) => {
    setFailure(null);
    try {
      await form.validateFields();
    } catch (error) {
      const first = (error as { errorFields?: Array<{ name: Array<string | number> }> })
        .errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      return;
    }
    const current = values();
    if (saved) {
      const cleared = clearedOnUpdate(current, saved);
      if (cleared.length > 0) {
        form.setFields(
          cleared.map((field) => ({
            name: field,
            errors: [t(`institute.form.cannotClear.${field}`)],
          })),
        );
        form.scrollToField(cleared[0], { block: 'center' });
        return;
      }
    }
    let result: ResultView;
    try {
      result = saved
        ? await update.mutateAsync(toUpdateBody(current))
        : await create.mutateAsync(toResultBody(current));
    } catch (error) {
      showRefusal(error);
      return;
    }
    if (andSubmit) {
      try {
        await submit.mutateAsync(result.id);
      } catch (error) {
        // saved, but not submitted: say so, and keep editing the saved draft
        void message.warning(t('institute.form.savedNotSubmitted'));
        setFailure(error);
        if (!saved) void navigate(`${BASE}/results/${result.id}/edit`, { replace: true });
        return;
      }
      void message.success(t('institute.form.submitted'));
      void navigate(`${BASE}/results`);
      return;
    }
    if (!saved) {
      client.setQueryData(queryKeys.result(result.id), result);
      void message.success(t('institute.form.created'));
      void navigate(`${BASE}/results/${result.id}/edit`, { replace: true });
      return;
    }
    void message.success(
      saved.status === 'published' && result.status === 'pending_review'
        ? t('institute.form.savedToReview')
        : t('institute.form.saved'),
    );
  };

  const onValuesChange = (changed: Partial<ResultFormValues>) => {
    // the first criterion's box is there as soon as use-first-pay-later is picked
    if (
      changed.transactionModes?.includes('use_first_pay_later') &&
      values().ufplCriteria.length === 0
    )
      form.setFieldValue('ufplCriteria', ['']);
  };

  const price = negotiable ? null : parseYuan(priceText);
  const fee = parseYuan(feeText);

  return (
    <Form<ResultFormValues>
      form={form}
      name="result"
      layout="vertical"
      initialValues={initial}
      onValuesChange={onValuesChange}
      onFinish={() => void save(false)}
      requiredMark
      data-testid="result-form"
      className="inst-form"
    >
      <fieldset className="inst-fieldset">
        <legend>{t('institute.form.sections.basics')}</legend>
        <Form.Item
          name="title"
          label={label('title')}
          required
          rules={[rule('title')]}
          validateFirst
        >
          <Input maxLength={LIMITS.title.max} showCount />
        </Form.Item>
        <Form.Item name="summary" label={label('summary')} required rules={[rule('summary')]}>
          <Input.TextArea maxLength={LIMITS.summary.max} showCount autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item
          name="description"
          label={label('description')}
          required
          rules={[rule('description')]}
        >
          <Input.TextArea
            maxLength={LIMITS.description.max}
            showCount
            autoSize={{ minRows: 5, maxRows: 16 }}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="field" label={label('field')} required rules={[rule('field')]}>
              <Select
                options={FIELDS.map((value) => ({ value, label: t(`fields.${value}`) }))}
                placeholder={t('institute.form.choose')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="region" label={label('region')} required rules={[rule('region')]}>
              <Input maxLength={LIMITS.region.max} placeholder={t('institute.form.regionHint')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="maturity" label={label('maturity')} required rules={[rule('maturity')]}>
          <Radio.Group
            optionType="button"
            options={MATURITIES.map((value) => ({ value, label: t(`maturity.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="keywords"
          label={label('keywords')}
          rules={[rule('keywords')]}
          extra={t('institute.form.tagsHint', { max: LIMITS.keywords.count })}
        >
          <Select mode="tags" open={false} tokenSeparators={TAG_SEPARATORS} suffixIcon={null} />
        </Form.Item>
      </fieldset>

      <fieldset className="inst-fieldset">
        <legend>{t('institute.form.sections.ip')}</legend>
        <Form.Item
          name="patentNumbers"
          label={label('patentNumbers')}
          rules={[rule('patentNumbers')]}
          extra={t('institute.form.patentHint')}
        >
          <Select mode="tags" open={false} tokenSeparators={TAG_SEPARATORS} suffixIcon={null} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="patentStatus" label={label('patentStatus')}>
              <Select
                allowClear
                placeholder={t('institute.form.choose')}
                options={PATENT_STATUSES.map((value) => ({
                  value,
                  label: t(`institute.patentStatus.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="ipcClass"
              label={label('ipcClass')}
              rules={[rule('ipcClass')]}
              extra={t('institute.form.ipcHint')}
            >
              <Input maxLength={24} />
            </Form.Item>
          </Col>
        </Row>
      </fieldset>

      <fieldset className="inst-fieldset">
        <legend>{t('institute.form.sections.deal')}</legend>
        <Form.Item
          name="transactionModes"
          label={label('transactionModes')}
          required
          rules={[rule('transactionModes')]}
        >
          <Checkbox.Group
            className="inst-modes"
            options={TRANSACTION_MODES.map((value) => ({ value, label: t(`modes.${value}`) }))}
          />
        </Form.Item>
        <Row gutter={16} align="bottom">
          <Col xs={24} md={8}>
            <Form.Item name="negotiable" label={label('negotiable')} valuePropName="checked">
              <Switch data-testid="negotiable-switch" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="askingPrice"
              label={label('askingPrice')}
              required={!negotiable}
              dependencies={['negotiable']}
              rules={[rule('askingPrice')]}
              extra={
                price !== null ? (
                  <span>
                    {t('institute.form.reads')} <Money fen={price} />
                  </span>
                ) : negotiable ? (
                  t('institute.form.negotiableHint')
                ) : undefined
              }
            >
              <Input
                prefix="¥"
                suffix={t('institute.form.yuan')}
                inputMode="decimal"
                disabled={negotiable}
                placeholder={negotiable ? t('common.negotiable') : '500000'}
              />
            </Form.Item>
          </Col>
        </Row>

        {ufpl && (
          <section className="inst-ufpl" data-testid="ufpl-terms-form" aria-labelledby="ufpl-head">
            <h3 id="ufpl-head">{t('institute.form.sections.ufpl')}</h3>
            <p className="inst-muted">{t('institute.form.ufplLead')}</p>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item
                  name="ufplTermMonths"
                  label={label('ufplTermMonths')}
                  required
                  dependencies={['transactionModes']}
                  rules={[rule('ufplTermMonths')]}
                >
                  <InputNumber
                    min={LIMITS.ufplTermMonths.min}
                    max={LIMITS.ufplTermMonths.max}
                    precision={0}
                    suffix={t('institute.form.months')}
                    className="inst-number"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="ufplFee"
                  label={label('ufplFee')}
                  required
                  dependencies={['transactionModes']}
                  rules={[rule('ufplFee')]}
                  extra={
                    fee !== null ? (
                      <span>
                        {t('institute.form.reads')} <Money fen={fee} />
                      </span>
                    ) : undefined
                  }
                >
                  <Input prefix="¥" suffix={t('institute.form.yuan')} inputMode="decimal" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="ufplPaymentWindowDays"
                  label={label('ufplPaymentWindowDays')}
                  required
                  dependencies={['transactionModes']}
                  rules={[rule('ufplPaymentWindowDays')]}
                >
                  <InputNumber
                    min={LIMITS.ufplPaymentWindowDays.min}
                    max={LIMITS.ufplPaymentWindowDays.max}
                    precision={0}
                    suffix={t('institute.form.days')}
                    className="inst-number"
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.List name="ufplCriteria" rules={[rule('ufplCriteria')]}>
              {(fields, { add, remove }, { errors }) => (
                <div className="inst-criteria">
                  <span className="inst-list-label" id="ufpl-criteria-label">
                    {label('ufplCriteria')}
                  </span>
                  {fields.map((field, index) => (
                    <div key={field.key} className="inst-criterion">
                      <Form.Item name={field.name} noStyle>
                        <Input
                          aria-label={t('institute.form.criterion', { n: index + 1 })}
                          maxLength={LIMITS.ufplCriteria.itemMax}
                          placeholder={t('institute.form.criterionHint')}
                        />
                      </Form.Item>
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined aria-hidden="true" />}
                        aria-label={t('institute.form.removeCriterion', { n: index + 1 })}
                        onClick={() => remove(field.name)}
                      />
                    </div>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined aria-hidden="true" />}
                    disabled={fields.length >= LIMITS.ufplCriteria.count}
                    onClick={() => add('')}
                  >
                    {t('institute.form.addCriterion')}
                  </Button>
                  <Form.ErrorList errors={errors} />
                </div>
              )}
            </Form.List>
          </section>
        )}
      </fieldset>

      <fieldset className="inst-fieldset">
        <legend>{t('institute.form.sections.team')}</legend>
        <Form.Item
          name="team"
          label={label('team')}
          rules={[rule('team')]}
          extra={t('institute.form.teamHint')}
        >
          <Select mode="tags" open={false} tokenSeparators={TAG_SEPARATORS} suffixIcon={null} />
        </Form.Item>
      </fieldset>

      {failure !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="inst-banner"
          data-testid="form-error"
          title={errorText(failure, t)}
        />
      )}
      {canSubmit && !verified && (
        <p className="inst-muted">{t('institute.form.submitNeedsVerification')}</p>
      )}
      <Space wrap className="inst-form-buttons">
        <Button type="primary" htmlType="submit" loading={busy} data-testid="result-save">
          {saved ? t('common.save') : t('institute.form.saveDraft')}
        </Button>
        {canSubmit && (
          <Button
            disabled={!verified}
            loading={busy}
            data-testid="result-submit"
            onClick={() => void save(true)}
          >
            {t('institute.form.saveAndSubmit')}
          </Button>
        )}
        <Link to={`${BASE}/results`}>{t('common.cancel')}</Link>
      </Space>
    </Form>
  );
}
