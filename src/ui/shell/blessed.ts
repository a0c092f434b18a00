// blessed's index (lib/blessed.js) requires lib/widget.js, which loads all 30 of blessed's
// widget files; tootty draws with two of them (the screen and boxes). Only those files are
// imported here: about 10 ms of CPU less before the first paint (process.cpuUsage() around the
// requires). The build bundles them (scripts/build.mjs), so they load through the code cache.
// Its types still come from blessed's index: `import type blessed from "blessed"`.
import type Blessed from "blessed";
import unicode from "blessed/lib/unicode.js";
import box from "blessed/lib/widgets/box.js";
import element from "blessed/lib/widgets/element.js";
import screen from "blessed/lib/widgets/screen.js";

/** The widgets tootty draws with, and what render/blessed-fit.ts adjusts. */
const widgets = {
  screen: screen as typeof Blessed.screen,
  box: box as typeof Blessed.box,
  unicode,
  widget: { Element: element },
};

export default widgets;
