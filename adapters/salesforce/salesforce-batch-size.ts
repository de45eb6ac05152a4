/** sObject Collections take at most 200 records; Accord also reads at most 200 ids per `Id IN (…)` query. */
export const salesforceBatchSize = 200;
