// Arabic letters in their joined forms, for terminals that draw each code point on its own
// (tmux, xterm, kitty, Alacritty, …): a word sent as its base letters shows up as a row of
// isolated letters. Unicode encodes a glyph for each form a letter takes (isolated, final,
// initial, medial) and for the lam-alef ligatures, in the Arabic Presentation Forms blocks;
// a terminal draws those like any other character.
//
// The table is not typed in: it is read from Unicode's own decompositions, which the
// runtime's NFKC normalisation carries. Within the ranges below every letter's forms are
// consecutive code points in the order isolated, final, initial, medial (UnicodeData.txt's
// <isolated>/<final>/<initial>/<medial> tags), so the number of code points that decompose
// to one letter says which forms exist: four for a dual-joining letter, two for a
// right-joining one. A letter is joined only in the forms Unicode encodes for it, which is
// what the terminal can draw. Joining types follow ArabicShaping.txt: letters as above,
// tatweel and ZWJ join-causing, and "those that are not explicitly listed and that are of
// General Category Mn, Me, or Cf have joining type T" (transparent), the rest U.
import { cellWidth, toTerminalSafe } from "./width.js";

/** Presentation-form ranges laid out isolated, final, initial, medial (checked in the tests). */
const FORM_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0xfe80, 0xfefc], // Arabic Presentation Forms-B: the Arabic alphabet and lam-alef
  [0xfb50, 0xfbb1], // Presentation Forms-A: Persian, Urdu and other letters
  [0xfbd3, 0xfbe7],
  [0xfbfc, 0xfbff], // Farsi yeh
];

interface Forms {
  isolated: string;
  final: string;
  initial?: string;
  medial?: string;
}

const LAM = 0x0644;
const TATWEEL = 0x0640;
const ZWJ = 0x200d;
const ZWNJ = 0x200c;
const TRANSPARENT = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

let letters: Map<number, Forms> | null = null;
/** Keyed by the alef that follows lam. */
let lamAlef: Map<number, Forms> | null = null;

/** A form the terminal would draw differently from one cell is not used. */
function drawable(s: string): boolean {
  return toTerminalSafe(s) === s && cellWidth(s) === 1;
}

function buildTables(): void {
  letters = new Map();
  lamAlef = new Map();
  for (const [lo, hi] of FORM_RANGES) {
    let cp = lo;
    while (cp <= hi) {
      const target = String.fromCodePoint(cp).normalize("NFKC");
      let n = 1;
      while (cp + n <= hi && String.fromCodePoint(cp + n).normalize("NFKC") === target) n++;
      const forms = [...Array(n).keys()].map((i) => String.fromCodePoint(cp + i));
      cp += n;
      if ((n !== 2 && n !== 4) || !forms.every(drawable)) continue;
      const entry: Forms = {
        isolated: forms[0]!,
        final: forms[1]!,
        ...(n === 4 ? { initial: forms[2]!, medial: forms[3]! } : {}),
      };
      const chars = [...target].map((c) => c.codePointAt(0)!);
      if (chars.length === 1 && !letters.has(chars[0]!)) letters.set(chars[0]!, entry);
      else if (chars.length === 2 && chars[0] === LAM && n === 2) lamAlef.set(chars[1]!, entry);
    }
  }
}

type Joining = "D" | "R" | "C" | "T" | "U";

function joiningType(cp: number | undefined): Joining {
  if (cp === undefined) return "U";
  if (cp === TATWEEL || cp === ZWJ) return "C";
  const forms = letters!.get(cp);
  if (forms) return forms.initial ? "D" : "R";
  if (cp === ZWNJ) return "U";
  return TRANSPARENT.test(String.fromCodePoint(cp)) ? "T" : "U";
}

const ARABIC_LETTER = /[\u0620-\u06ff]/;

/**
 * Shapes a sequence of grapheme clusters in logical order (each one a base character and its
 * marks): every Arabic letter becomes the presentation form for how it joins its neighbours,
 * and lam followed by alef becomes one ligature (the alef's cluster is then "") unless
 * `ligatures` is false. Marks stay
 * after their base; clusters of other scripts are returned as they are. Joining runs across
 * clusters, so a word split over differently styled pieces still joins.
 */
export function shapeArabic(clusters: readonly string[], ligatures = true): string[] {
  const out = [...clusters];
  if (!clusters.some((c) => ARABIC_LETTER.test(c))) return out;
  if (!letters) buildTables();
  const bases = clusters.map((c) => c.codePointAt(0));
  const types = bases.map(joiningType);
  // The nearest non-transparent neighbour decides, as marks do not break a join.
  const neighbour = (i: number, step: 1 | -1): number => {
    let j = i + step;
    while (j >= 0 && j < types.length && types[j] === "T") j += step;
    return j;
  };
  for (let i = 0; i < clusters.length; i++) {
    const type = types[i]!;
    if ((type !== "D" && type !== "R") || out[i] === "") continue;
    const p = neighbour(i, -1);
    const n = neighbour(i, 1);
    const joinsBefore = p >= 0 && (types[p] === "D" || types[p] === "C");
    const nextType = n < types.length ? types[n] : "U";
    const joinsAfter = type === "D" && (nextType === "D" || nextType === "R" || nextType === "C");
    const marks = clusters[i]!.slice(String.fromCodePoint(bases[i]!).length);
    const ligature =
      ligatures && bases[i] === LAM && n === i + 1 ? lamAlef!.get(bases[n]!) : undefined;
    if (ligature) {
      const alefMarks = clusters[n]!.slice(String.fromCodePoint(bases[n]!).length);
      out[i] = (joinsBefore ? ligature.final : ligature.isolated) + marks + alefMarks;
      out[n] = "";
      // The ligature ends in alef, which joins nothing after it.
      types[n] = "R";
      continue;
    }
    const forms = letters!.get(bases[i]!)!;
    let form = forms.isolated;
    if (joinsBefore && joinsAfter) form = forms.medial!;
    else if (joinsBefore) form = forms.final;
    else if (joinsAfter) form = forms.initial!;
    out[i] = form + marks;
  }
  return out;
}
