/**
 * Exact rational arithmetic for headcounts. Targets are written as decimals (3.20 per 1,000, 1:1.2, 15%) and
 * populations are whole numbers, so every requirement is a fraction: comparing and rounding it exactly gives the
 * smallest whole number of people that meets the target, with no floating-point near-misses. Small fractions are
 * worked with integer-valued doubles, checked to stay exact; anything larger with bigints.
 */
export class Ratio {
  /**
   * Numerator and denominator, in lowest terms, denominator positive. While both are safe integers they are kept as
   * numbers (integer arithmetic on doubles is exact below 2^53, and every result is checked to stay there); a result
   * that would not fit is worked out with bigints and kept as such. Headcounts and populations rarely need it.
   */
  private readonly n: number;
  private readonly d: number;
  private readonly big: { num: bigint; den: bigint } | undefined;

  private constructor(n: number, d: number, big?: { num: bigint; den: bigint }) {
    this.n = n;
    this.d = d;
    this.big = big;
  }

  /** the exact numerator, in lowest terms */
  get num(): bigint {
    return this.big ? this.big.num : BigInt(this.n);
  }
  /** the exact denominator, in lowest terms, positive */
  get den(): bigint {
    return this.big ? this.big.den : BigInt(this.d);
  }

  static of(num: bigint | number, den: bigint | number = 1): Ratio {
    if (typeof num === "number" && typeof den === "number" && Number.isSafeInteger(num) && Number.isSafeInteger(den)) return Ratio.small(num, den);
    return Ratio.fromBig(BigInt(num), BigInt(den));
  }

  /** The exact value of a decimal as written: 3.2 → 32/10, 0.54 → 54/100 (not the binary double nearest to it). */
  static decimal(value: number | string): Ratio {
    if (typeof value === "number") {
      let known = decimals.get(value);
      if (!known) decimals.set(value, (known = Ratio.parseDecimal(numberText(value))));
      return known;
    }
    return Ratio.parseDecimal(value);
  }

  private static parseDecimal(written: string): Ratio {
    const text = written.trim();
    const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
    if (!m) throw new RangeError(`not a decimal: ${text}`);
    const fraction = m[3] ?? "";
    const num = BigInt(m[2]! + fraction) * (m[1] ? -1n : 1n);
    return Ratio.fromBig(num, 10n ** BigInt(fraction.length));
  }

  add(o: Ratio): Ratio {
    if (!this.big && !o.big) {
      const l = this.n * o.d;
      const r = o.n * this.d;
      const sum = l + r;
      const den = this.d * o.d;
      if (safe(l) && safe(r) && safe(sum) && safe(den)) return Ratio.small(sum, den);
    }
    return Ratio.fromBig(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Ratio): Ratio {
    if (!this.big && !o.big) {
      const l = this.n * o.d;
      const r = o.n * this.d;
      const difference = l - r;
      const den = this.d * o.d;
      if (safe(l) && safe(r) && safe(difference) && safe(den)) return Ratio.small(difference, den);
    }
    return Ratio.fromBig(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Ratio): Ratio {
    if (!this.big && !o.big) {
      const num = this.n * o.n;
      const den = this.d * o.d;
      if (safe(num) && safe(den)) return Ratio.small(num, den);
    }
    return Ratio.fromBig(this.num * o.num, this.den * o.den);
  }
  div(o: Ratio): Ratio {
    if (!this.big && !o.big) {
      if (o.n === 0) throw new RangeError("division by zero");
      const num = this.n * o.d;
      const den = this.d * o.n;
      if (safe(num) && safe(den)) return Ratio.small(num, den);
    }
    return Ratio.fromBig(this.num * o.den, this.den * o.num);
  }
  cmp(o: Ratio): -1 | 0 | 1 {
    if (!this.big && !o.big) {
      const l = this.n * o.d;
      const r = o.n * this.d;
      if (safe(l) && safe(r)) return l < r ? -1 : l > r ? 1 : 0;
    }
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  lt(o: Ratio): boolean {
    return this.cmp(o) < 0;
  }
  le(o: Ratio): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Ratio): boolean {
    return this.cmp(o) > 0;
  }
  ge(o: Ratio): boolean {
    return this.cmp(o) >= 0;
  }
  isZero(): boolean {
    return this.big ? this.big.num === 0n : this.n === 0;
  }

  /** smallest integer ≥ this */
  ceil(): bigint {
    if (!this.big) {
      const exact = floorOf(this.n, this.d);
      return BigInt(exact * this.d === this.n ? exact : exact + 1);
    }
    const { num, den } = this.big;
    const q = num / den;
    return num > 0n && q * den !== num ? q + 1n : q;
  }
  /** smallest integer ≥ this, as a number: exact wherever the result is a safe integer (people, posts) */
  ceilNumber(): number {
    if (!this.big) {
      const exact = floorOf(this.n, this.d);
      return exact * this.d === this.n ? exact : exact + 1;
    }
    return Number(this.ceil());
  }
  /**
   * The smallest whole number n ≥ 0 with n ≥ this × k, for a whole k ≥ 0 (leavers of a stock): the same as
   * peopleAtLeast(this.mul(Ratio.of(k))) without making the product.
   */
  ceilTimes(k: number): number {
    if (!this.big && Number.isSafeInteger(k)) {
      const product = this.n * k;
      if (safe(product)) return Math.max(0, ceilQuotient(product, this.d));
    }
    return peopleAtLeast(this.mul(Ratio.of(k)));
  }
  /** largest integer ≤ this */
  floor(): bigint {
    if (!this.big) {
      return BigInt(floorOf(this.n, this.d));
    }
    const { num, den } = this.big;
    const q = num / den;
    return num < 0n && q * den !== num ? q - 1n : q;
  }

  /** A float for display only; never used to decide anything. */
  toNumber(): number {
    return this.big ? Number(this.big.num) / Number(this.big.den) : this.n / this.d;
  }

  /**
   * toFixed's figure as a number (the report's JSON numbers), not made through its text where it need not be: the
   * rounded digits and 10^places are exact doubles, so their quotient is the double nearest the decimal, which is
   * what reading the text gives.
   */
  toRounded(places: number): number {
    if (!this.big && places <= 15) {
      const scaled = Math.abs(this.n) * 10 ** places;
      if (scaled <= 2 ** 51 && this.d <= 2 ** 50) {
        let q = floorOf(scaled, this.d);
        if ((scaled - q * this.d) * 2 >= this.d) q += 1;
        const value = q / 10 ** places;
        return this.n < 0 && q !== 0 ? -value : value;
      }
    }
    return Number(this.toFixed(places));
  }

  /** Rounded half away from zero to `places` decimals, as text (for tables and JSON). */
  toFixed(places: number): string {
    if (!this.big) {
      const scaled = Math.abs(this.n) * 10 ** places;
      if (scaled <= 2 ** 51 && this.d <= 2 ** 50) {
        let q = floorOf(scaled, this.d);
        if ((scaled - q * this.d) * 2 >= this.d) q += 1;
        return fixedText(String(q), places, this.n < 0 && q !== 0);
      }
    }
    const scale = 10n ** BigInt(places);
    const den = this.den;
    const scaled = this.num * scale;
    const negative = scaled < 0n;
    const abs = negative ? -scaled : scaled;
    let q = abs / den;
    if ((abs % den) * 2n >= den) q += 1n;
    return fixedText(q.toString(), places, negative && q !== 0n);
  }

  /** n/d from safe integers: reduced, denominator positive. */
  private static small(n: number, d: number): Ratio {
    if (d === 0) throw new RangeError("division by zero");
    if (d < 0) {
      n = -n;
      d = -d;
    }
    let a = n < 0 ? -n : n;
    let b = d;
    while (b !== 0) {
      const t = a % b;
      a = b;
      b = t;
    }
    return a > 1 ? new Ratio(n / a, d / a) : new Ratio(n === 0 ? 0 : n, d); // n / a is exact: a divides n
  }

  private static fromBig(num: bigint, den: bigint): Ratio {
    if (den === 0n) throw new RangeError("division by zero");
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num < 0n ? -num : num, den);
    if (g > 1n) {
      num /= g;
      den /= g;
    }
    if (num <= MAX_SAFE && num >= -MAX_SAFE && den <= MAX_SAFE) return Ratio.small(Number(num), Number(den));
    return new Ratio(NaN, NaN, { num, den });
  }
}

/** The digits of a value scaled by 10^places, as a decimal. */
function fixedText(scaledDigits: string, places: number, negative: boolean): string {
  const digits = scaledDigits.padStart(places + 1, "0");
  const text = places > 0 ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return negative ? `-${text}` : text;
}

function safe(x: number): boolean {
  return x <= Number.MAX_SAFE_INTEGER && x >= -Number.MAX_SAFE_INTEGER;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** floor(n / d) for safe integers, d > 0. */
function floorOf(n: number, d: number): number {
  // below 2^51 the float quotient is off by at most one, and the products that settle it are exact
  if (n <= 2 ** 51 && n >= -(2 ** 51) && d <= 2 ** 51) {
    const q = Math.floor(n / d);
    if (q * d > n) return q - 1;
    if ((q + 1) * d <= n) return q + 1;
    return q;
  }
  return exactFloor(n, d);
}

function exactFloor(n: number, d: number): number {
  const big = BigInt(n);
  const bd = BigInt(d);
  const q = big / bd;
  return Number(big < 0n && q * bd !== big ? q - 1n : q);
}

/** Targets repeat a few dozen figures across thousands of regions: each is read once. */
const decimals = new Map<number, Ratio>();

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The shortest decimal text of a double (JSON numbers in the catalogue are written as decimals). */
function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // 1e-7 and the like: expand the exponent without going through binary
  const [mantissa = "", exponentText = "0"] = text.toLowerCase().split("e");
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith("-");
  const [whole = "", fraction = ""] = mantissa.replace("-", "").split(".");
  const digits = whole + fraction;
  const point = whole.length + exponent;
  const out =
    point <= 0 ? `0.${"0".repeat(-point)}${digits}` : point >= digits.length ? digits + "0".repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${out}` : out;
}

export const ONE = Ratio.of(1);
export const ZERO = Ratio.of(0);
export const HUNDRED = Ratio.of(100);

/** The smallest whole number n ≥ 0 with n ≥ x. */
export function peopleAtLeast(x: Ratio): number {
  const c = x.ceilNumber();
  return c < 0 ? 0 : c;
}

/** The smallest integer ≥ a / b, for safe integers a and b > 0, with no fraction made. */
export function ceilQuotient(a: number, b: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return Ratio.of(a, b).ceilNumber();
  const q = floorOf(a, b);
  return q * b === a ? q : q + 1;
}
