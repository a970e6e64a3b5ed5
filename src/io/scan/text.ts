/**
 * A reader for the text formats (OBJ, ASCII PLY and STL) that works on the bytes directly: a 100 MB scan
 * decoded to a string and split into lines and words would need several times its size in small strings.
 */

const TAB = 9, LF = 10, CR = 13, SPACE = 32, PLUS = 43, MINUS = 45, DOT = 46, ZERO = 48, NINE = 57;

const isBlank = (c: number | undefined) => c === SPACE || c === TAB;
export const isSpace = (c: number | undefined) => c === SPACE || c === TAB || c === LF || c === CR;

/** Exact powers of ten up to 1e22, so that typical decimals convert with one correctly rounded operation. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);
const pow10 = (e: number) => POWERS_OF_TEN[e] ?? 10 ** e;

const decoder = new TextDecoder();

export class TextScanner {
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  /** The byte at the current position (undefined at the end). */
  peek(ahead = 0): number | undefined {
    return this.bytes[this.pos + ahead];
  }

  /** Skip spaces and tabs, stopping at a line end. */
  skipBlanks(): void {
    while (isBlank(this.bytes[this.pos])) this.pos++;
  }

  /** Skip all white space, line ends included. */
  skipSpace(): void {
    while (isSpace(this.bytes[this.pos])) this.pos++;
  }

  /** After skipping blanks: whether the line (or the file) ends here. */
  atLineEnd(): boolean {
    this.skipBlanks();
    const c = this.bytes[this.pos];
    return c === undefined || c === LF || c === CR;
  }

  /** Move to the start of the next line. */
  nextLine(): void {
    const end = this.bytes.indexOf(LF, this.pos);
    this.pos = end < 0 ? this.bytes.length : end + 1;
  }

  /** Move past the current word (a run of non-space bytes). */
  skipWord(): void {
    while (this.pos < this.bytes.length && !isSpace(this.bytes[this.pos])) this.pos++;
  }

  /** Whether the word at the current position is `word` (ASCII); consumes it if so. */
  word(word: string): boolean {
    const b = this.bytes, p = this.pos;
    for (let i = 0; i < word.length; i++) if (b[p + i] !== word.charCodeAt(i)) return false;
    if (p + word.length < b.length && !isSpace(b[p + word.length])) return false;
    this.pos = p + word.length;
    return true;
  }

  /** The rest of the line, trimmed (names of materials and files). */
  restOfLine(): string {
    const start = this.pos;
    let end = this.bytes.indexOf(LF, start);
    if (end < 0) end = this.bytes.length;
    this.pos = end;
    return decoder.decode(this.bytes.subarray(start, end)).trim();
  }

  /**
   * A decimal number (optional sign, digits, fraction, exponent) after optional blanks. NaN when the word
   * there is not a number; the word is then skipped, so a loop over numbers always moves on.
   */
  number(): number {
    this.skipBlanks();
    const b = this.bytes, end = b.length;
    let p = this.pos;
    let negative = false;
    if (b[p] === MINUS) {
      negative = true;
      p++;
    } else if (b[p] === PLUS) p++;
    // Up to 17 significant digits are kept as an exact integer; further digits only shift the exponent.
    let mantissa = 0, significant = 0, exponent = 0, digits = 0;
    for (let c = b[p]!; p < end && c >= ZERO && c <= NINE; c = b[++p]!, digits++) {
      if (significant < 17) {
        mantissa = mantissa * 10 + (c - ZERO);
        if (mantissa) significant++;
      } else exponent++;
    }
    if (b[p] === DOT) {
      for (let c = b[++p]!; p < end && c >= ZERO && c <= NINE; c = b[++p]!, digits++) {
        if (significant < 17) {
          mantissa = mantissa * 10 + (c - ZERO);
          if (mantissa) significant++;
          exponent--;
        }
      }
    }
    if (digits > 0 && (b[p] === 101 || b[p] === 69)) {
      // e or E
      let q = p + 1, negativeExponent = false, value = 0, exponentDigits = 0;
      if (b[q] === MINUS) {
        negativeExponent = true;
        q++;
      } else if (b[q] === PLUS) q++;
      for (let c = b[q]!; q < end && c >= ZERO && c <= NINE; c = b[++q]!, exponentDigits++) value = Math.min(value * 10 + (c - ZERO), 1e6);
      if (exponentDigits > 0) {
        exponent += negativeExponent ? -value : value;
        p = q;
      } else digits = 0;
    }
    if (digits === 0 || (p < end && !isSpace(b[p]))) {
      this.skipWord();
      return NaN;
    }
    this.pos = p;
    if (mantissa === 0) return negative ? -0 : 0;
    const magnitude = exponent >= 0 ? mantissa * pow10(exponent) : mantissa / pow10(-exponent);
    return negative ? -magnitude : magnitude;
  }

  /** A signed integer; stops at the first byte that is not a digit (OBJ's "1/2/3"). NaN when there are no digits. */
  integer(): number {
    const b = this.bytes;
    let p = this.pos;
    const negative = b[p] === MINUS;
    if (negative || b[p] === PLUS) p++;
    const start = p;
    let value = 0;
    for (let c = b[p]!; c >= ZERO && c <= NINE; c = b[++p]!) value = value * 10 + (c - ZERO);
    if (p === start) return NaN;
    this.pos = p;
    return negative ? -value : value;
  }
}
