/** @jsxImportSource preact */
/**
 * Crisis resources as Preact components, drawn from the bundled offline table
 * (`src/instruments/crisis-resources.ts`), so "get help now" never needs the network. The same
 * components render the SPA's help view and the static, script-free `help.html` (at build time).
 */
import type { JSX } from "preact";
import {
  CRISIS_REGIONS,
  type CrisisResources,
  crisisResources,
} from "../../../src/instruments/crisis-resources.ts";

export { CRISIS_REGIONS, type CrisisResources, crisisResources };

/** Region names for the picker; codes are ISO 3166. */
export const REGION_NAMES: Readonly<Record<string, string>> = {
  US: "United States",
  GB: "United Kingdom",
  IE: "Ireland",
  CA: "Canada",
  AU: "Australia",
  NZ: "New Zealand",
  unknown: "Another country",
};

/** One region's resources: emergency prompt first, then one-tap links, the clinician prompt and the date. */
export function CrisisList(props: { resources: CrisisResources; headingLevel?: 2 | 3 }): JSX.Element {
  const r = props.resources;
  const H = props.headingLevel === 3 ? "h3" : "h2";
  return (
    <div class="crisis-list">
      <p class="crisis-emergency">
        <strong>{r.emergencyPrompt}</strong>
      </p>
      <ul class="crisis-contacts">
        {r.contacts.map((c) => (
          <li key={c.name}>
            <H class="crisis-name">{c.name}</H>
            <p>{c.action}</p>
            <p class="crisis-links">
              {c.links.map((l) => (
                <a key={l.href} class="button crisis-link" href={l.href} rel="noreferrer">
                  {l.label}
                </a>
              ))}
            </p>
          </li>
        ))}
      </ul>
      <p>{r.clinicianPrompt}</p>
      <p class="muted">
        Numbers last checked {r.lastVerified}. Calls and texts go from your own phone; dopamap sends nothing.
      </p>
    </div>
  );
}

/** The whole static help page (every region), rendered to `help.html` at build time; works without JavaScript. */
export function HelpPage(): JSX.Element {
  const regions = [...CRISIS_REGIONS, "unknown"] as const;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Get help now: dopamap</title>
        <link rel="stylesheet" href="/help.css" />
      </head>
      <body>
        <main id="main">
          <h1>Get help now</h1>
          <p>
            If you are thinking about harming yourself or feel unsafe, please reach out now. These services
            are free and confidential.
          </p>
          <nav aria-label="Regions">
            <ul class="region-nav">
              {regions.map((code) => (
                <li key={code}>
                  <a href={`#region-${code}`}>{REGION_NAMES[code]}</a>
                </li>
              ))}
            </ul>
          </nav>
          {regions.map((code) => (
            <section key={code} id={`region-${code}`} aria-labelledby={`h-${code}`}>
              <h2 id={`h-${code}`}>{REGION_NAMES[code]}</h2>
              <CrisisList
                resources={crisisResources(code === "unknown" ? undefined : code)}
                headingLevel={3}
              />
            </section>
          ))}
          <p>
            <a href="/">Back to dopamap</a>
          </p>
        </main>
      </body>
    </html>
  );
}
