const titles = ['VP of Sales', 'CTO', 'Marketing Manager', 'Student', 'Head of Operations', 'Software Engineer', 'CEO', 'Intern'];
const countries = ['United States', 'Germany', 'France', 'United Kingdom', 'Canada'];
const sizes = ['1-5', '5-25', '100-500', '1000+'];

/** `count` varied leads (fit and unfit), deterministic so runs compare. */
export function burstLeads(count: number, prefix = 'burst'): Array<Record<string, string>> {
  return Array.from({ length: count }, (_, i) => ({
    email: `${prefix}.${i}@company${i % 97}.example`,
    firstname: `Lead${i}`,
    lastname: prefix,
    jobtitle: titles[i % titles.length] as string,
    company: `Company ${i % 97}`,
    numemployees: sizes[i % sizes.length] as string,
    country: countries[i % countries.length] as string,
    ...(i % 3 === 0 ? { state: 'CA' } : {}),
  }));
}
