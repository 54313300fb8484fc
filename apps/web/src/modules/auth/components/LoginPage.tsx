import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { LoginBody } from '@kepai/contracts';
import { ApiError } from '../../../lib/http';
import { errorText } from '../../../lib/errors';
import { consolePath, useLogin } from '../hooks/useMe';

/** Only paths inside the app are followed after sign-in (no open redirect). */
export function safeNext(next: string | null): string | null {
  return next !== null && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const login = useLogin();
  const onFinish = (values: LoginBody) =>
    login.mutate(values, {
      onSuccess: (answer) =>
        void navigate(safeNext(params.get('next')) ?? consolePath(answer.user.organisation.type)),
    });
  const failure =
    login.error instanceof ApiError && login.error.status === 401
      ? t('auth.badLogin')
      : login.error
        ? errorText(login.error, t)
        : null;
  return (
    <Card className="auth-card" title={<h1 className="card-title">{t('auth.loginTitle')}</h1>}>
      <Form<LoginBody> layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="email"
          label={t('auth.email')}
          rules={[{ required: true, type: 'email', message: t('auth.emailInvalid') }]}
        >
          <Input autoComplete="username" inputMode="email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[{ required: true, message: t('auth.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {failure && (
          <Alert type="error" showIcon title={failure} role="alert" className="form-alert" />
        )}
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {t('auth.submitLogin')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" className="auth-foot">
        {t('auth.noAccount')} <Link to="/register">{t('nav.register')}</Link>
        <br />
        {t('auth.demoHint')}
      </Typography.Paragraph>
    </Card>
  );
}
