// The redraw property with one pane at a time (below 120 columns the panes become tabs).
import { after, test } from "node:test";
import { killAll } from "../ui/terminal-harness.js";
import { incrementalEqualsFull } from "./redraw-property.js";

after(killAll);

test("at 90×30, after random keys and streamed toots the screen equals a full repaint", () =>
  incrementalEqualsFull(90, 30, 8));
