import type { SeededRandom } from './seeded-random';

/** Why a contact exists in the seed: most are real prospects, the rest are the junk sales complains about. */
export type ContactProfile = 'business' | 'free_mail' | 'student' | 'competitor' | 'bad_data';

/** Share of each non-business profile; the rest are business contacts. */
export const profileShares: Record<Exclude<ContactProfile, 'business'>, number> = {
  free_mail: 0.1,
  student: 0.04,
  competitor: 0.03,
  bad_data: 0.05,
};

/** Exact profile counts (so the mix holds for any N), in a seeded random order. */
export function shuffledProfiles(count: number, random: SeededRandom): ContactProfile[] {
  const profiles: ContactProfile[] = [];
  for (const [profile, share] of Object.entries(profileShares) as Array<[ContactProfile, number]>) {
    for (let i = 0; i < Math.round(count * share); i++) profiles.push(profile);
  }
  while (profiles.length < count) profiles.push('business');
  profiles.length = count;
  for (let i = profiles.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [profiles[i], profiles[j]] = [profiles[j] as ContactProfile, profiles[i] as ContactProfile];
  }
  return profiles;
}
