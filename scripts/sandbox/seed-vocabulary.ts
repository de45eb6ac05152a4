/** Word lists the contact seeder draws from. Fictional people, schools and competitors only. */

export const firstNames = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Karen',
  'Daniel', 'Lisa', 'Matthew', 'Nancy', 'Anthony', 'Sandra', 'Mark', 'Ashley', 'Priya', 'Emily',
  'Wei', 'Fatima', 'Kenji', 'Aisha', 'Luca', 'Sofia', 'Mateo', 'Olga', 'Arjun', 'Chloe',
  'Noah', 'Amara', 'Diego', 'Hannah', 'Omar', 'Grace', 'Ivan', 'Mei', 'Samuel', 'Zoe',
] as const;

export const lastNames = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Patel', 'Kim', 'Chen', 'Okafor', 'Rossi', 'Muller', 'Kowalski', 'Tanaka', "O'Brien", 'Haddad',
] as const;

/** Job titles with relative frequency: buyers and IT leaders, practitioners, and people who cannot buy. */
export const businessTitles: ReadonlyArray<readonly [string, number]> = [
  ['VP Sales', 3],
  ['VP of Operations', 3],
  ['Chief Technology Officer', 2],
  ['CTO', 2],
  ['CIO', 2],
  ['Director of IT', 5],
  ['IT Director', 3],
  ['Head of Procurement', 4],
  ['Director of Procurement', 3],
  ['Head of Infrastructure', 3],
  ['Director of Engineering', 3],
  ['CFO', 1],
  ['IT Manager', 7],
  ['Procurement Manager', 5],
  ['Operations Manager', 4],
  ['Systems Administrator', 5],
  ['Network Engineer', 4],
  ['Software Engineer', 6],
  ['Purchasing Specialist', 3],
  ['Marketing Coordinator', 5],
  ['Office Manager', 4],
  ['Analyst', 5],
  ['Sales Associate', 3],
  ['HR Generalist', 2],
  ['Executive Assistant', 2],
  ['Customer Support Representative', 2],
];

export const freeMailTitles: ReadonlyArray<readonly [string, number]> = [
  ['Freelance Consultant', 4],
  ['Independent Consultant', 2],
  ['Owner', 2],
  ['IT Manager', 2],
  ['Software Engineer', 2],
  ['Analyst', 1],
];

export const freeMailDomains = ['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com'] as const;

export const universities = [
  { name: 'Northfield State University', domain: 'northfield.edu' },
  { name: 'Lakeshore College', domain: 'lakeshore.edu' },
  { name: 'University of Westbrook', domain: 'westbrook.edu' },
  { name: 'Eastern Institute of Technology', domain: 'eastern-tech.edu' },
] as const;

export const studentTitles = ['Student', 'Graduate Student', 'PhD Candidate'] as const;
export const internTitles = ['Intern', 'IT Intern', 'Marketing Intern'] as const;

/** Look-alike rivals of the sample data set's hardware company. */
export const competitors = [
  { name: 'Rival Hardware', domain: 'rival-hardware.com' },
  { name: 'CompeTech Systems', domain: 'competech-systems.com' },
  { name: 'Hardware Hub', domain: 'hardwarehub.io' },
] as const;

export const competitorTitles = ['Product Manager', 'Sales Engineer', 'Competitive Intelligence Analyst', 'Account Executive'] as const;

export const conversionEvents: ReadonlyArray<readonly [string, number]> = [
  ['Demo request', 15],
  ['Pricing page visit', 20],
  ['Whitepaper download', 35],
  ['Webinar registration', 30],
];

export const campaigns = [
  'Q3 Hardware Refresh',
  'GTX Pro Launch',
  'MG Series Webinar',
  'Data Center Modernization eBook',
  'Spring Trade Show',
  'Partner Referral Program',
] as const;

export const sourceWeights: ReadonlyArray<readonly [string, number]> = [
  ['ORGANIC_SEARCH', 28],
  ['PAID_SEARCH', 16],
  ['EMAIL_MARKETING', 12],
  ['SOCIAL_MEDIA', 9],
  ['REFERRALS', 10],
  ['DIRECT_TRAFFIC', 14],
  ['OFFLINE', 6],
  ['PAID_SOCIAL', 5],
];

export const leadStatusWeights: ReadonlyArray<readonly [string, number]> = [
  ['NEW', 80],
  ['OPEN', 7],
  ['ATTEMPTED_TO_CONTACT', 5],
  ['IN_PROGRESS', 4],
  ['CONNECTED', 2],
  ['UNQUALIFIED', 1],
  ['BAD_TIMING', 1],
];

export const lifecycleWeights: ReadonlyArray<readonly [string, number]> = [
  ['lead', 70],
  ['subscriber', 20],
  ['marketingqualifiedlead', 10],
];

/** Where US contacts sit, roughly by business population. */
export const usStateWeights: ReadonlyArray<readonly [string, number]> = [
  ['California', 12],
  ['Texas', 9],
  ['New York', 8],
  ['Florida', 6],
  ['Illinois', 5],
  ['Pennsylvania', 4],
  ['Ohio', 4],
  ['Georgia', 3.5],
  ['North Carolina', 3.5],
  ['Michigan', 3],
  ['Washington', 3],
  ['Massachusetts', 3],
  ['New Jersey', 3],
  ['Virginia', 3],
  ['Colorado', 2.5],
  ['Arizona', 2.5],
  ['Maryland', 2],
  ['Minnesota', 2],
  ['Tennessee', 2],
  ['Oregon', 1.5],
  ['Utah', 1.5],
  ['Wisconsin', 1.5],
  ['Missouri', 1.5],
  ['Indiana', 1.5],
];

export const usAreaCodes = ['212', '312', '415', '512', '617', '646', '702', '713', '206', '303', '404', '305', '214', '919', '612'] as const;

export const countryCallingCodes: Record<string, string> = {
  'United States': '+1',
  Kenya: '+254',
  Philippines: '+63',
  Japan: '+81',
  Italy: '+39',
  Norway: '+47',
  Korea: '+82',
  Jordan: '+962',
  Brazil: '+55',
  Germany: '+49',
  Panama: '+507',
  Belgium: '+32',
  Romania: '+40',
  Poland: '+48',
  China: '+86',
};

/** The data set's sector codes (with its typo) as an industry a person would type. */
export const sectorIndustries: Record<string, string> = {
  technolgy: 'Technology',
  medical: 'Medical',
  retail: 'Retail',
  software: 'Software',
  entertainment: 'Entertainment',
  marketing: 'Marketing',
  telecommunications: 'Telecommunications',
  finance: 'Finance',
  employment: 'Employment',
  services: 'Services',
};

/** Spelling fixes for the data set's office locations. */
export const countrySpellings: Record<string, string> = { Philipines: 'Philippines' };
