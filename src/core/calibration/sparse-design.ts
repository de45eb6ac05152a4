/**
 * A design matrix of 0/1 features, stored as the active column indices of each row: every
 * feature Accord learns from is an indicator ("time on site ≥ 120 s", "source is Google").
 */
export interface SparseDesign {
  columns: number;
  rows: readonly Int32Array[];
}
