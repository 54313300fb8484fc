import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { UserView } from '@kepai/contracts';
import { QueryState } from '../../../ui/QueryState';
import { useMyResult } from '../hooks/useMyResults';
import { resultActions } from '../logic/result-actions';
import { AttachmentsPanel } from './AttachmentsPanel';
import { ResultForm } from './ResultForm';
import { ResultStatusTag } from './ResultStatusTag';

const BASE = '/console/institute';

function EditResult({ id, user }: { id: string; user: UserView }) {
  const { t } = useTranslation();
  const result = useMyResult(id);
  return (
    <QueryState query={result}>
      {(saved) => {
        const allowed = resultActions(saved.status, user.organisation.verified);
        return (
          <>
            <div className="inst-form-head">
              <h2 className="console-section-title">{t('institute.form.editTitle')}</h2>
              <ResultStatusTag status={saved.status} />
            </div>
            {saved.status === 'draft' && saved.rejectReason !== null && (
              <Alert
                type="error"
                showIcon
                className="inst-banner"
                data-testid="reject-reason"
                title={t('institute.results.rejected')}
                description={saved.rejectReason}
              />
            )}
            {allowed.editReturnsToReview && (
              <Alert
                type="info"
                showIcon
                className="inst-banner"
                title={t('institute.form.backToReview')}
              />
            )}
            {allowed.edit ? (
              <ResultForm key={saved.id} user={user} saved={saved} />
            ) : (
              <Alert
                type="warning"
                showIcon
                className="inst-banner"
                title={t('institute.form.locked', { status: t(`resultStatus.${saved.status}`) })}
                action={<Link to={`/results/${saved.id}`}>{t('institute.results.view')}</Link>}
              />
            )}
            <AttachmentsPanel result={saved} />
          </>
        );
      }}
    </QueryState>
  );
}

/** `results/new` and `results/:id/edit`: the result form, and the attachments once saved. */
export function ResultFormPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const { id } = useParams();
  return (
    <section className="inst-section">
      <Link to={`${BASE}/results`} className="inst-back">
        {t('institute.form.backToList')}
      </Link>
      {id === undefined ? (
        <>
          <h2 className="console-section-title">{t('institute.form.newTitle')}</h2>
          {user.organisation.verified ? (
            <ResultForm user={user} />
          ) : (
            // the api lists new results for verified institutes only (ORGANISATION_UNVERIFIED)
            <Alert
              type="warning"
              showIcon
              className="inst-banner"
              data-testid="new-needs-verification"
              title={t('institute.form.newNeedsVerification')}
            />
          )}
        </>
      ) : (
        <EditResult key={id} id={id} user={user} />
      )}
    </section>
  );
}
