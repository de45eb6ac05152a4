import type { Definition } from './definition';

type Territory = Definition['routing']['territories'][number];

/**
 * The sample sales organisation's three regional offices (West, Central, East). US states are
 * listed by code and by name so admins see both spellings; countries are matched canonically,
 * so "Korea" and "South Korea", "Philippines" and the sample data's "Philipines" all land in West.
 * The United States itself is in no territory: a US lead with no known state goes to the catch-all pool.
 */
export const defaultTerritories: Territory[] = [
  {
    region: 'West',
    countries: [
      'China', 'Japan', 'Korea', 'South Korea', 'Philippines', 'Philipines', 'Australia', 'New Zealand',
      'India', 'Singapore', 'Indonesia', 'Vietnam', 'Thailand', 'Malaysia', 'Taiwan', 'Hong Kong',
    ],
    states: [
      'US-WA', 'Washington', 'US-OR', 'Oregon', 'US-CA', 'California', 'US-NV', 'Nevada', 'US-ID', 'Idaho',
      'US-MT', 'Montana', 'US-WY', 'Wyoming', 'US-UT', 'Utah', 'US-CO', 'Colorado', 'US-AZ', 'Arizona', 'US-NM',
      'New Mexico', 'US-AK', 'Alaska', 'US-HI', 'Hawaii',
    ],
  },
  {
    region: 'Central',
    countries: [
      'Brazil', 'Panama', 'Mexico', 'Argentina', 'Chile', 'Colombia', 'Canada', 'Peru',
    ],
    states: [
      'US-ND', 'North Dakota', 'US-SD', 'South Dakota', 'US-NE', 'Nebraska', 'US-KS', 'Kansas', 'US-OK',
      'Oklahoma', 'US-TX', 'Texas', 'US-MN', 'Minnesota', 'US-IA', 'Iowa', 'US-MO', 'Missouri', 'US-AR',
      'Arkansas', 'US-LA', 'Louisiana', 'US-WI', 'Wisconsin', 'US-IL', 'Illinois', 'US-MS', 'Mississippi',
      'US-AL', 'Alabama', 'US-TN', 'Tennessee',
    ],
  },
  {
    region: 'East',
    countries: [
      'Belgium', 'Germany', 'Italy', 'Norway', 'Poland', 'Romania', 'Kenya', 'Jordan', 'United Kingdom',
      'France', 'Spain', 'Netherlands', 'Ireland', 'Sweden', 'Denmark', 'Finland', 'Switzerland', 'Austria',
      'Portugal', 'Czech Republic', 'Hungary', 'Greece', 'Israel', 'Turkey', 'United Arab Emirates',
      'Saudi Arabia', 'Egypt', 'Nigeria', 'South Africa',
    ],
    states: [
      'US-ME', 'Maine', 'US-NH', 'New Hampshire', 'US-VT', 'Vermont', 'US-MA', 'Massachusetts', 'US-RI',
      'Rhode Island', 'US-CT', 'Connecticut', 'US-NY', 'New York', 'US-NJ', 'New Jersey', 'US-PA',
      'Pennsylvania', 'US-DE', 'Delaware', 'US-MD', 'Maryland', 'US-DC', 'District of Columbia', 'US-VA',
      'Virginia', 'US-WV', 'West Virginia', 'US-NC', 'North Carolina', 'US-SC', 'South Carolina', 'US-GA',
      'Georgia', 'US-FL', 'Florida', 'US-OH', 'Ohio', 'US-MI', 'Michigan', 'US-IN', 'Indiana', 'US-KY',
      'Kentucky',
    ],
  },
];
