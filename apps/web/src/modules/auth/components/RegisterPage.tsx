import { Alert, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  ORGANISATION_TYPES,
  isValidCreditCode,
  type OrganisationType,
  type RegisterBody,
} from '@kepai/contracts';
import { errorText } from '../../../lib/errors';
import { ApiError } from '../../../lib/http';
import { consolePath, useRegister } from '../hooks/useMe';

interface RegisterForm {
  email: string;
  password: string;
  displayName: string;
  orgName: string;
  orgType: OrganisationType;
  creditCode: string;
  region: string;
}

/** Which form field an api refusal belongs to, so the message shows under it. */
const FIELD_OF_CODE: Record<string, keyof RegisterForm> = {
  EMAIL_TAKEN: 'email',
  WEAK_PASSWORD: 'password',
  CREDIT_CODE_TAKEN: 'creditCode',
};

export function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<RegisterForm>();
  const register = useRegister();
  const onFinish = (values: RegisterForm) => {
    const body: RegisterBody = {
      email: values.email.trim(),
      password: values.password,
      displayName: values.displayName.trim(),
      organisation: {
        name: values.orgName.trim(),
        type: values.orgType,
        creditCode: values.creditCode.trim().toUpperCase(),
        region: values.region.trim(),
      },
    };
    register.mutate(body, {
      onSuccess: (answer) => void navigate(consolePath(answer.user.organisation.type)),
      onError: (error) => {
        const field = error instanceof ApiError ? FIELD_OF_CODE[error.body?.code ?? ''] : undefined;
        if (field) form.setFields([{ name: field, errors: [errorText(error, t)] }]);
      },
    });
  };
  const fieldError =
    register.error instanceof ApiError && FIELD_OF_CODE[register.error.body?.code ?? ''];
  return (
    <Card className="auth-card" title={<h1 className="card-title">{t('auth.registerTitle')}</h1>}>
      <Form<RegisterForm>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        initialValues={{ orgType: 'enterprise' }}
      >
        <Form.Item name="orgType" label={t('auth.orgType')} rules={[{ required: true }]}>
          <Select
            options={ORGANISATION_TYPES.map((type) => ({
              value: type,
              label: t(`orgType.${type}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="orgName"
          label={t('auth.orgName')}
          rules={[{ required: true, whitespace: true, message: t('auth.required') }]}
        >
          <Input autoComplete="organization" />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('auth.creditCode')}
          rules={[
            {
              required: true,
              validator: (_rule, value: string | undefined) =>
                isValidCreditCode((value ?? '').trim().toUpperCase())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.creditCodeRule'))),
            },
          ]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item
          name="region"
          label={t('auth.region')}
          rules={[{ required: true, whitespace: true, message: t('auth.required') }]}
        >
          <Input autoComplete="address-level1" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('auth.displayName')}
          rules={[{ required: true, whitespace: true, message: t('auth.required') }]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('auth.email')}
          rules={[{ required: true, type: 'email', message: t('auth.emailInvalid') }]}
        >
          <Input autoComplete="email" inputMode="email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[{ required: true, min: 10, message: t('auth.passwordRule') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {register.error && !fieldError && (
          <Alert
            type="error"
            showIcon
            title={errorText(register.error, t)}
            role="alert"
            className="form-alert"
          />
        )}
        <Button type="primary" htmlType="submit" block loading={register.isPending}>
          {t('auth.submitRegister')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" className="auth-foot">
        {t('auth.haveAccount')} <Link to="/login">{t('nav.login')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
