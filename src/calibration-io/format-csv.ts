/** One CSV line (no line end): fields quoted only when they hold a comma, a quote or a line break. */
export function formatCsvLine(fields: readonly string[]): string {
  return fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(',');
}
