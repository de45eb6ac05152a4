import { isPlaceholderPhone, isValidPhone, phoneDigits } from '../../src/core/phone-number';

describe('phone shape', () => {
  test.each([
    '+1 (415) 867-5309',
    '+49 30 901820',
    '030 901820 55',
    '+44 20 7946 0958',
    '415.867.5309',
    '+1 415 867 5309 ext. 12',
    '+1 415 867 5309 x12',
    '+91 98450 12345',
  ])('%j is a valid phone', (phone) => {
    expect(isValidPhone(phone)).toBe(true);
    expect(isPlaceholderPhone(phone)).toBe(false);
  });

  test.each([
    ['0000000', 'one repeated digit'],
    ['111-1111', 'one repeated digit'],
    ['(999) 999-9999', 'one repeated digit'],
    ['+1 000 000 0000', 'repeated digit after the country code'],
    ['+49 1111 1111', 'repeated digit after the country code'],
    ['1234567', 'ascending run'],
    ['123-456-7890', 'ascending run with wrap'],
    ['+1 123 456 7890', 'ascending run after the country code'],
    ['+44 1234 567890', 'ascending run after the country code'],
    ['0123456789', 'ascending run from 0'],
    ['9876543210', 'descending run'],
    ['555-0100', 'fictional 555-01xx'],
    ['(212) 555-0199', 'fictional 555-01xx'],
    ['+1 212 555 0123', 'fictional 555-01xx after the country code'],
    ['12345', 'fewer than 7 digits'],
    ['n/a', 'no digits'],
    ['-', 'no digits'],
  ])('%j is a placeholder (%s)', (phone) => {
    expect(isPlaceholderPhone(phone)).toBe(true);
    expect(isValidPhone(phone)).toBe(false);
  });

  test.each([
    ['+1 415 867 5309 0000 0000', 'more than 15 digits'],
    ['415-867-5309 call after 5', 'words in the number'],
    ['415+867+5309', '"+" inside the number'],
  ])('%j is not valid (%s) though not a placeholder', (phone) => {
    expect(isValidPhone(phone)).toBe(false);
    expect(isPlaceholderPhone(phone)).toBe(false);
  });

  test('real numbers that merely contain 555 are not fictional', () => {
    expect(isPlaceholderPhone('(212) 555-2368')).toBe(false);
  });

  test('digits ignore formatting and the extension', () => {
    expect(phoneDigits('+1 (415) 867-5309 ext. 12')).toBe('14158675309');
  });
});
