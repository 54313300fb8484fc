import 'reflect-metadata';
import { IsInt, IsUUID, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { checkMessage } from './ws-validation';

class PlaceBid {
  @IsUUID()
  lotId: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  amount: number;
}

class NoFields {}

const lotId = '7f0c4a4e-8a3b-4f7e-9a55-2f1f3c0d9b11';

describe('checkMessage', () => {
  it('accepts a valid message and gives an instance of the class', async () => {
    const checked = await checkMessage(PlaceBid, { lotId, amount: 150_000 });
    expect(checked).toEqual({ ok: true, value: expect.any(PlaceBid) });
    if (checked.ok) expect(checked.value.amount).toBe(150_000);
  });

  it('accepts an empty message for a class without fields', async () => {
    await expect(checkMessage(NoFields, {})).resolves.toEqual({
      ok: true,
      value: expect.any(NoFields),
    });
  });

  it.each([
    [PlaceBid, { lotId, amount: 150_000, paddle: 7 }, /property paddle should not exist/],
    [PlaceBid, { lotId: 'lot-1', amount: 1 }, /lotId must be a UUID/],
    [PlaceBid, { lotId, amount: 1.5 }, /amount must be an integer/],
    [NoFields, { sneaky: true }, /property sneaky should not exist/],
  ])(
    'refuses a bad message with INVALID_INPUT naming the field',
    async (type, payload, message) => {
      const checked = await checkMessage(type as new () => object, payload);
      expect(checked.ok).toBe(false);
      if (!checked.ok) {
        expect(checked.code).toBe('INVALID_INPUT');
        expect(checked.message).toMatch(message);
      }
    },
  );

  it.each([null, 'text', 42, [1, 2]])(
    'refuses a payload that is not an object: %p',
    async (payload) => {
      await expect(checkMessage(PlaceBid, payload)).resolves.toEqual({
        ok: false,
        code: 'INVALID_INPUT',
        message: 'The message must be a JSON object',
      });
    },
  );
});
