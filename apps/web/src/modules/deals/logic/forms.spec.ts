import { ApiError } from '../../../lib/http';
import {
  apiPath,
  criteriaLines,
  initialRequestValues,
  listedTermsOf,
  requestApiField,
  toDecisionBody,
  toDeclineBody,
  toEvidenceBody,
  toNoteBody,
  toOutcomeBody,
  toPaymentBody,
  toRequestBody,
  type RequestFormValues,
  type RequestResult,
} from './forms';

const terms = {
  termMonths: 12,
  criteria: ['良品率提升 5%', '能耗下降 10%'],
  fee: 50_000_000,
  paymentWindowDays: 30,
};

const result: RequestResult = {
  id: 'b6f2d1a4-1c1e-4e5a-9c2a-1f7e2d3c4b5a',
  transactionModes: ['assignment', 'ordinary_licence', 'use_first_pay_later'],
  askingPrice: 120_000_000,
  ufplTerms: terms,
};
const negotiable: RequestResult = { ...result, askingPrice: undefined, ufplTerms: undefined };

function values(over: Partial<RequestFormValues> = {}): RequestFormValues {
  return { ...initialRequestValues(result), ...over };
}

describe('the request form → POST /deals', () => {
  it('starts with the first mode at the listed terms, the listing’s criteria filled in', () => {
    expect(initialRequestValues(result)).toMatchObject({
      mode: 'assignment',
      terms: 'listed',
      criteria: '良品率提升 5%\n能耗下降 10%',
      termMonths: 12,
      paymentWindowDays: 30,
    });
    expect(initialRequestValues(negotiable).terms).toBe('proposed');
  });

  it('asks at the listed terms with no proposal', () => {
    expect(toRequestBody(values(), result)).toEqual({
      ok: true,
      body: { resultId: result.id, mode: 'assignment' },
    });
    expect(
      toRequestBody(values({ mode: 'use_first_pay_later', brokerId: 'broker-1' }), result),
    ).toEqual({
      ok: true,
      body: { resultId: result.id, mode: 'use_first_pay_later', brokerId: 'broker-1' },
    });
  });

  it('turns a proposed price in yuan into fen', () => {
    expect(toRequestBody(values({ terms: 'proposed', price: '1,150,000.5' }), result)).toEqual({
      ok: true,
      body: { resultId: result.id, mode: 'assignment', proposal: { price: 115_000_050 } },
    });
  });

  it('refuses what the api would refuse, before sending', () => {
    expect(toRequestBody(values({ mode: 'equity' }), result)).toEqual({
      ok: false,
      errors: { mode: 'mode' },
    });
    expect(toRequestBody(values({ mode: undefined }), result)).toEqual({
      ok: false,
      errors: { mode: 'mode' },
    });
    // a negotiable result (面议) has no listed price to accept
    expect(toRequestBody(values({ terms: 'listed' }), negotiable)).toEqual({
      ok: false,
      errors: { price: 'negotiable' },
    });
    expect(
      toRequestBody(values({ mode: 'use_first_pay_later', terms: 'listed' }), negotiable),
    ).toEqual({ ok: false, errors: { terms: 'noListedTerms' } });
    for (const [price, reason] of [
      ['', 'required'],
      ['abc', 'amount'],
      ['1.234', 'amount'],
      ['0', 'positive'],
      ['1000000001', 'tooLarge'],
    ]) {
      expect(toRequestBody(values({ terms: 'proposed', price }), result)).toEqual({
        ok: false,
        errors: { price: reason },
      });
    }
  });

  it('sends whole proposed use-first-pay-later terms, criteria one per line', () => {
    const converted = toRequestBody(
      values({
        mode: 'use_first_pay_later',
        terms: 'proposed',
        termMonths: 18,
        criteria: '  良品率提升 8%\n\n能耗下降 12%  \n',
        fee: '400000',
        paymentWindowDays: '45',
      }),
      result,
    );
    expect(converted).toEqual({
      ok: true,
      body: {
        resultId: result.id,
        mode: 'use_first_pay_later',
        proposal: {
          ufplTerms: {
            termMonths: 18,
            criteria: ['良品率提升 8%', '能耗下降 12%'],
            fee: 40_000_000,
            paymentWindowDays: 45,
          },
        },
      },
    });
  });

  it('checks proposed terms by the api’s bounds', () => {
    const converted = toRequestBody(
      values({
        mode: 'use_first_pay_later',
        terms: 'proposed',
        termMonths: 121,
        criteria: '好',
        fee: '',
        paymentWindowDays: '1.5',
      }),
      result,
    );
    expect(converted).toEqual({
      ok: false,
      errors: {
        termMonths: 'range',
        criteria: 'criterionLength',
        fee: 'required',
        paymentWindowDays: 'whole',
      },
    });
    const eleven = Array.from({ length: 11 }, (_, index) => `指标 ${index + 1}`).join('\n');
    expect(
      toRequestBody(
        values({ mode: 'use_first_pay_later', terms: 'proposed', criteria: eleven, fee: '1' }),
        result,
      ),
    ).toEqual({ ok: false, errors: { criteria: 'tooMany' } });
    expect(criteriaLines('a\r\n\r\n b ')).toEqual(['a', 'b']);
  });

  it('knows what the listing offers per mode', () => {
    expect(listedTermsOf(result, 'assignment')).toEqual({ price: 120_000_000 });
    expect(listedTermsOf(result, 'use_first_pay_later')).toEqual({ ufplTerms: terms });
    expect(listedTermsOf(negotiable, 'assignment')).toBeNull();
    expect(listedTermsOf(result, undefined)).toBeNull();
  });

  it('marks the field an api refusal names', () => {
    const invalid = (message: string) => new ApiError(400, { code: 'INVALID_INPUT', message });
    expect(requestApiField(invalid('proposal.price: this result is negotiable (面议)'))).toBe(
      'price',
    );
    expect(
      requestApiField(invalid('proposal.ufplTerms.fee must not be greater than 100000000000')),
    ).toBe('fee');
    expect(requestApiField(invalid('proposal.ufplTerms: only for use-first-pay-later'))).toBe(
      'criteria',
    );
    expect(requestApiField(invalid('brokerId: no verified brokerage has this id'))).toBe(
      'brokerId',
    );
    expect(apiPath(invalid('proposal.ufplTerms.criteria.0 must be longer'))).toBe('criteria');
    expect(requestApiField(invalid('something else entirely'))).toBeNull();
    expect(requestApiField(new ApiError(409, { code: 'CONFLICT', message: 'mode: x' }))).toBeNull();
    expect(requestApiField(new Error('x'))).toBeNull();
  });
});

describe('the action forms → their bodies', () => {
  it('decline: an optional reason, trimmed, at most 500 characters', () => {
    expect(toDeclineBody({ reason: '  ' })).toEqual({ ok: true, body: {} });
    expect(toDeclineBody({ reason: ' 价格过低 ' })).toEqual({
      ok: true,
      body: { reason: '价格过低' },
    });
    expect(toDeclineBody({ reason: 'x'.repeat(501) })).toEqual({
      ok: false,
      errors: { reason: 'tooLong' },
    });
  });

  it('note: 1–2000 characters, line breaks kept, other control characters refused', () => {
    expect(toNoteBody({ note: '第一行\n第二行' })).toEqual({
      ok: true,
      body: { note: '第一行\n第二行' },
    });
    expect(toNoteBody({ note: '' })).toEqual({ ok: false, errors: { note: 'required' } });
    expect(toNoteBody({ note: 'a\u0007b' })).toEqual({ ok: false, errors: { note: 'control' } });
  });

  it('evidence: a criterion of the deal and a text', () => {
    expect(toEvidenceBody({ criterionIndex: 1, text: ' 检测报告 2026-17 ' }, 2)).toEqual({
      ok: true,
      body: { criterionIndex: 1, text: '检测报告 2026-17' },
    });
    expect(toEvidenceBody({ criterionIndex: 2, text: '' }, 2)).toEqual({
      ok: false,
      errors: { criterionIndex: 'criterion', text: 'required' },
    });
    expect(toEvidenceBody({ criterionIndex: null, text: 'x' }, 2)).toEqual({
      ok: false,
      errors: { criterionIndex: 'criterion' },
    });
  });

  it('outcome: agree unless disputed, a note only when written', () => {
    expect(toOutcomeBody({ outcome: 'achieved', dispute: false, note: '' })).toEqual({
      ok: true,
      body: { outcome: 'achieved', agree: true },
    });
    expect(toOutcomeBody({ outcome: 'not_achieved', dispute: true, note: ' 数据不足 ' })).toEqual({
      ok: true,
      body: { outcome: 'not_achieved', agree: false, note: '数据不足' },
    });
    expect(toOutcomeBody({ outcome: null })).toEqual({ ok: false, errors: { outcome: 'outcome' } });
  });

  it('decision: an outcome and a reason of at least 2 characters', () => {
    expect(toDecisionBody({ outcome: 'achieved', reason: ' 证明充分 ' })).toEqual({
      ok: true,
      body: { outcome: 'achieved', reason: '证明充分' },
    });
    expect(toDecisionBody({ outcome: undefined, reason: '好' })).toEqual({
      ok: false,
      errors: { outcome: 'outcome', reason: 'tooShort' },
    });
  });

  it('payment: yuan to fen, at most what is outstanding, with a reference', () => {
    expect(toPaymentBody({ amount: '12,345.67', reference: ' ICBC-0001 ' }, 5_000_000)).toEqual({
      ok: true,
      body: { amount: 1_234_567, reference: 'ICBC-0001' },
    });
    expect(toPaymentBody({ amount: '50000.01', reference: 'r' }, 5_000_000)).toEqual({
      ok: false,
      errors: { amount: 'overOutstanding' },
    });
    expect(toPaymentBody({ amount: '0', reference: '' }, 5_000_000)).toEqual({
      ok: false,
      errors: { amount: 'positive', reference: 'required' },
    });
    expect(toPaymentBody({ amount: '1', reference: 'x'.repeat(101) }, 5_000_000)).toEqual({
      ok: false,
      errors: { reference: 'tooLong' },
    });
  });
});
