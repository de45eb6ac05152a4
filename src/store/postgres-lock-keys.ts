/**
 * First halves of the two-part advisory lock keys the Postgres store takes (the second half is
 * `hashtext` of the thing locked). A class of its own per purpose means a lease named like a tenant
 * never waits on that tenant's publish; the values only need to differ from each other and from
 * other applications' locks on the same database ("ACC" + a letter, as ASCII).
 */
export const postgresLockKeys = {
  migrate: 0x41434d, // "ACM"
  definitions: 0x414344, // "ACD"
  owners: 0x41434f, // "ACO"
  lease: 0x41434c, // "ACL"
  claims: 0x414349, // "ACI"
  shadow: 0x414353, // "ACS"
} as const;
