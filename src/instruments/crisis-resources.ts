/**
 * Crisis resources by region, bundled offline so they work without a network. Every entry has a
 * one-tap `tel:` or `sms:` link (or a web address for directories). Re-verify before each release
 * and update {@link CRISIS_RESOURCES_LAST_VERIFIED}; entries marked `confidence: "unverified"` come from
 * the literature review without a primary source read and need checking first.
 */

/**
 * Date (YYYY-MM-DD) of the review the table comes from (shared/research/instruments.md §6.3).
 * Entries marked `unverified` were taken from the literature without reading the service's own page.
 */
export const CRISIS_RESOURCES_LAST_VERIFIED = "2026-11-30";

/** Regions with their own entries; anything else gets the international fallback. */
export const CRISIS_REGIONS = ["US", "GB", "IE", "CA", "AU", "NZ"] as const;
export type CrisisRegion = (typeof CRISIS_REGIONS)[number];

/** One way to reach help. */
export interface CrisisContact {
  readonly kind: "emergency" | "crisis_line" | "text_line" | "directory";
  readonly name: string;
  /** What to do, in plain words: "Call or text 988". */
  readonly action: string;
  /** One-tap links: `tel:`, `sms:` (with a body where the service asks for a keyword) or `https:`. */
  readonly links: readonly { readonly label: string; readonly href: string }[];
  readonly confidence: "verified" | "unverified";
}

/** What to show: emergency first, then crisis lines, text lines, and the clinician. */
export interface CrisisResources {
  /** The region asked for, normalised (e.g. "UK" → "GB"); "unknown" for the fallback. */
  readonly region: CrisisRegion | "unknown";
  readonly contacts: readonly CrisisContact[];
  /** Shown first: "If you are in immediate danger, call 999 now." */
  readonly emergencyPrompt: string;
  readonly clinicianPrompt: string;
  readonly lastVerified: string;
  /** Resources stay reachable on every screen; dismissing them once never ends it. */
  readonly persistent: true;
}

const tel = (label: string, number: string) => ({ label, href: `tel:${number}` });
const sms = (label: string, number: string, body?: string) => ({
  label,
  href: body ? `sms:${number}?body=${encodeURIComponent(body)}` : `sms:${number}`,
});

const emergency = (number: string, confidence: CrisisContact["confidence"] = "verified"): CrisisContact => ({
  kind: "emergency",
  name: "Emergency services",
  action: `Call ${number}`,
  links: [tel(`Call ${number}`, number)],
  confidence,
});

const TABLE: Record<CrisisRegion, { emergency: string; contacts: CrisisContact[] }> = {
  US: {
    emergency: "911",
    contacts: [
      emergency("911"),
      {
        kind: "crisis_line",
        name: "988 Suicide & Crisis Lifeline",
        action: "Call or text 988 (chat at 988lifeline.org)",
        links: [
          tel("Call 988", "988"),
          sms("Text 988", "988"),
          { label: "Chat", href: "https://988lifeline.org/chat" },
        ],
        confidence: "verified",
      },
      {
        kind: "text_line",
        name: "Crisis Text Line",
        action: "Text HOME to 741741",
        links: [sms("Text HOME to 741741", "741741", "HOME")],
        confidence: "verified",
      },
    ],
  },
  GB: {
    emergency: "999",
    contacts: [
      emergency("999"),
      {
        kind: "crisis_line",
        name: "Samaritans",
        action: "Call 116 123, free, 24 hours a day",
        links: [tel("Call 116 123", "116123")],
        confidence: "verified",
      },
      {
        kind: "text_line",
        name: "Shout",
        action: "Text SHOUT to 85258",
        links: [sms("Text 85258", "85258", "SHOUT")],
        confidence: "verified",
      },
      {
        kind: "crisis_line",
        name: "NHS 111 (England), mental health option",
        action: "Call 111 and choose the mental health option",
        links: [tel("Call 111", "111")],
        confidence: "verified",
      },
    ],
  },
  IE: {
    emergency: "112",
    contacts: [
      emergency("112"),
      {
        kind: "crisis_line",
        name: "Samaritans Ireland",
        action: "Call 116 123, free, 24 hours a day",
        links: [tel("Call 116 123", "116123")],
        confidence: "verified",
      },
      {
        kind: "text_line",
        name: "Text line (50808)",
        action: "Text 50808",
        links: [sms("Text 50808", "50808")],
        confidence: "unverified",
      },
    ],
  },
  CA: {
    emergency: "911",
    contacts: [
      emergency("911"),
      {
        kind: "crisis_line",
        name: "9-8-8 Suicide Crisis Helpline",
        action: "Call or text 9-8-8",
        links: [tel("Call 9-8-8", "988"), sms("Text 9-8-8", "988")],
        confidence: "unverified",
      },
    ],
  },
  AU: {
    emergency: "000",
    contacts: [
      emergency("000", "unverified"),
      {
        kind: "crisis_line",
        name: "Lifeline",
        action: "Call 13 11 14",
        links: [tel("Call 13 11 14", "131114")],
        confidence: "unverified",
      },
    ],
  },
  NZ: {
    emergency: "111",
    contacts: [
      emergency("111", "unverified"),
      {
        kind: "crisis_line",
        name: "1737, Need to talk?",
        action: "Call or text 1737",
        links: [tel("Call 1737", "1737"), sms("Text 1737", "1737")],
        confidence: "unverified",
      },
    ],
  },
};

const ALIASES: Record<string, CrisisRegion> = { UK: "GB", USA: "US", NIR: "GB", ROI: "IE" };

const CLINICIAN_PROMPT = "If you can, also tell your doctor, GP or clinician how you are feeling.";

/** Normalises a region code ("gb", "UK", "en-GB") to one with its own entry, or undefined. */
export function normaliseRegion(region: string | undefined): CrisisRegion | undefined {
  if (region === undefined) return undefined;
  const code = region.trim().toUpperCase().split(/[-_]/).pop() ?? "";
  const resolved = ALIASES[code] ?? code;
  return (CRISIS_REGIONS as readonly string[]).includes(resolved) ? (resolved as CrisisRegion) : undefined;
}

/**
 * Resources for a region (ISO 3166 code, a locale such as "en-GB", or undefined). Unknown
 * regions get an international directory and a prompt to call the local emergency number.
 */
export function crisisResources(region: string | undefined): CrisisResources {
  const code = normaliseRegion(region);
  if (code === undefined) {
    return {
      region: "unknown",
      contacts: [
        {
          kind: "directory",
          name: "Find A Helpline (international directory)",
          action: "Find a free, confidential helpline in your country",
          links: [{ label: "findahelpline.com", href: "https://findahelpline.com" }],
          confidence: "verified",
        },
        {
          kind: "directory",
          name: "IASP crisis centres",
          action: "Crisis centres worldwide (International Association for Suicide Prevention)",
          links: [{ label: "iasp.info", href: "https://www.iasp.info/crisis-centres-helplines/" }],
          confidence: "unverified",
        },
      ],
      emergencyPrompt:
        "If you are in immediate danger, call your local emergency number now (112 in much of Europe).",
      clinicianPrompt: CLINICIAN_PROMPT,
      lastVerified: CRISIS_RESOURCES_LAST_VERIFIED,
      persistent: true,
    };
  }
  const entry = TABLE[code];
  return {
    region: code,
    contacts: entry.contacts,
    emergencyPrompt: `If you are in immediate danger, call ${entry.emergency} now.`,
    clinicianPrompt: CLINICIAN_PROMPT,
    lastVerified: CRISIS_RESOURCES_LAST_VERIFIED,
    persistent: true,
  };
}
