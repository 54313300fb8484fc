import type { ResultView } from '@kepai/contracts';
import {
  clearedOnUpdate,
  emptyResultForm,
  fieldIssue,
  formFieldOfRefusal,
  resultFormIssues,
  resultToForm,
  toResultBody,
  toUpdateBody,
  type ResultFormValues,
} from './result-form';

function filled(overrides: Partial<ResultFormValues> = {}): ResultFormValues {
  return {
    ...emptyResultForm(),
    title: '  固态电池电解质  ',
    summary: '一种高离子电导率的固态电解质材料',
    description: '本成果提供一种硫化物固态电解质的制备方法，室温离子电导率高。',
    field: 'energy',
    maturity: 'pilot',
    transactionModes: ['assignment'],
    askingPrice: '1,234,567.8',
    region: ' 浙江省杭州市 ',
    ...overrides,
  };
}

describe('form values → ResultBody', () => {
  it('trims texts, turns yuan into integer fen and leaves empty optional fields out', () => {
    const body = toResultBody(filled());
    expect(body).toEqual({
      title: '固态电池电解质',
      summary: '一种高离子电导率的固态电解质材料',
      description: '本成果提供一种硫化物固态电解质的制备方法，室温离子电导率高。',
      field: 'energy',
      keywords: [],
      patentNumbers: [],
      maturity: 'pilot',
      transactionModes: ['assignment'],
      askingPrice: 123_456_780,
      region: '浙江省杭州市',
    });
    expect(Number.isInteger(body.askingPrice)).toBe(true);
    expect(body).not.toHaveProperty('ipcClass');
    expect(body).not.toHaveProperty('patentStatus');
    expect(body).not.toHaveProperty('team');
    expect(body).not.toHaveProperty('ufplTerms');
  });

  it('leaves the asking price out when negotiable, whatever was typed', () => {
    expect(toResultBody(filled({ negotiable: true, askingPrice: '500' }))).not.toHaveProperty(
      'askingPrice',
    );
  });

  it('cleans tag lists: trimmed, no blanks, no repeats, patent numbers upper-cased', () => {
    const body = toResultBody(
      filled({
        keywords: [' 电池 ', '电池', '', '电解质'],
        patentNumbers: ['zl 202110345678.9', 'ZL202110345678.9', 'CN112345678A'],
        team: ['张三', ' ', '李四'],
        ipcClass: ' h01m  10/0562 ',
        patentStatus: 'granted',
      }),
    );
    expect(body.keywords).toEqual(['电池', '电解质']);
    expect(body.patentNumbers).toEqual(['ZL202110345678.9', 'CN112345678A']);
    expect(body.team).toEqual(['张三', '李四']);
    expect(body.ipcClass).toBe('H01M 10/0562');
    expect(body.patentStatus).toBe('granted');
  });

  it('sends use-first-pay-later terms only when that mode is offered, fee in fen', () => {
    const terms = {
      ufplTermMonths: 12,
      ufplCriteria: ['良品率达到 95%', ' ', '年产能 1000 吨'],
      ufplFee: '80000.05',
      ufplPaymentWindowDays: 30,
    };
    expect(
      toResultBody(filled({ ...terms, transactionModes: ['assignment', 'use_first_pay_later'] }))
        .ufplTerms,
    ).toEqual({
      termMonths: 12,
      criteria: ['良品率达到 95%', '年产能 1000 吨'],
      fee: 8_000_005,
      paymentWindowDays: 30,
    });
    expect(toResultBody(filled({ ...terms, transactionModes: ['assignment'] }))).not.toHaveProperty(
      'ufplTerms',
    );
  });

  it('an update clears the team and drops terms no longer offered', () => {
    const body = toUpdateBody(filled());
    expect(body.team).toEqual([]);
    expect(body.ufplTerms).toBeNull();
  });

  it('reads a saved result back into the same form', () => {
    const values = filled({
      title: '固态电池电解质',
      region: '浙江省杭州市',
      askingPrice: '1234567.8',
      keywords: ['电池'],
      team: ['张三'],
      transactionModes: ['use_first_pay_later'],
      ufplTermMonths: 6,
      ufplCriteria: ['良品率达到 95%'],
      ufplFee: '5000',
      ufplPaymentWindowDays: 45,
    });
    const saved = { ...toResultBody(values), id: 'x', status: 'draft' } as unknown as ResultView;
    expect(resultToForm(saved)).toEqual({ ...values, ipcClass: '', patentStatus: undefined });
  });

  it('a result without a price opens as negotiable', () => {
    const body = toResultBody(filled());
    delete body.askingPrice;
    const form = resultToForm(body as unknown as ResultView);
    expect(form.negotiable).toBe(true);
    expect(form.askingPrice).toBe('');
  });
});

describe('checks that mirror the api', () => {
  it('passes a complete form', () => {
    expect(resultFormIssues(filled())).toEqual({});
  });

  it('names each missing required field', () => {
    expect(Object.keys(resultFormIssues(emptyResultForm())).sort()).toEqual(
      [
        'askingPrice',
        'description',
        'field',
        'maturity',
        'region',
        'summary',
        'title',
        'transactionModes',
      ].sort(),
    );
  });

  it.each([
    ['title', '标题', 'length'],
    ['summary', '太短的摘要', 'length'],
    ['description', '很短的介绍', 'length'],
    ['region', '浙', 'length'],
    ['title', '标题\u0007含控制符', 'control'],
  ] as const)('%s "%s" is refused (%s)', (field, text, rule) => {
    expect(fieldIssue(field, filled({ [field]: text }))?.rule).toBe(rule);
  });

  it('counts characters as the api does (an emoji is one)', () => {
    expect(fieldIssue('title', filled({ title: '电池😀' }))?.rule).toBe('length');
    expect(fieldIssue('title', filled({ title: '电池电池' }))).toBeNull();
  });

  it('lets the description span lines', () => {
    expect(
      fieldIssue(
        'description',
        filled({ description: '第一段：背景与意义。\n第二段：技术方案与指标。' }),
      ),
    ).toBeNull();
  });

  it.each([
    ['12.345', 'money'],
    ['abc', 'money'],
    ['0', 'moneyRange'],
    ['1000000000.01', 'moneyRange'],
    ['', 'required'],
  ])('asking price "%s" is refused (%s)', (text, rule) => {
    expect(fieldIssue('askingPrice', filled({ askingPrice: text }))?.rule).toBe(rule);
  });

  it('needs no price when negotiable', () => {
    expect(fieldIssue('askingPrice', filled({ negotiable: true, askingPrice: '' }))).toBeNull();
  });

  it('checks patent numbers and IPC symbols like the api', () => {
    expect(fieldIssue('patentNumbers', filled({ patentNumbers: ['ZL202110345678.X'] }))).toBeNull();
    expect(fieldIssue('patentNumbers', filled({ patentNumbers: ['ZL2021103456789'] }))).toEqual({
      rule: 'patentNumber',
      values: { item: 'ZL2021103456789' },
    });
    expect(fieldIssue('ipcClass', filled({ ipcClass: 'H01M 4/583' }))).toBeNull();
    expect(fieldIssue('ipcClass', filled({ ipcClass: 'Z99' }))?.rule).toBe('ipcClass');
  });

  it('limits list sizes', () => {
    const thirteen = Array.from({ length: 13 }, (_, i) => `词${i}`);
    expect(fieldIssue('keywords', filled({ keywords: thirteen }))).toEqual({
      rule: 'count',
      values: { max: 12 },
    });
    expect(fieldIssue('keywords', filled({ keywords: ['x'.repeat(41)] }))?.rule).toBe('itemLength');
  });

  it('asks for the use-first-pay-later terms only when that mode is chosen', () => {
    const ufpl = filled({ transactionModes: ['use_first_pay_later'], ufplPaymentWindowDays: null });
    expect(Object.keys(resultFormIssues(ufpl)).sort()).toEqual([
      'ufplCriteria',
      'ufplFee',
      'ufplPaymentWindowDays',
      'ufplTermMonths',
    ]);
    expect(fieldIssue('ufplTermMonths', { ...ufpl, ufplTermMonths: 121 })?.values).toEqual({
      min: 1,
      max: 120,
    });
    expect(fieldIssue('ufplCriteria', { ...ufpl, ufplCriteria: ['好'] })?.rule).toBe('itemRange');
    expect(resultFormIssues(filled({ ufplTermMonths: null }))).toEqual({});
  });
});

describe('what an update cannot clear', () => {
  it('names a price, IPC class or patent status that was set and is now empty', () => {
    const saved = { askingPrice: 100, ipcClass: 'H01M', patentStatus: 'granted' as const };
    expect(
      clearedOnUpdate(filled({ negotiable: true, ipcClass: '', patentStatus: undefined }), saved),
    ).toEqual(['askingPrice', 'ipcClass', 'patentStatus']);
    expect(clearedOnUpdate(filled({ ipcClass: 'H01M', patentStatus: 'granted' }), saved)).toEqual(
      [],
    );
    expect(clearedOnUpdate(filled({ negotiable: true }), {})).toEqual([]);
  });
});

describe('api refusals → form fields', () => {
  it.each([
    ['title', 'title must be longer than or equal to 4 characters', 'title'],
    ['askingPrice', 'askingPrice must be an integer number of fen', 'askingPrice'],
    ['ufplTerms', 'ufplTerms.fee must not be less than 1', 'ufplFee'],
    ['ufplTerms', 'ufplTerms.criteria must contain at least 1 elements', 'ufplCriteria'],
    ['ufplTerms', 'ufplTerms are required when use_first_pay_later is offered', 'ufplTermMonths'],
    ['ufplTerms', 'ufplTerms only apply when use_first_pay_later is among', 'transactionModes'],
    ['property', 'property foo should not exist', null],
    [null, 'whatever', null],
  ])('%s: "%s" → %s', (property, message, field) => {
    expect(formFieldOfRefusal(property, message)).toBe(field);
  });
});
