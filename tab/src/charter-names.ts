// The perspectives' and roles' names alone, for pages that show no charter
// text (the configuration page): vite's `virtual:charter-names` module, built
// from data/charter.da.json (tab/vite.config.ts), so the page does not carry
// all 92 statements to fill one dropdown.
export interface CharterNames {
  perspectives: { id: string; title: string; heading: string; syntheseName: string }[];
  rows: { id: string; name: string }[];
}

/** Picks the names out of the charter's JSON. */
export function charterNames(raw: CharterNames): CharterNames {
  return {
    perspectives: raw.perspectives.map(({ id, title, heading, syntheseName }) => ({ id, title, heading, syntheseName })),
    rows: raw.rows.map(({ id, name }) => ({ id, name })),
  };
}
