/**
 * CRMs hold countries as free text ("USA", "U.S.", "United States", "US"), so every comparison of
 * countries goes through one canonical lower-case name. Unknown spellings pass through lower-cased.
 */
const aliases: Readonly<Record<string, string>> = {
  us: 'united states', usa: 'united states', 'u.s.': 'united states', 'u.s.a.': 'united states', 'u.s': 'united states',
  'united states of america': 'united states', america: 'united states',
  uk: 'united kingdom', 'u.k.': 'united kingdom', gb: 'united kingdom', gbr: 'united kingdom',
  'great britain': 'united kingdom', britain: 'united kingdom', england: 'united kingdom', scotland: 'united kingdom',
  wales: 'united kingdom', 'northern ireland': 'united kingdom',
  korea: 'south korea', 'republic of korea': 'south korea', 'korea, republic of': 'south korea', kr: 'south korea',
  // The CRM sample data spells it this way; real CRM data has the same typo.
  philipines: 'philippines', ph: 'philippines',
  uae: 'united arab emirates', ae: 'united arab emirates',
  holland: 'netherlands', 'the netherlands': 'netherlands', nl: 'netherlands',
  deutschland: 'germany', de: 'germany', españa: 'spain', es: 'spain', italia: 'italy', it: 'italy',
  fr: 'france', be: 'belgium', no: 'norway', pl: 'poland', ro: 'romania', ke: 'kenya', jo: 'jordan',
  ie: 'ireland', se: 'sweden', dk: 'denmark', fi: 'finland', ch: 'switzerland', at: 'austria', pt: 'portugal',
  cz: 'czech republic', czechia: 'czech republic', il: 'israel', sa: 'saudi arabia', za: 'south africa',
  ng: 'nigeria', eg: 'egypt', tr: 'turkey', türkiye: 'turkey', turkiye: 'turkey', gr: 'greece', hu: 'hungary',
  cn: 'china', "people's republic of china": 'china', prc: 'china', jp: 'japan', au: 'australia',
  nz: 'new zealand', in: 'india', sg: 'singapore', id: 'indonesia', vn: 'vietnam', 'viet nam': 'vietnam',
  th: 'thailand', my: 'malaysia', tw: 'taiwan', hk: 'hong kong',
  br: 'brazil', brasil: 'brazil', pa: 'panama', mx: 'mexico', méxico: 'mexico', ar: 'argentina', cl: 'chile',
  co: 'colombia', ca: 'canada', pe: 'peru', perú: 'peru',
};

export function canonicalCountry(country: string): string {
  const key = country.trim().toLowerCase();
  return aliases[key] ?? key;
}
