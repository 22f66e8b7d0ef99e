/**
 * @module campaigns/export/csv
 * CSV as RFC 4180 writes it (every field quoted, quotes doubled, CRLF between records), with a
 * byte-order mark so spreadsheet programs read the Chinese text as UTF-8. Pure.
 */
export function toCsv(rows: readonly (readonly (string | number | boolean)[])[]): string {
  const line = (row: readonly (string | number | boolean)[]) =>
    row.map((cell) => `"${String(cell).replace(/"/g, '""')}"`).join(',')
  return `\uFEFF${rows.map(line).join('\r\n')}\r\n`
}
