/**
 * Exact rational arithmetic for headcounts. Targets are written as decimals (3.20 per 1,000, 1:1.2, 15%) and
 * populations are whole numbers, so every requirement is a fraction: comparing and rounding it with bigints gives
 * the smallest whole number of people that meets the target, with no floating-point near-misses.
 */
export class Ratio {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    if (den === 0n) throw new RangeError("division by zero");
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num < 0n ? -num : num, den);
    this.num = g > 1n ? num / g : num;
    this.den = g > 1n ? den / g : den;
  }

  static of(num: bigint | number, den: bigint | number = 1n): Ratio {
    return new Ratio(BigInt(num), BigInt(den));
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
    return new Ratio(num, 10n ** BigInt(fraction.length));
  }

  add(o: Ratio): Ratio {
    return new Ratio(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Ratio): Ratio {
    return new Ratio(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Ratio): Ratio {
    return new Ratio(this.num * o.num, this.den * o.den);
  }
  div(o: Ratio): Ratio {
    return new Ratio(this.num * o.den, this.den * o.num);
  }
  cmp(o: Ratio): -1 | 0 | 1 {
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
    return this.num === 0n;
  }

  /** smallest integer ≥ this */
  ceil(): bigint {
    const q = this.num / this.den;
    return this.num > 0n && q * this.den !== this.num ? q + 1n : q;
  }
  /** largest integer ≤ this */
  floor(): bigint {
    const q = this.num / this.den;
    return this.num < 0n && q * this.den !== this.num ? q - 1n : q;
  }

  /** A float for display only; never used to decide anything. */
  toNumber(): number {
    return Number(this.num) / Number(this.den);
  }

  /** Rounded half away from zero to `places` decimals, as text (for tables and JSON). */
  toFixed(places: number): string {
    const scale = 10n ** BigInt(places);
    const scaled = this.num * scale;
    const negative = scaled < 0n;
    const abs = negative ? -scaled : scaled;
    let q = abs / this.den;
    if ((abs % this.den) * 2n >= this.den) q += 1n;
    const digits = q.toString().padStart(places + 1, "0");
    const text = places > 0 ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
    return negative && q !== 0n ? `-${text}` : text;
  }
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
  const c = x.ceil();
  return c < 0n ? 0 : Number(c);
}
