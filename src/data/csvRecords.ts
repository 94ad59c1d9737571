/**
 * RFC 4180 records: cells separated by `delimiter`, records by LF, CRLF or CR; a quoted cell may hold
 * the delimiter, quotes (doubled) and line breaks. Each record keeps the line of the file it starts
 * on, so an error can name it as a spreadsheet does. Hand-written (forty lines) rather than a
 * dependency: the engine's two readers (runs.csv and an uploaded table) need exactly this and the
 * line numbers, in the browser bundle too.
 */
export interface CsvRecord {
  cells: string[];
  /** The line of the file the record starts on, from 1. */
  line: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

export function csvRecords(text: string, delimiter = ','): CsvRecord[] {
  const records: CsvRecord[] = [];
  eachCsvRecord(text, delimiter, (record) => void records.push(record));
  return records;
}

/** Each record in turn, so a large file's cells need not all be held at once. */
export function eachCsvRecord(text: string, delimiter: string, visit: (record: CsvRecord) => void): void {
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let quoteLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
      quoteLine = line;
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      visit({ cells, line: start });
      cells = [];
      cell = '';
      line++;
      start = line;
    } else cell += c;
  }
  if (quoted) throw new CsvSyntaxError(`a quoted cell opened on line ${quoteLine} is never closed`, quoteLine);
  if (cell !== '' || cells.length) visit({ cells: [...cells, cell], line: start });
}
