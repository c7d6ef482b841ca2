/** `#/help`, "get help now": crisis resources for the chosen region from the bundled table; works offline. */
import type { JSX } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { getRegion, regionResources, setRegion, useAppState } from "../app-state.ts";
import { CRISIS_REGIONS, CrisisList, REGION_NAMES } from "../help/crisis.tsx";

/** A labelled region picker; the choice is kept in localStorage for every later visit. */
export function RegionPicker(): JSX.Element {
  useAppState();
  const current = getRegion();
  const value = current && (CRISIS_REGIONS as readonly string[]).includes(current) ? current : "unknown";
  return (
    <p class="field">
      <label for="region">Where are you? (for the right crisis numbers)</label>
      <select id="region" value={value} onChange={(e) => setRegion((e.target as HTMLSelectElement).value)}>
        {[...CRISIS_REGIONS, "unknown"].map((code) => (
          <option key={code} value={code}>
            {REGION_NAMES[code]}
          </option>
        ))}
      </select>
    </p>
  );
}

export default function HelpView(): JSX.Element {
  useAppState();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="help-view" aria-labelledby="help-title">
      <h1 id="help-title" ref={heading} tabIndex={-1}>
        Get help now
      </h1>
      <p>
        If you are thinking about harming yourself or feel unsafe, please reach out now. These services are
        free and confidential.
      </p>
      <RegionPicker />
      <CrisisList resources={regionResources()} />
      <p>
        <a href="/help.html">Every region’s numbers on one page</a> (works without JavaScript and offline).
      </p>
    </section>
  );
}
