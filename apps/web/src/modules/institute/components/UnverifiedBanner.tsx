import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** ORGANISATION_UNVERIFIED before it happens: what waits for the platform's 实名认证. */
export function UnverifiedBanner() {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      className="inst-banner"
      data-testid="unverified-banner"
      title={t('institute.unverified.title')}
      description={t('institute.unverified.body')}
    />
  );
}
