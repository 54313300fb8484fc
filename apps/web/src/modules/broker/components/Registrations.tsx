import { Alert, Button, Empty, Input, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrationView, SessionView } from '@kepai/contracts';
import { errorText } from '../../../lib/errors';
import { DepositStatusTag } from '../../../ui/DepositStatusTag';
import { Money } from '../../../ui/Money';
import { QueryState } from '../../../ui/QueryState';
import { useConfirmDeposit, useRegistrations } from '../hooks/useBroker';
import { shortId } from '../logic/format';

const REFERENCE_MAX = 100;

function RegistrationRow({
  registration,
  session,
}: {
  registration: RegistrationView;
  session: SessionView;
}) {
  const { t } = useTranslation();
  const confirm = useConfirmDeposit(session.id);
  const [reference, setReference] = useState('');
  const referenceId = useId();
  const pending = registration.depositStatus === 'pending';
  return (
    <li
      className="console-item registration-row"
      data-testid="registration-row"
      data-status={registration.depositStatus}
    >
      <div className="console-item-head">
        <span className="paddle" aria-label={t('broker.registrations.paddle')}>
          {registration.paddle === null ? '—' : `#${registration.paddle}`}
        </span>
        <DepositStatusTag status={registration.depositStatus} />
      </div>
      <dl className="console-facts">
        <div>
          <dt>{t('broker.registrations.organisation')}</dt>
          <dd>
            <code title={registration.organisationId}>{shortId(registration.organisationId)}</code>
          </dd>
        </div>
        <div>
          <dt>{t('broker.registrations.registration')}</dt>
          <dd>
            <code title={registration.id}>{shortId(registration.id)}</code>
          </dd>
        </div>
      </dl>
      {pending ? (
        <div className="confirm-deposit">
          <label htmlFor={referenceId} className="confirm-label">
            {t('broker.registrations.reference')}
          </label>
          <div className="confirm-controls">
            <Input
              id={referenceId}
              value={reference}
              maxLength={REFERENCE_MAX}
              placeholder={t('broker.registrations.referencePlaceholder')}
              onChange={(event) => setReference(event.target.value)}
              disabled={confirm.isPending}
            />
            <Button
              type="primary"
              data-testid="confirm-deposit-button"
              loading={confirm.isPending}
              disabled={confirm.isPending}
              onClick={() =>
                confirm.mutate({
                  registrationId: registration.id,
                  reference: reference.trim() === '' ? undefined : reference.trim(),
                })
              }
            >
              {t('broker.registrations.confirm')}
            </Button>
          </div>
          <Typography.Text type="secondary" className="confirm-help">
            {t('broker.registrations.confirmHelp')} <Money fen={session.depositAmount} />
          </Typography.Text>
          {confirm.isError ? (
            <Alert type="error" showIcon role="alert" title={errorText(confirm.error, t)} />
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** The session's registrations (报名): confirm a deposit once it arrived, which gives the paddle. */
export function Registrations({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const registrations = useRegistrations(session.id);
  return (
    <QueryState
      query={registrations}
      isEmpty={(list) => list.length === 0}
      empty={<Empty description={t('broker.registrations.empty')} />}
    >
      {(list) => (
        <>
          <Typography.Paragraph type="secondary">
            {t('broker.registrations.summary', {
              count: list.length,
              pending: list.filter((r) => r.depositStatus === 'pending').length,
            })}
          </Typography.Paragraph>
          <ul className="console-list" aria-label={t('broker.registrations.title')}>
            {list.map((registration) => (
              <RegistrationRow
                key={registration.id}
                registration={registration}
                session={session}
              />
            ))}
          </ul>
        </>
      )}
    </QueryState>
  );
}
