import { useTranslation } from 'react-i18next';
import type { Fen } from '@kepai/contracts';
import { formatFen } from '../lib/money';

/** An amount in fen as the exchange shows it; `null` is "negotiable" (面议). */
export function Money({ fen, className }: { fen: Fen | null | undefined; className?: string }) {
  const { t, i18n } = useTranslation();
  const text =
    fen === null || fen === undefined ? t('common.negotiable') : formatFen(fen, i18n.language);
  return <span className={className ? `money ${className}` : 'money'}>{text}</span>;
}
