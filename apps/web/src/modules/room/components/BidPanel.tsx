import { Alert, App, Button, Card, Input } from 'antd';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LotSnapshot } from '@kepai/contracts';
import { formatFen, parseYuan } from '../../../lib/money';
import type { AuctionSocket } from '../../../lib/socket';
import { usePlaceBid, type BidAnswer } from '../hooks/usePlaceBid';
import { refusalText } from '../logic/ack-text';
import { bidFromForm, isLargeBid, type BidFormError } from '../logic/bid-form';

/** The typed amount in the exchange's way of writing money, so a slipped zero shows. */
function AmountPreview({ text }: { text: string }) {
  const { t, i18n } = useTranslation();
  const fen = parseYuan(text);
  if (text.trim() === '' || fen === null) return null;
  return (
    <span className="bid-field-hint">
      {t('room.bid.preview', { amount: formatFen(fen, i18n.language) })}
    </span>
  );
}

/**
 * Bidding for a registered enterprise with a confirmed deposit: one tap for the least acceptable
 * amount, a custom amount in yuan, and an optional maximum for the proxy to bid up to. The answer
 * comes back in plain words; a bid without an answer can be sent again safely (same bidId).
 */
export function BidPanel({
  lot,
  socket,
  paddle,
  onStale,
}: {
  lot: LotSnapshot;
  socket: AuctionSocket | null;
  paddle: number;
  /** The server said the cached minimum is behind: read the lot again. */
  onStale: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const bidding = usePlaceBid(socket, lot.id);
  const [amountText, setAmountText] = useState('');
  const [maxText, setMaxText] = useState('');
  const [formError, setFormError] = useState<{
    field: 'amount' | 'max';
    error: BidFormError;
  } | null>(null);
  const amountId = useId();
  const maxId = useId();
  const open = lot.status === 'open' && !lot.paused;
  const busy = bidding.sending !== null;
  const money = (fen: number) => formatFen(fen, i18n.language);

  const report = (answer: BidAnswer | null) => {
    if (answer === null) return;
    if (answer.ok) {
      setAmountText('');
      if (answer.leader)
        void message.success(t('room.bid.placedLeading', { price: money(answer.price) }));
      else void message.warning(t('room.bid.placedBehind', { price: money(answer.price) }));
    } else if (answer.code === 'BID_TOO_LOW') {
      onStale();
    }
  };

  const bidMinimum = async () => {
    const form = bidFromForm({ fen: lot.minNext }, maxText, lot.minNext);
    if (!form.ok) {
      setFormError(form);
      return;
    }
    setFormError(null);
    report(await bidding.place(form.amount, form.maxAmount));
  };

  const bidTyped = async (event: FormEvent) => {
    event.preventDefault();
    const form = bidFromForm({ typed: amountText }, maxText, lot.minNext);
    if (!form.ok) {
      setFormError(form);
      return;
    }
    setFormError(null);
    if (isLargeBid(form.amount, lot.minNext)) {
      const confirmed = await modal.confirm({
        title: t('room.bid.largeTitle'),
        content: t('room.bid.largeBody', {
          amount: money(form.amount),
          minNext: money(lot.minNext),
        }),
        okText: t('room.bid.largeOk'),
        cancelText: t('common.cancel'),
      });
      if (!confirmed) return;
    }
    report(await bidding.place(form.amount, form.maxAmount));
  };

  const errorFor = (field: 'amount' | 'max') =>
    formError?.field === field
      ? t(`room.bid.errors.${formError.error}`, { minNext: money(lot.minNext) })
      : null;
  const amountError = errorFor('amount');
  const maxError = errorFor('max');
  const refused = bidding.answer !== null && !bidding.answer.ok ? bidding.answer : null;

  return (
    <Card
      title={<h2 className="card-title">{t('room.bid.title')}</h2>}
      extra={
        <span>
          {t('room.bid.yourPaddle')} <strong data-testid="bid-paddle">{paddle}</strong>
        </span>
      }
      data-testid="bid-panel"
    >
      {!open && (
        <Alert
          type="info"
          showIcon
          className="form-alert"
          title={lot.paused ? t('room.bid.pausedHint') : t('room.bid.notOpenHint')}
        />
      )}
      <Button
        type="primary"
        size="large"
        block
        className="bid-min-button"
        data-testid="bid-min-button"
        data-amount={lot.minNext}
        disabled={!open}
        loading={busy}
        onClick={() => void bidMinimum()}
      >
        {t('room.bid.minimum', { amount: money(lot.minNext) })}
      </Button>
      <form className="bid-form" onSubmit={(event) => void bidTyped(event)} noValidate>
        <div className="bid-field">
          <label htmlFor={amountId}>{t('room.bid.amountLabel')}</label>
          <div className="bid-row-inline">
            <Input
              id={amountId}
              data-testid="bid-amount-input"
              inputMode="decimal"
              autoComplete="off"
              prefix="¥"
              placeholder={t('room.bid.amountPlaceholder', { minNext: money(lot.minNext) })}
              value={amountText}
              status={amountError ? 'error' : undefined}
              aria-invalid={amountError ? true : undefined}
              aria-describedby={`${amountId}-hint`}
              onChange={(event) => setAmountText(event.target.value)}
              disabled={!open}
            />
            <Button htmlType="submit" data-testid="bid-submit" disabled={!open} loading={busy}>
              {t('room.bid.submit')}
            </Button>
          </div>
          <div id={`${amountId}-hint`}>
            {amountError ? (
              <span className="bid-field-error" role="alert">
                {amountError}
              </span>
            ) : (
              <AmountPreview text={amountText} />
            )}
          </div>
        </div>
        <div className="bid-field">
          <label htmlFor={maxId}>{t('room.bid.maxLabel')}</label>
          <Input
            id={maxId}
            data-testid="bid-max-input"
            inputMode="decimal"
            autoComplete="off"
            prefix="¥"
            placeholder={t('room.bid.maxPlaceholder')}
            value={maxText}
            status={maxError ? 'error' : undefined}
            aria-invalid={maxError ? true : undefined}
            aria-describedby={`${maxId}-hint`}
            onChange={(event) => setMaxText(event.target.value)}
            disabled={!open}
          />
          <div id={`${maxId}-hint`}>
            {maxError ? (
              <span className="bid-field-error" role="alert">
                {maxError}
              </span>
            ) : (
              <>
                <span className="bid-field-hint">{t('room.bid.maxHelp')}</span>{' '}
                <AmountPreview text={maxText} />
              </>
            )}
          </div>
        </div>
      </form>
      {refused && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="my-status"
          data-testid="bid-error"
          data-code={refused.code}
          title={refusalText(refused, t, i18n.language)}
          closable={{ onClose: bidding.dismiss }}
        />
      )}
      {bidding.unanswered !== null && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          className="my-status"
          data-testid="bid-unanswered"
          title={t('room.bid.unanswered', { amount: money(bidding.unanswered.amount) })}
          action={
            <Button
              size="small"
              data-testid="bid-retry"
              loading={busy}
              onClick={() => void bidding.retry().then(report)}
            >
              {t('room.bid.retry')}
            </Button>
          }
          closable={{ onClose: bidding.dismiss }}
        />
      )}
    </Card>
  );
}
