// The bidi setting's values, apart from settings.ts: the command line checks --bidi against
// them, and `tootty --version` loads the command line but not the settings, their checks and
// the catalogues settings.ts brings (test/e2e/start-graph).
/** Who orders right-to-left text: decided from the terminal, tootty, or the terminal. */
export const BIDI_SETTINGS = ["auto", "visual", "terminal"] as const;
export type BidiSetting = (typeof BIDI_SETTINGS)[number];
