/** HubSpot's object batch endpoints take at most 100 inputs per call. */
export const hubspotBatchSize = 100;
