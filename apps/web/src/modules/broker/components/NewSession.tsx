import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Typography,
  type FormInstance,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SESSION_FORMATS, type UserView } from '@kepai/contracts';
import { errorText } from '../../../lib/errors';
import { parseYuan } from '../../../lib/money';
import { Money } from '../../../ui/Money';
import { useCreateSession } from '../hooks/useBroker';
import {
  LIVE_COUNTDOWN_MAX,
  LIVE_COUNTDOWN_MIN,
  SOFT_CLOSE_MAX,
  TITLE_MAX,
  defaultSessionValues,
  sessionApiError,
  toSessionBody,
  type SessionFormValues,
} from '../logic/session-form';
import { changedPaths, fieldPath } from '../logic/form-errors';
import { LadderEditor } from './LadderEditor';

type FormShape = Omit<SessionFormValues, 'startsAt'> & { startsAt: Dayjs | null };
type FieldName = Parameters<FormInstance<FormShape>['setFields']>[0][number]['name'];

/** What a deposit typed in yuan comes to, so a slip of a zero shows before saving. */
function DepositPreview({ text }: { text: string | undefined }) {
  const fen = parseYuan(text ?? '');
  if (fen === null || fen === 0) return null;
  return (
    <span className="amount-preview" aria-live="polite">
      = <Money fen={fen} />
    </span>
  );
}

/** `/console/broker/sessions/new`: host a session, then add its lots on its own page. */
export function NewSession({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormShape>();
  const create = useCreateSession();
  const [ladderError, setLadderError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const format = Form.useWatch('format', form) ?? 'timed';
  const deposit = Form.useWatch('deposit', form);
  const initial = defaultSessionValues();

  const reason = (key: string) => t(`broker.sessionForm.errors.${key}`);

  function showErrors(errors: Record<string, string>) {
    const list = Object.entries(errors);
    setLadderError(errors['ladder'] === undefined ? null : reason(errors['ladder']));
    form.setFields(
      list
        .filter(([field]) => field !== 'ladder')
        .map(([field, key]) => ({ name: fieldPath(field) as FieldName, errors: [reason(key)] })),
    );
    const first = list.find(([field]) => field !== 'ladder');
    if (first) form.scrollToField(fieldPath(first[0]), { block: 'center' });
  }

  function submit() {
    const shape = form.getFieldsValue(true) as FormShape;
    setFormError(null);
    setLadderError(null);
    const converted = toSessionBody({ ...shape, startsAt: shape.startsAt?.toDate() ?? null });
    if (!converted.ok) {
      showErrors(converted.errors);
      return;
    }
    create.mutate(converted.body, {
      onSuccess: (session) => {
        void message.success(t('broker.sessionForm.created'));
        void navigate(`/console/broker/sessions/${session.id}`);
      },
      onError: (error) => {
        const field = sessionApiError(error);
        if (field === null) setFormError(errorText(error, t));
        else showErrors({ [field.field]: field.reason });
      },
    });
  }

  return (
    <Card
      title={<h2 className="card-title">{t('broker.sessionForm.title')}</h2>}
      className="console-card"
    >
      {formError === null ? null : (
        <Alert className="form-alert" type="error" showIcon role="alert" title={formError} />
      )}
      <Form<FormShape>
        form={form}
        layout="vertical"
        data-testid="session-form"
        initialValues={{ ...initial, startsAt: null }}
        onFinish={submit}
        onValuesChange={(changed) => {
          const paths = changedPaths(changed);
          if (paths.some((path) => path[0] === 'ladder')) setLadderError(null);
          form.setFields(paths.map((name) => ({ name: name as FieldName, errors: [] })));
        }}
        disabled={!user.organisation.verified}
        requiredMark={false}
      >
        <Form.Item name="title" label={t('broker.sessionForm.name')}>
          <Input maxLength={TITLE_MAX} placeholder={t('broker.sessionForm.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="format"
          label={t('broker.sessionForm.format')}
          extra={t(`broker.sessionForm.formatHelp.${format}`)}
        >
          <Radio.Group
            optionType="button"
            options={SESSION_FORMATS.map((value) => ({ value, label: t(`format.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="deposit"
          label={t('broker.sessionForm.deposit')}
          extra={
            <>
              {t('broker.sessionForm.depositHelp')} <DepositPreview text={deposit} />
            </>
          }
        >
          <Input inputMode="decimal" prefix="¥" placeholder="0" />
        </Form.Item>
        {format === 'timed' ? (
          <Form.Item
            name="softCloseSeconds"
            label={t('broker.sessionForm.softClose')}
            extra={t('broker.sessionForm.softCloseHelp')}
          >
            <InputNumber min={0} max={SOFT_CLOSE_MAX} precision={0} className="seconds-input" />
          </Form.Item>
        ) : (
          <Form.Item
            name="liveCountdownSeconds"
            label={t('broker.sessionForm.liveCountdown')}
            extra={t('broker.sessionForm.liveCountdownHelp')}
          >
            <InputNumber
              min={LIVE_COUNTDOWN_MIN}
              max={LIVE_COUNTDOWN_MAX}
              precision={0}
              className="seconds-input"
            />
          </Form.Item>
        )}
        <LadderEditor error={ladderError} />
        <Form.Item
          name="startsAt"
          label={t('broker.sessionForm.startsAt')}
          extra={t('broker.sessionForm.startsAtHelp')}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(day) => day.isBefore(dayjs(), 'day')}
            className="date-input"
          />
        </Form.Item>
        <div className="form-actions">
          <Button
            type="primary"
            htmlType="submit"
            loading={create.isPending}
            data-testid="session-save"
          >
            {t('broker.sessionForm.save')}
          </Button>
          <Button htmlType="button" onClick={() => void navigate('/console/broker')}>
            {t('common.cancel')}
          </Button>
        </div>
        {user.organisation.verified ? null : (
          <Typography.Paragraph type="secondary">
            {t('errors.ORGANISATION_UNVERIFIED')}
          </Typography.Paragraph>
        )}
      </Form>
    </Card>
  );
}
