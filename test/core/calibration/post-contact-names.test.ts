import { isPostContactField } from '../../../src/core/calibration/post-contact-names';

describe('isPostContactField', () => {
  it.each([
    ['raw.Tags', 'Tags'],
    ['raw.Lead Quality', 'Lead Quality'],
    ['raw.Last Notable Activity', 'Last Notable Activity'],
    ['raw.hs_lead_status', 'hs_lead_status'],
    ['raw.Status', 'Status'],
    ['raw.IsConverted', 'IsConverted'],
    ['raw.notes_last_contacted', 'notes_last_contacted'],
    ['raw.hs_last_sales_activity_timestamp', 'hs_last_sales_activity_timestamp'],
    ['raw.LastModifiedDate', 'LastModifiedDate'],
    ['raw.SystemModstamp', 'SystemModstamp'],
    ['raw.lifecyclestage', 'lifecyclestage'],
    ['ownerId', 'Owner'],
  ])('%s is filled in after contact', (field, name) => {
    expect(isPostContactField(field, name)).toBe(true);
  });

  it.each([
    ['raw.Lead Source', 'Lead Source'],
    ['raw.TotalVisits', 'TotalVisits'],
    ['raw.Last Activity', 'Last Activity'],
    ['raw.What is your current occupation', 'What is your current occupation'],
    ['title', 'Job title'],
    ['employees', 'Employees'],
    ['signals.demo_request', 'Demo requests'],
  ])('%s is known before contact', (field, name) => {
    expect(isPostContactField(field, name)).toBe(false);
  });
});
