// Checksums of identifiers, so that a number that merely looks like an identifier is not
// reported: Luhn (cards, SIREN, SIRET), the French social security number key, IBAN mod 97.

import type { Validator } from '../../model/types.js';

const digitsOf = (value: string): string => value.replace(/[\s.-]/g, '');

export function luhn(value: string): boolean {
  const digits = digitsOf(value);
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** NIR: 13 digits then a key of 97 − (number mod 97); Corsica's 2A/2B count as 19/18. */
export function nir(value: string): boolean {
  const compact = digitsOf(value).toUpperCase();
  if (!/^[1-478]\d{4}(\d{2}|2A|2B)\d{8}$/.test(compact)) return false;
  const body = compact.slice(0, 13).replace(/^(\d{5})2A/, '$119').replace(/^(\d{5})2B/, '$118');
  const key = Number(compact.slice(13));
  return 97 - Number(BigInt(body) % 97n) === key;
}

/** IBAN: the first four characters moved to the end, letters as 10..35, the number mod 97 is 1. */
export function iban(value: string): boolean {
  const compact = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const chunk = code >= 65 ? String(code - 55) : char;
    for (const digit of chunk) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

export function siren(value: string): boolean {
  const digits = digitsOf(value);
  return /^\d{9}$/.test(digits) && luhn(digits);
}

/** SIRET: Luhn, except La Poste's establishments (356000000…), valid when the digit sum is a multiple of 5. */
export function siret(value: string): boolean {
  const digits = digitsOf(value);
  if (!/^\d{14}$/.test(digits)) return false;
  if (digits.startsWith('356000000') && digits !== '35600000000048') {
    const sum = [...digits].reduce((total, d) => total + Number(d), 0);
    return sum % 5 === 0;
  }
  return luhn(digits);
}

export const VALIDATORS: Record<Validator, (value: string) => boolean> = { luhn, nir, iban, siren, siret };

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

const PLACEHOLDER_PATTERNS = [
  /^\$\{\{?.*\}\}?$/, // ${VAR}, ${{ secrets.X }}
  /^\$\(?[A-Za-z_][A-Za-z0-9_]*\)?$/, // $VAR, $(VAR)
  /\{\{.*\}\}/, // {{ template }}
  /^%[A-Za-z_][A-Za-z0-9_]*%$/, // %VAR%
  /^<[^>]*>$/, // <your-token>
  /^(.)\1+$/, // xxxxxxxx, 00000000
  /changeme|change_me|example|dummy|redacted|placeholder|your[_-]?(api[_-]?)?(key|token|secret|password)|fake|sample|xxxx|\*\*\*\*/i,
];

/** Values that stand for a secret without being one. */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim().replace(/^["']|["']$/g, '');
  return trimmed === '' || PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(trimmed));
}
