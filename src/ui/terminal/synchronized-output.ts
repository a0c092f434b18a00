// Each frame blessed draws goes to the terminal between the begin and end marks of
// synchronized output (DEC private mode 2026, the "Synchronized Output" proposal that kitty,
// WezTerm, foot, iTerm2, Windows Terminal, Alacritty and xterm.js implement): a terminal that
// knows the mode shows the frame once it is whole, so a slow SSH link or a loaded machine
// never shows half a redraw (an overlay with the pane behind it still in its right half).
// A terminal that does not know the mode ignores it, as it does any unknown DECSET.

export const SYNC_BEGIN = "\x1b[?2026h";
export const SYNC_END = "\x1b[?2026l";

export interface DrawingScreen {
  draw(start: number, end: number): void;
  program: { _write(text: string): unknown };
}

const INSTALLED = Symbol.for("tootty.synchronizedFrames");

/** Wraps what each `screen.draw` writes in the marks; other writes pass as they are. */
export function installSynchronizedFrames(screen: DrawingScreen): void {
  const marked = screen as unknown as Record<symbol, boolean>;
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;
  let drawing = false;
  const draw = screen.draw;
  screen.draw = function (start, end) {
    drawing = true;
    try {
      draw.call(this, start, end);
    } finally {
      drawing = false;
    }
  };
  const program = screen.program;
  const write = program._write.bind(program);
  program._write = (text: string) => write(drawing && text ? SYNC_BEGIN + text + SYNC_END : text);
}
