// Small checks shared by the settings validators. An invalid value never stops tootty: it
// becomes a one-line warning naming the key and the value, and the key keeps its default.
import { tl } from "../i18n/index.js";
import { quoteValue } from "./one-line.js";

export type Warn = (message: string) => void;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function invalid(key: string, value: unknown, expected: string, fallback: unknown): string {
  return tl("config.invalid", {
    key,
    value: quoteValue(value),
    expected,
    fallback: quoteValue(fallback),
  });
}

export function unknownKey(key: string): string {
  return tl("config.unknownKey", { key: quoteValue(key) });
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
  warn(
    invalid(
      key,
      value,
      tl("config.expectWholeNumber", { min: String(min), max: String(max) }),
      fallback,
    ),
  );
  return fallback;
}

export function boolean(key: string, value: unknown, fallback: boolean, warn: Warn): boolean {
  if (value === undefined) return fallback;
  if (typeof value === "boolean") return value;
  warn(invalid(key, value, tl("config.expectBoolean"), fallback));
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
  warn(invalid(key, value, tl("config.expectOneOf", { choices: choices.join(", ") }), fallback));
  return fallback;
}

/** An object section: warns and returns {} when it is not an object. */
export function section(key: string, value: unknown, warn: Warn): Record<string, unknown> {
  if (value === undefined) return {};
  if (isPlainObject(value)) return value;
  warn(tl("config.notObject", { key, value: quoteValue(value) }));
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
