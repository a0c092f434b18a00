// Small checks shared by the settings validators. An invalid value never stops tootty: it
// becomes a one-line warning naming the key and the value, and the key keeps its default.
import { quoteValue } from "./one-line.js";

export type Warn = (message: string) => void;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function invalid(key: string, value: unknown, expected: string, fallback: unknown): string {
  return `config.json: ${key} = ${quoteValue(value)} is not ${expected}; using ${quoteValue(fallback)}`;
}

export function unknownKey(key: string): string {
  return `config.json: unknown key ${quoteValue(key)} ignored`;
}

/** An integer in [min, max], or the fallback with a warning. */
export function integerIn(
  key: string,
  value: unknown,
  min: number,
  max: number,
  fallback: number,
  warn: Warn,
): number {
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) {
    return value;
  }
  warn(invalid(key, value, `a whole number from ${min} to ${max}`, fallback));
  return fallback;
}

export function boolean(key: string, value: unknown, fallback: boolean, warn: Warn): boolean {
  if (value === undefined) return fallback;
  if (typeof value === "boolean") return value;
  warn(invalid(key, value, "true or false", fallback));
  return fallback;
}

export function oneOf<T extends string>(
  key: string,
  value: unknown,
  choices: readonly T[],
  fallback: T,
  warn: Warn,
): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (choices as readonly string[]).includes(value))
    return value as T;
  warn(invalid(key, value, `one of ${choices.join(", ")}`, fallback));
  return fallback;
}

/** An object section: warns and returns {} when it is not an object. */
export function section(key: string, value: unknown, warn: Warn): Record<string, unknown> {
  if (value === undefined) return {};
  if (isPlainObject(value)) return value;
  warn(`config.json: ${key} = ${quoteValue(value)} is not an object; using its defaults`);
  return {};
}

export function warnUnknownKeys(
  prefix: string,
  value: Record<string, unknown>,
  known: readonly string[],
  warn: Warn,
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) warn(unknownKey(prefix ? `${prefix}.${key}` : key));
  }
}
