import { toSalesforceId18 } from '../../adapters/salesforce/salesforce-id';

// Digits before letters, upper before lower: ASCII order, so ids sort in the order they were made.
const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** 18-character ids for one object type: key prefix (00Q Lead, 005 User, 00E UserRole…), pod and a counter. */
export function salesforceIdFactory(keyPrefix: string, pod = '5e0') {
  let next = 1;
  return (): string => {
    let counter = next++;
    let digits = '';
    for (let i = 0; i < 12 - pod.length; i += 1) {
      digits = base62.charAt(counter % 62) + digits;
      counter = Math.floor(counter / 62);
    }
    const id = toSalesforceId18(`${keyPrefix}${pod}${digits}`);
    if (id === null) throw new Error(`bad id parts ${keyPrefix}/${pod}`);
    return id;
  };
}
