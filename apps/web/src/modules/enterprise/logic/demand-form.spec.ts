import { ApiError } from '../../../lib/http';
import { demandApiError, toDemandBody, type DemandFormValues } from './demand-form';

const TODAY = '2026-11-22';

function values(overrides: Partial<DemandFormValues> = {}): DemandFormValues {
  return {
    title: ' 固态电池电解质 ',
    description: '需要一种室温离子电导率高于 1 mS/cm 的固态电解质，\n可中试放大。',
    field: 'energy',
    budget: '',
    deadline: null,
    ...overrides,
  };
}

describe('toDemandBody', () => {
  it('trims the text and leaves out an empty budget and deadline', () => {
    expect(toDemandBody(values(), TODAY)).toEqual({
      ok: true,
      body: {
        title: '固态电池电解质',
        description: '需要一种室温离子电导率高于 1 mS/cm 的固态电解质，\n可中试放大。',
        field: 'energy',
      },
    });
  });

  it('sends the budget in fen and the deadline as a date', () => {
    const result = toDemandBody(values({ budget: '500,000.5', deadline: '2027-06-30' }), TODAY);
    expect(result.ok && result.body).toMatchObject({ budget: 50_000_050, deadline: '2027-06-30' });
  });

  it('accepts a deadline of today but not of yesterday', () => {
    expect(toDemandBody(values({ deadline: TODAY }), TODAY).ok).toBe(true);
    expect(toDemandBody(values({ deadline: '2026-11-21' }), TODAY)).toEqual({
      ok: false,
      errors: { deadline: 'past' },
    });
  });

  it('refuses what the api refuses', () => {
    expect(
      toDemandBody(
        values({ title: 'abc', description: 'too short', field: undefined, budget: '0' }),
        TODAY,
      ),
    ).toEqual({
      ok: false,
      errors: {
        title: 'titleLength',
        description: 'descriptionLength',
        field: 'field',
        budget: 'positive',
      },
    });
    expect(
      toDemandBody(values({ budget: '1.234', description: 'ten chars\u0000 and more' }), TODAY),
    ).toEqual({ ok: false, errors: { budget: 'amount', description: 'control' } });
    expect(toDemandBody(values({ budget: '1000000001' }), TODAY)).toEqual({
      ok: false,
      errors: { budget: 'tooLarge' },
    });
  });
});

describe('demandApiError', () => {
  it('names the field of a DTO refusal', () => {
    const error = new ApiError(400, {
      code: 'INVALID_INPUT',
      message: 'deadline must be a date like 2027-06-30',
    });
    expect(demandApiError(error)).toEqual({ field: 'deadline', reason: 'api.deadline' });
  });

  it('leaves other refusals to the form', () => {
    expect(
      demandApiError(new ApiError(403, { code: 'ORGANISATION_UNVERIFIED', message: 'x' })),
    ).toBeNull();
  });
});
