/**
 * The password rule for new passwords: at least 12 characters and not one of the 49,000 most
 * common leaked passwords (the list of `@zxcvbn-ts/language-common`, MIT), compared ignoring case.
 */
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;

let common: Set<string> | undefined;
const isCommon = (p: string) => {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((w) => w.toLowerCase()));
  return common.has(p.toLowerCase());
};

/** A new password (sign-up, change): long enough and not a common one. */
export const NewPasswordSchema = z
  .string()
  .min(
    MIN_PASSWORD_LENGTH,
    `at least ${MIN_PASSWORD_LENGTH} characters (a phrase of several words works well)`,
  )
  .max(256)
  .refine((p) => !isCommon(p), {
    message: "too common: it is on a list of widely leaked passwords; choose a phrase of your own",
  });
