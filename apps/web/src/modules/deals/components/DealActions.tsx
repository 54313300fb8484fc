import { Button, Checkbox, Form, Input, Modal, Radio, Select, type RadioGroupProps } from 'antd';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { UFPL_OUTCOMES, type DealView, type UfplOutcome } from '@kepai/contracts';
import { fenToYuanInput, formatFen, parseYuan } from '../../../lib/money';
import { Money } from '../../../ui/Money';
import { availableActions, outstanding, type DealAction, type DealSide } from '../logic/actions';
import {
  LIMITS,
  toDecisionBody,
  toDeclineBody,
  toEvidenceBody,
  toNoteBody,
  toOutcomeBody,
  toPaymentBody,
} from '../logic/forms';
import { ActionForm } from './ActionForm';

/** Days a price is due after the acceptance of a request (the api's PAYMENT_WINDOW_DAYS). */
const PAYMENT_WINDOW_DAYS = 30;

interface FormProps {
  deal: DealView;
  side: DealSide;
  onDone: () => void;
}

function AcceptForm({ deal, onDone }: FormProps) {
  const { t, i18n } = useTranslation();
  const values = {
    buyer: deal.buyer.name,
    title: deal.result.title,
    mode: t(`modes.${deal.mode}`),
    price: formatFen(deal.price, i18n.language),
    days: PAYMENT_WINDOW_DAYS,
  };
  return (
    <ActionForm
      action="accept"
      dealId={deal.id}
      initialValues={{}}
      convert={() => ({ ok: true, body: undefined })}
      submitLabel={t('deals.action.accept')}
      onDone={onDone}
      onCancel={onDone}
    >
      <p>{t('deals.accept.summary', values)}</p>
      <p>
        {deal.mode === 'use_first_pay_later'
          ? t('deals.accept.nextUfpl')
          : t('deals.accept.nextPrice', values)}
      </p>
      {deal.proposed ? <p className="deal-warning">{t('deals.accept.proposed')}</p> : null}
    </ActionForm>
  );
}

function DeclineForm({ deal, onDone }: FormProps) {
  const { t } = useTranslation();
  return (
    <ActionForm
      action="decline"
      dealId={deal.id}
      initialValues={{ reason: '' }}
      convert={toDeclineBody}
      limits={{ reason: { max: LIMITS.declineReason } }}
      submitLabel={t('deals.action.decline')}
      danger
      onDone={onDone}
      onCancel={onDone}
    >
      <p>{t('deals.decline.summary', { buyer: deal.buyer.name })}</p>
      <Form.Item name="reason" label={t('deals.decline.reason')} extra={t('deals.decline.help')}>
        <Input.TextArea maxLength={LIMITS.declineReason} showCount autoSize={{ minRows: 3 }} />
      </Form.Item>
    </ActionForm>
  );
}

function StartUseForm({ deal, onDone }: FormProps) {
  const { t } = useTranslation();
  return (
    <ActionForm
      action="start-use"
      dealId={deal.id}
      initialValues={{}}
      convert={() => ({ ok: true, body: undefined })}
      submitLabel={t('deals.action.start-use')}
      onDone={onDone}
      onCancel={onDone}
    >
      <p>{t('deals.startUse.summary', { count: deal.ufpl?.termMonths ?? 0 })}</p>
      <p>{t('deals.startUse.evidence')}</p>
    </ActionForm>
  );
}

function EvidenceForm({ deal, onDone }: FormProps) {
  const { t } = useTranslation();
  const evidence = deal.ufpl?.evidence ?? [];
  const firstUncovered = evidence.findIndex((item) => item.entries.length === 0);
  return (
    <ActionForm
      action="evidence"
      dealId={deal.id}
      initialValues={{ criterionIndex: firstUncovered === -1 ? 0 : firstUncovered, text: '' }}
      convert={(values) => toEvidenceBody(values, evidence.length)}
      limits={{ text: { max: LIMITS.evidence } }}
      submitLabel={t('deals.evidence.submit')}
      onDone={onDone}
      onCancel={onDone}
    >
      <p>{t('deals.evidence.help')}</p>
      <Form.Item name="criterionIndex" label={t('deals.evidence.criterion')}>
        <Select
          options={evidence.map((item, index) => ({
            value: index,
            label: `${index + 1}. ${item.criterion}${
              item.entries.length > 0
                ? ` (${t('deals.evidence.count', { count: item.entries.length })})`
                : ''
            }`,
          }))}
        />
      </Form.Item>
      <Form.Item name="text" label={t('deals.evidence.text')} extra={t('deals.evidence.textHelp')}>
        <Input.TextArea maxLength={LIMITS.evidence} showCount autoSize={{ minRows: 4 }} />
      </Form.Item>
    </ActionForm>
  );
}

/** The two outcomes as radio buttons; Form.Item hands it `value` and `onChange`. */
function OutcomeChoice(props: RadioGroupProps) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      {...props}
      options={UFPL_OUTCOMES.map((outcome) => ({
        value: outcome,
        label: t(`deals.outcome.${outcome}`),
      }))}
    />
  );
}

function OutcomeForm({ deal, side, onDone }: FormProps) {
  const { t } = useTranslation();
  const party = side === 'buyer' ? 'buyer' : 'seller';
  const mine = deal.ufpl?.confirmations[party];
  const theirs = deal.ufpl?.confirmations[party === 'buyer' ? 'seller' : 'buyer'];
  return (
    <ActionForm
      action="outcome"
      dealId={deal.id}
      initialValues={{
        outcome: (mine?.outcome ?? null) as UfplOutcome | null,
        dispute: false,
        note: '',
      }}
      convert={toOutcomeBody}
      limits={{ note: { max: LIMITS.note } }}
      submitLabel={t('deals.outcomeForm.submit')}
      onDone={onDone}
      onCancel={onDone}
    >
      <p>{t('deals.outcomeForm.help')}</p>
      {theirs ? (
        <p>
          {t(theirs.agree ? 'deals.outcomeForm.theySaid' : 'deals.outcomeForm.theyDisputed', {
            outcome: t(`deals.outcome.${theirs.outcome}`),
          })}
        </p>
      ) : (
        <p className="muted">{t('deals.outcomeForm.theyHaveNot')}</p>
      )}
      <Form.Item name="outcome" label={t('deals.outcomeForm.outcome')}>
        <OutcomeChoice />
      </Form.Item>
      <Form.Item name="dispute" valuePropName="checked" extra={t('deals.outcomeForm.disputeHelp')}>
        <Checkbox>{t('deals.outcomeForm.dispute')}</Checkbox>
      </Form.Item>
      <Form.Item name="note" label={t('deals.outcomeForm.note')}>
        <Input.TextArea maxLength={LIMITS.note} showCount autoSize={{ minRows: 3 }} />
      </Form.Item>
    </ActionForm>
  );
}

function DecisionForm({ deal, onDone }: FormProps) {
  const { t } = useTranslation();
  const confirmations = deal.ufpl?.confirmations ?? {};
  return (
    <ActionForm
      action="decision"
      dealId={deal.id}
      initialValues={{ outcome: null as UfplOutcome | null, reason: '' }}
      convert={toDecisionBody}
      limits={{ reason: { min: LIMITS.decisionReason.min, max: LIMITS.decisionReason.max } }}
      submitLabel={t('deals.decision.submit')}
      onDone={onDone}
      onCancel={onDone}
    >
      <p>{t('deals.decision.help')}</p>
      <ul className="deal-statements">
        {(['buyer', 'seller'] as const).map((party) => {
          const said = confirmations[party];
          return (
            <li key={party}>
              {said
                ? t(said.agree ? 'deals.decision.said' : 'deals.decision.disputed', {
                    party: t(`deals.side.${party}`),
                    outcome: t(`deals.outcome.${said.outcome}`),
                  })
                : t('deals.decision.silent', { party: t(`deals.side.${party}`) })}
            </li>
          );
        })}
      </ul>
      <Form.Item name="outcome" label={t('deals.decision.outcome')}>
        <OutcomeChoice />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('deals.decision.reason')}
        extra={t('deals.decision.reasonHelp')}
      >
        <Input.TextArea maxLength={LIMITS.decisionReason.max} showCount autoSize={{ minRows: 4 }} />
      </Form.Item>
    </ActionForm>
  );
}

function PaymentAmountPreview() {
  const amount = Form.useWatch<string | undefined>('amount');
  const fen = parseYuan(amount ?? '');
  return fen !== null && fen > 0 ? (
    <span aria-live="polite">
      = <Money fen={fen} />
    </span>
  ) : null;
}

function PaymentForm({ deal, onDone }: FormProps) {
  const { t, i18n } = useTranslation();
  const owed = outstanding(deal);
  return (
    <ActionForm
      action="payment"
      dealId={deal.id}
      initialValues={{ amount: fenToYuanInput(owed), reference: '' }}
      convert={(values) => toPaymentBody(values, owed)}
      limits={{
        amount: { amount: formatFen(owed, i18n.language) },
        reference: { max: LIMITS.reference },
      }}
      submitLabel={t('deals.payment.submit')}
      onDone={onDone}
      onCancel={onDone}
    >
      <p>
        {t('deals.payment.help', {
          outstanding: formatFen(owed, i18n.language),
          paid: formatFen(deal.paidAmount, i18n.language),
        })}
      </p>
      <Form.Item name="amount" label={t('deals.payment.amount')} extra={<PaymentAmountPreview />}>
        <Input inputMode="decimal" prefix="¥" suffix={t('deals.payment.yuan')} />
      </Form.Item>
      <Form.Item
        name="reference"
        label={t('deals.payment.reference')}
        extra={t('deals.payment.referenceHelp')}
      >
        <Input maxLength={LIMITS.reference} />
      </Form.Item>
    </ActionForm>
  );
}

function NoteForm({ deal, onDone }: FormProps) {
  const { t } = useTranslation();
  return (
    <ActionForm
      action="note"
      dealId={deal.id}
      initialValues={{ note: '' }}
      convert={toNoteBody}
      limits={{ note: { max: LIMITS.note } }}
      submitLabel={t('deals.noteForm.submit')}
      onDone={onDone}
      onCancel={onDone}
    >
      <p>{t('deals.noteForm.help')}</p>
      <Form.Item name="note" label={t('deals.noteForm.note')}>
        <Input.TextArea maxLength={LIMITS.note} showCount autoSize={{ minRows: 4 }} />
      </Form.Item>
    </ActionForm>
  );
}

const FORMS: Record<DealAction, (props: FormProps) => ReactElement> = {
  accept: AcceptForm,
  decline: DeclineForm,
  'start-use': StartUseForm,
  evidence: EvidenceForm,
  outcome: OutcomeForm,
  decision: DecisionForm,
  payment: PaymentForm,
  note: NoteForm,
};

/**
 * What the user may do to the deal now, by their side and its status (the api's rules); each
 * button opens its form in a dialog. Nothing is offered that the api would refuse by role or
 * status, and what it refuses anyway is said in plain words.
 */
export function DealActions({ deal, side }: { deal: DealView; side: DealSide | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<DealAction | null>(null);
  const actions = availableActions(side, deal);
  const main = actions.filter((action) => action !== 'note');
  const Current = open === null ? null : FORMS[open];

  return (
    <section className="deal-card" aria-labelledby="deal-actions-title" data-testid="deal-actions">
      <h2 id="deal-actions-title" className="deal-card-title">
        {t('deals.actions.title')}
      </h2>
      {side === null ? null : (
        <p className="muted" data-testid="deal-side" data-side={side}>
          {t(`deals.actions.youAre.${side}`)}
        </p>
      )}
      {main.length === 0 ? <p>{t('deals.actions.nothing')}</p> : null}
      <div className="deal-action-buttons">
        {actions.map((action) => (
          <Button
            key={action}
            type={action === 'note' ? 'default' : 'primary'}
            danger={action === 'decline'}
            ghost={action === 'decline'}
            onClick={() => setOpen(action)}
            data-testid={`deal-action-${action}`}
          >
            {t(`deals.action.${action}`)}
          </Button>
        ))}
      </div>
      <Modal
        open={open !== null}
        title={open === null ? '' : t(`deals.action.${open}`)}
        footer={null}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        {Current !== null && side !== null ? (
          <Current deal={deal} side={side} onDone={() => setOpen(null)} />
        ) : null}
      </Modal>
    </section>
  );
}
