// blessed's index (lib/blessed.js) requires lib/widget.js, which loads all 30 of blessed's
// widget files; tootty draws with two of them (the screen and boxes). Only those files load
// here: about 10 ms of CPU less before the first paint (process.cpuUsage() around the
// requires). blessed stays outside the bundle (scripts/build.mjs): these are runtime requires.
// Its types still come from blessed's index: `import type blessed from "blessed"`.
import { createRequire } from "node:module";
import type Blessed from "blessed";

const load = createRequire(import.meta.url);

/** The widgets tootty draws with, and what render/blessed-fit.ts adjusts. */
const widgets = {
  screen: load("blessed/lib/widgets/screen.js") as typeof Blessed.screen,
  box: load("blessed/lib/widgets/box.js") as typeof Blessed.box,
  unicode: load("blessed/lib/unicode.js") as unknown,
  widget: { Element: load("blessed/lib/widgets/element.js") as unknown },
};

export default widgets;
