/** A contact every default-definition criterion accepts: VP at a 300-person company who asked for a demo (score 100). */
export const hotLead = {
  email: 'dana.reyes@betasoloin.com',
  firstname: 'Dana',
  lastname: 'Reyes',
  jobtitle: 'VP of Sales',
  company: 'Betasoloin',
  numemployees: '100-500',
  country: 'United States',
  state: 'CA',
  phone: '+1 415 867 2301',
  recent_conversion_event_name: 'Demo request',
  num_conversion_events: '2',
  hs_analytics_num_page_views: '14',
};
