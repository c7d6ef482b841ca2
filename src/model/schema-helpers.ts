import { z } from "zod";

/** A finite number in [min, max], with one message naming the allowed range. */
export function boundedNumber(min: number, max: number) {
  const message = `must be a finite number in [${min}, ${max}]`;
  return z.number({ error: message }).min(min, { error: message }).max(max, { error: message });
}

/** An integer in [min, max], with one message naming the allowed range. */
export function boundedInteger(min: number, max: number) {
  const message = `must be an integer in [${min}, ${max}]`;
  return z.int({ error: message }).min(min, { error: message }).max(max, { error: message });
}
