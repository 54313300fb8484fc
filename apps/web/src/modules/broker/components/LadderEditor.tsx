import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LADDER_MAX_ROWS } from '../logic/session-form';

/**
 * The increment ladder (加价幅度) as rows of "from this price, bid in steps of": yuan as typed,
 * the first row from 0 (fixed), each next row from a higher price. Lives in a Form as `ladder`.
 */
export function LadderEditor({ error }: { error: string | null }) {
  const { t } = useTranslation();
  return (
    <fieldset className="ladder-editor" aria-describedby="ladder-help">
      <legend className="ladder-legend">{t('broker.sessionForm.ladder')}</legend>
      <Typography.Paragraph type="secondary" id="ladder-help" className="ladder-help">
        {t('broker.sessionForm.ladderHelp')}
      </Typography.Paragraph>
      <Form.List name="ladder">
        {(fields, { add, remove }) => (
          <>
            <div className="ladder-row ladder-columns" aria-hidden="true">
              <span>{t('broker.sessionForm.ladderFrom')}</span>
              <span>{t('broker.sessionForm.ladderStep')}</span>
              <span />
            </div>
            {fields.map((field, index) => (
              <div className="ladder-row" key={field.key} data-testid="ladder-row">
                <Form.Item name={[field.name, 'from']} className="ladder-cell">
                  <Input
                    inputMode="decimal"
                    prefix="¥"
                    disabled={index === 0}
                    aria-label={t('broker.sessionForm.ladderFromRow', { row: index + 1 })}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'step']} className="ladder-cell">
                  <Input
                    inputMode="decimal"
                    prefix="¥"
                    aria-label={t('broker.sessionForm.ladderStepRow', { row: index + 1 })}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  disabled={index === 0}
                  aria-label={t('broker.sessionForm.ladderRemove', { row: index + 1 })}
                  onClick={() => remove(field.name)}
                />
              </div>
            ))}
            <Button
              icon={<PlusOutlined />}
              disabled={fields.length >= LADDER_MAX_ROWS}
              onClick={() => add({ from: '', step: '' })}
            >
              {t('broker.sessionForm.ladderAdd')}
            </Button>
          </>
        )}
      </Form.List>
      {error === null ? null : (
        <Typography.Text type="danger" role="alert" className="ladder-error">
          {error}
        </Typography.Text>
      )}
    </fieldset>
  );
}
