// The blessed shell: turns pane sources into widgets and keys into actions. It holds no
// timeline state of its own: panes draw from their sources (the stores), and every change
// there schedules one coalesced paint.
import type blessed from "blessed";
import { describeError } from "../../api/errors.js";
import {
  type Action,
  defaultKeymap,
  type KeyContext,
  type Keymap,
  keyResolver,
} from "../../config/keymap.js";
import { shown, t, tl } from "../../i18n/index.js";
import {
  cellWidth,
  installBlessedWidthFix,
  installCellModel,
  padToWidth,
  sanitizeInline,
  sanitizeMessage,
  truncateToWidth,
} from "../../render/index.js";
import { type LinesOf, type ViewItem, Viewport } from "../panes/viewport.js";
import { type AsciiTput, forceAsciiOutput } from "../terminal/ascii.js";
import { type ColorLevel, detectColorLevel } from "../terminal/capabilities.js";
import { type DrawingScreen, installSynchronizedFrames } from "../terminal/synchronized-output.js";
import widgets from "./blessed.js";
import { withoutTmuxProbe } from "./blessed-startup.js";
import { type HintPart, hintLine, type KeysOf, keysHint } from "./hints.js";
import { createSplitInput } from "./input.js";
import { type KeyEvent, keyNames } from "./keymap.js";
import { computeLayout, type Layout, MIN_COLS, MIN_ROWS } from "./layout.js";

/** What a pane shows: a live list of items (newest first) and a one-word state for its title. */
export interface PaneSource<T extends ViewItem> {
  readonly title: string;
  items(): readonly T[];
  /**
   * e.g. "live", "reconnecting (next try in 4s)", "polling", "rate-limited until 12:00:01";
   * `brief`: without an explanation that does not change (timeline/pane-state.ts).
   */
  state(brief?: boolean): string;
  /** Counts shown after the state in the title ("3 unread, 1 request"); empty for none. */
  counts?(): string;
  /** What the body says while there are no items (default "Loading…"). */
  placeholder?(): string;
  onChange(listener: () => void): () => void;
  /** Asks for older items (the user reached the bottom). */
  loadOlder?(): void;
  /** Fetches what is newer than the newest item held (R). */
  refresh?(): Promise<void>;
  /** s opened an item (a notification group asks for everyone in it). */
  expand?(item: T): void;
  /** What it shows, e.g. "home", "notifications", "tag:rust" (read position finds panes by it). */
  readonly timeline?: string;
  /** Relative share of the width in columns mode (default 1). */
  readonly width?: number;
  /** Called once when the pane is removed: close the feed, unsubscribe its stream. */
  close?(): void;
}

/**
 * A modal view on top of the panes (composer, thread, help…). While one is open it gets every
 * key; it draws its own blessed widgets and closes itself through the context.
 */
export interface Overlay {
  /**
   * Handles one key; may be async (the shell repaints when it settles). `more`: further keys
   * of the same input read are queued behind this one (a paste).
   */
  handleKey(ch: string | undefined, key: KeyEvent, more: boolean): void | Promise<void>;
  /** Lays out and fills its widgets for the current screen size. */
  paint(): void;
  /** Removes its widgets; called once when it is popped. */
  destroy(): void;
}

/** What a feature action gets: the selection, and the shell's services. */
export interface ActionContext<T extends ViewItem> {
  readonly selected: T | undefined;
  readonly paneIndex: number;
  readonly screen: blessed.Widgets.Screen;
  readonly unicode: boolean;
  flash(message: string): void;
  repaint(): void;
  pushOverlay(overlay: Overlay): void;
  popOverlay(overlay: Overlay): void;
  /** Leaves the screen (for $EDITOR, a pager…), runs `fn`, and restores the screen. */
  suspend<R>(fn: () => Promise<R>): Promise<R>;
  /**
   * Keys typed from now until `work` settles wait for it, then go to whatever is on top: the
   * overlay an action opens once its code has loaded gets the keys typed meanwhile. Only for
   * work of a few milliseconds (loading a module), never for a server's answer.
   */
  holdKeys<R>(work: Promise<R>): Promise<R>;
  /** Makes pane `i` the active one (in tab mode: shows it). */
  focusPane(i: number): void;
  /** The panes open now, left to right. */
  panes(): readonly PaneSource<T>[];
  /** The action a key means where `context` is on top, by the keymap in force (remaps included). */
  keyAction(ch: string | undefined, key: KeyEvent, context: KeyContext): Action | undefined;
  /** The keys bound to `action` now, for hints ("Esc back"); empty when it is unbound. */
  keysOf(action: Action): readonly string[];
  /** Opens a pane at `at` (default: after the last) and makes it active; returns its index. */
  addPane(source: PaneSource<T>, at?: number): number;
  /** Closes pane `i` (its source's close() runs); false for the last pane or a bad index. */
  removePane(i: number): boolean;
}

export type FeatureAction<T extends ViewItem> = (ctx: ActionContext<T>) => void | Promise<void>;

export interface AppOptions<T extends ViewItem> {
  /** Asked before quitting when set (settings.confirm.quit); true quits. */
  confirmQuit?: (ctx: ActionContext<T>) => Promise<boolean>;
  /** Actions beyond navigation, by keymap action name (compose, reply, boost…). */
  actions?: Record<string, FeatureAction<T>>;
  panes: PaneSource<T>[];
  /** Lines for one item at a content width. Must be cached by the caller: called every paint. */
  renderItem(item: T, width: number, expanded: boolean): readonly string[];
  /** "user@instance" for the status bar. */
  accountLabel: string;
  /** Connection / API state for the status bar, e.g. "live" or "rate-limited until …". */
  connectionState(brief?: boolean): string;
  onConnectionChange(listener: () => void): () => void;
  /** The keymap in force (settings.keymap: the table's defaults with the user's remaps). */
  keymap?: Keymap;
  /** UTF-8 locale: box lines and symbols. Without it everything drawn is ASCII. */
  unicode: boolean;
  /** Colours for the shell's own chrome (default: detected from the environment; 0 = none). */
  colorLevel?: ColorLevel;
  /**
   * Terminal modes held while the screen is up (VTE's explicit bidi mode, see
   * terminal/bidi.ts): `enter` written at start and on return from a suspend, `leave` before
   * a suspend hands the terminal to another program and when the screen goes.
   */
  terminalModes?: { enter: string; leave: string };
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
}

export interface RunningApp<T extends ViewItem> {
  /** Resolves when the user quits. */
  readonly done: Promise<void>;
  /** Shows a one-line message in the status bar. */
  flash(message: string): void;
  /** Restores the terminal (idempotent). */
  destroy(): void;
  /** The action context now (for features started outside a key press, e.g. a draft offer). */
  context(): ActionContext<T>;
  /**
   * Puts item `id` (or, if it is gone, the nearest older one) at the top of pane `paneIndex`
   * and selects it; items above count as new. False when the pane holds nothing that old.
   */
  scrollTo(paneIndex: number, id: string): boolean;
  /** The item at the top of the pane's window: what the user has read up to. */
  topItem(paneIndex: number): T | undefined;
  /** Whether a key has moved or acted in pane `paneIndex` yet. */
  userMoved(paneIndex: number): boolean;
  /** Asks for a coalesced repaint (does nothing once the app is destroyed). */
  repaintSoon(): void;
  /** Ends the app as `q` does (without asking), restoring the terminal; `done` resolves. */
  quit(): void;
  /** The panes open now, left to right. */
  panes(): readonly PaneSource<T>[];
  /** Where `source` is now (panes move when others open or close), or -1 once closed. */
  indexOf(source: PaneSource<T>): number;
  addPane(source: PaneSource<T>, at?: number): number;
  removePane(i: number): boolean;
}

const MAX_NUMBERED_PANES = 9;

/** One open pane: its source, its scroll state, its box, and its change subscription. */
interface PaneSlot<T extends ViewItem> {
  source: PaneSource<T>;
  /** The viewport, brought up to date with the source first (see openSlot). */
  readonly view: Viewport<T>;
  box: blessed.Widgets.BoxElement;
  /** The user has moved in it (a late read-position restore must not yank it). */
  moved: boolean;
  off: () => void;
}

/** At most ~30 paints a second for stream-driven changes; keys paint at once. */
const PAINT_INTERVAL_MS = 33;
const FLASH_MS = 6000;

export function startApp<T extends ViewItem>(opts: AppOptions<T>): RunningApp<T> {
  const stdin = opts.stdin ?? process.stdin;
  const stdout = opts.stdout ?? process.stdout;
  const colorLevel = opts.colorLevel ?? detectColorLevel(process.env, stdout.isTTY === true);
  // Never draw borders through the terminal's alternate charset: blessed's ACS path shows
  // "qqqq" / "x" in tmux with TERM=screen*, and modern ncurses avoids it too
  // (NCURSES_NO_UTF8_ACS). In a UTF-8 locale they are UTF-8 lines, else ASCII (below).
  process.env.NCURSES_NO_UTF8_ACS = "1";
  // blessed measures lines in UTF-16 units and would cut emoji lines that fit (see render room).
  installBlessedWidthFix(widgets as unknown as Parameters<typeof installBlessedWidthFix>[0]);
  const screen = withoutTmuxProbe(() =>
    widgets.screen({
      input: createSplitInput(stdin),
      output: stdout,
      smartCSR: true,
      fullUnicode: opts.unicode,
      forceUnicode: opts.unicode,
      autoPadding: true,
      warnings: false,
      title: "tootty",
      dockBorders: false,
    }),
  );
  if (!opts.unicode) forceAsciiOutput(screen.tput as unknown as AsciiTput);
  // Incremental frames must leave what a full repaint would draw (see render/blessed-fit.ts).
  else installCellModel(screen as unknown as Parameters<typeof installCellModel>[0]);
  installSynchronizedFrames(screen as unknown as DrawingScreen);
  const modes = opts.terminalModes ?? { enter: "", leave: "" };
  const writeMode = (seq: string) => {
    if (seq && stdout.isTTY) stdout.write(seq);
  };
  writeMode(modes.enter);
  // NO_COLOR and monochrome terminals: the chrome marks focus by weight and inverse only.
  const color = (fg: string) => (colorLevel > 0 ? fg : undefined);
  const paintSelected = (s: string, active: boolean) =>
    colorLevel > 0
      ? `${active ? "\x1b[36m" : "\x1b[90m"}${s}\x1b[39m`
      : active
        ? `\x1b[1m${s}\x1b[22m`
        : s;
  const keymap: Keymap = opts.keymap ?? defaultKeymap();
  const resolveKeys = keyResolver(keymap);
  const keysOf: KeysOf = (action) => keymap[action];
  const keyAction = (ch: string | undefined, key: KeyEvent, context: KeyContext) =>
    resolveKeys(keyNames(ch, key), context);
  const glyphs = opts.unicode
    ? { gutter: "▌", sep: " · ", arrow: "↑", ellipsis: "…", times: "×" }
    : { gutter: "|", sep: " - ", arrow: "^", ellipsis: ".", times: "x" };

  const slots: PaneSlot<T>[] = [];
  const expanded = new Set<string>();
  const overlays: Overlay[] = [];
  let active = 0;
  let layout: Layout = computeLayout(1, 1, opts.panes.length, active);
  let flashMessage = "";
  let flashTimer: NodeJS.Timeout | undefined;
  let paintTimer: NodeJS.Timeout | undefined;
  let lastPaintAt = 0;
  let destroyed = false;

  function openSlot(source: PaneSource<T>): PaneSlot<T> {
    const box = widgets.box({
      parent: screen,
      border: { type: "line" },
      tags: false,
      wrap: false,
      style: { border: { fg: color("gray") }, label: { bold: true } },
    });
    // A burst of streamed toots changes the source many times between two paints: the
    // viewport is re-synced once, when something next looks at it, not once per toot.
    const viewport = new Viewport<T>();
    let stale = true;
    const slot: PaneSlot<T> = {
      source,
      get view() {
        if (stale) {
          stale = false;
          viewport.sync(source.items());
        }
        return viewport;
      },
      box,
      moved: false,
      off: () => {},
    };
    slot.off = source.onChange(() => {
      stale = true;
      schedulePaint();
    });
    return slot;
  }
  const tabBar = widgets.box({ parent: screen, height: 1, tags: false, wrap: false });
  const statusBar = widgets.box({ parent: screen, height: 1, tags: false, wrap: false });
  const tooSmall = widgets.box({ parent: screen, tags: false, hidden: true });

  const contentWidth = (i: number) => Math.max(1, (layout.panes[i]?.width ?? 3) - 2 - 2);
  const contentHeight = (i: number) => Math.max(1, (layout.panes[i]?.height ?? 3) - 2);
  const linesFor =
    (i: number): LinesOf<T> =>
    (item) =>
      opts.renderItem(item, contentWidth(i), expanded.has(item.id));

  function relayout(): void {
    layout = computeLayout(
      screen.width as number,
      screen.height as number,
      slots.length,
      active,
      slots.map((s) => s.source.width ?? 1),
    );
    const small = layout.mode === "too-small";
    tooSmall.hidden = !small;
    slots.forEach((slot, i) => {
      const rect = layout.panes[i];
      const box = slot.box;
      if (!rect || small) {
        box.hide();
        return;
      }
      box.show();
      Object.assign(box.position, rect);
    });
    if (layout.tabBar && !small) {
      tabBar.show();
      Object.assign(tabBar.position, layout.tabBar);
    } else tabBar.hide();
    Object.assign(statusBar.position, layout.statusBar);
    if (small) {
      Object.assign(tooSmall.position, { left: 0, top: 0, width: "100%", height: "100%-1" });
      tooSmall.setContent(tooSmallMessage(screen.width as number, screen.height as number));
    }
  }

  function tooSmallMessage(cols: number, rows: number): string {
    const x = glyphs.times;
    const lines = [
      t("tooSmall.title"),
      t("tooSmall.size", { size: `${cols}${x}${rows}`, needed: `${MIN_COLS}${x}${MIN_ROWS}` }),
      t("tooSmall.hint"),
    ];
    // Centred, and cut to the width so nothing wraps into a mess on a tiny screen.
    const top = Math.max(0, Math.floor((rows - 1 - lines.length) / 2));
    const body = lines.map((l) => {
      const cut = truncateToWidth(l, cols, glyphs.ellipsis);
      return " ".repeat(Math.max(0, Math.floor((cols - cellWidth(cut)) / 2))) + cut;
    });
    return [...Array(top).fill(""), ...body].join("\n");
  }

  function paintPane(i: number): void {
    const rect = layout.panes[i];
    if (!rect || layout.mode === "too-small") return;
    const { source, view, box } = slots[i]!;
    const height = contentHeight(i);
    const lines = linesFor(i);
    const rows = view.window(height, lines);
    const selected = view.selectedIndex;
    const isActive = i === active;
    const content = rows.map((row) => {
      const mark = row.itemIndex === selected && row.itemIndex >= 0;
      const gutter = mark ? `${paintSelected(glyphs.gutter, isActive)} ` : "  ";
      return gutter + row.line;
    });
    if (rows.length === 0)
      content.push(`  ${sanitizeInline(source.placeholder?.() ?? t("pane.loading"))}`);
    box.setContent(content.join("\n"));
    const newMark =
      view.newAbove > 0
        ? `${glyphs.sep}${t("pane.newAbove", { count: view.newAbove })} ${glyphs.arrow}`
        : "";
    // A pane's state may carry server text (an error line): sanitised here, for every source.
    // Cut to the top border (corners and a cell each side kept): blessed wraps a longer label
    // into the pane's first row.
    const counts = source.counts?.() ?? "";
    const countMark = counts ? `${glyphs.sep}${sanitizeInline(counts)}` : "";
    const room = Math.max(1, rect.width - 6);
    const labelWith = (state: string) =>
      `${sanitizeInline(source.title)}${glyphs.sep}${sanitizeInline(state)}${countMark}${newMark}`;
    // Where the whole state does not fit, its brief words keep the counts after it in sight.
    let label = labelWith(source.state());
    if (cellWidth(label) > room) label = labelWith(source.state(true));
    box.setLabel(` ${truncateToWidth(label, room, glyphs.ellipsis)} `);
    (box.style as { border: { fg?: string; bold?: boolean } }).border.fg = color(
      isActive ? "cyan" : "gray",
    );
    if (colorLevel === 0) (box.style as { border: { bold?: boolean } }).border.bold = isActive;
  }

  function paintTabBar(): void {
    if (layout.mode !== "tabs") return;
    const parts = slots.map(({ source, view }, i) => {
      const count = view.newAbove > 0 ? ` (${view.newAbove})` : "";
      // Titles can carry server text (a list's name): sanitised, like everything drawn.
      const text = ` ${i + 1} ${sanitizeInline(source.title)}${count} `;
      return i === active ? `\x1b[7m${text}\x1b[27m` : text;
    });
    tabBar.setContent(parts.join(""));
  }

  function paintStatusBar(): void {
    const width = screen.width as number;
    // Server-derived text (the account, an error line) is sanitised and measured in cells:
    // a wide or RTL name must not push the hints off the row or past the edge.
    const leftWith = (state: string) =>
      ` ${sanitizeInline(opts.accountLabel)}${glyphs.sep}${sanitizeInline(state)}`;
    let left = leftWith(opts.connectionState());
    // Hints that do not fit are left out whole, the last read first: cutting the drawn line
    // would take half a hint, and in a right-to-left line the first one read. The hints come
    // before the state's explanation (each pane's title has room for it): where they do not
    // all fit beside the whole state, the state gives its brief words first.
    const parts = statusHints();
    const hintsOf = (n: number) => `${shown(hintLine(keysOf, parts.slice(0, n), "  "))} `;
    if (width - cellWidth(left) - cellWidth(hintsOf(parts.length)) < 1)
      left = leftWith(opts.connectionState(true));
    let hints = "";
    for (let n = parts.length; n > 0; n--) {
      hints = hintsOf(n);
      if (width - cellWidth(left) - cellWidth(hints) >= 1) break;
      hints = "";
    }
    const right = flashMessage ? `${flashMessage} ` : hints;
    // A message answers what the user just did: where it does not fit beside the connection
    // state (long on a server without streaming), the state gives way; each pane's title
    // still says it.
    if (flashMessage && width - cellWidth(left) - cellWidth(right) < 1)
      left = ` ${sanitizeInline(opts.accountLabel)}`;
    const room = width - cellWidth(left) - cellWidth(right);
    const line =
      room >= 1
        ? left + " ".repeat(room) + right
        : padToWidth(truncateToWidth(`${left}  ${right}`, width, glyphs.ellipsis), width);
    statusBar.setContent(`\x1b[7m${line}\x1b[27m`);
  }

  function paint(): void {
    if (destroyed) return;
    lastPaintAt = Date.now();
    if (paintTimer) {
      clearTimeout(paintTimer);
      paintTimer = undefined;
    }
    for (let i = 0; i < slots.length; i++) paintPane(i);
    paintTabBar();
    paintStatusBar();
    for (const overlay of overlays) overlay.paint();
    screen.render();
  }

  /**
   * Leading-edge throttle: a change paints at once if the last paint is older than the
   * interval (so the first toots and a lone new toot show without delay), otherwise once at
   * the end of the interval, however many changes arrive in between.
   */
  function schedulePaint(): void {
    if (paintTimer || destroyed) return;
    const wait = lastPaintAt + PAINT_INTERVAL_MS - Date.now();
    paintTimer = setTimeout(paint, Math.max(0, wait));
  }

  /**
   * `message` in logical order (server text in it is sanitised here, the isolates of tootty's
   * own words kept: a command inside Arabic), drawn in display order.
   */
  function flash(message: string): void {
    flashMessage = message === "" ? "" : shown(sanitizeMessage(message));
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => {
      flashMessage = "";
      schedulePaint();
    }, FLASH_MS);
    schedulePaint();
  }

  /** The status line's hints: moving, switching panes, the top, help and quitting. */
  function statusHints(): HintPart[] {
    const common: HintPart[] = [
      ["hint.help", "help"],
      ["hint.quit", "quit"],
    ];
    if (layout.mode !== "tabs")
      return [
        ["hint.move", "down", "up"],
        ["hint.pane", "paneLeft", "paneRight"],
        ["hint.topEnd", "top", "bottom"],
        ...common,
      ];
    // The pane number keys read "1-3" while they are the digits, as they are by default.
    const n = Math.min(slots.length, MAX_NUMBERED_PANES);
    const numbers = Array.from({ length: n }, (_, i) => `pane${i + 1}` as Action);
    const digits = numbers.every((a, i) => keymap[a][0] === String(i + 1));
    const panes = [
      digits ? (n <= 1 ? "1" : `1-${n}`) : keysHint(keysOf, numbers),
      keysHint(keysOf, ["nextPane"]),
    ].filter((k) => k !== undefined);
    return [
      ["hint.move", "down", "up"],
      ...(panes.length > 0 ? [tl("hint.pane", { keys: panes.join("/") })] : []),
      ["hint.top", "top"],
      ...common,
    ];
  }

  function focus(i: number): void {
    if (i < 0 || i >= slots.length) return;
    active = i;
    relayout();
  }

  function addPane(source: PaneSource<T>, at?: number): number {
    const index = at === undefined ? slots.length : Math.max(0, Math.min(slots.length, at));
    slots.splice(index, 0, openSlot(source));
    active = index;
    relayout();
    schedulePaint();
    return index;
  }

  function removePane(i: number): boolean {
    if (slots.length <= 1 || i < 0 || i >= slots.length) return false;
    const [slot] = slots.splice(i, 1);
    slot!.off();
    slot!.box.destroy();
    slot!.source.close?.();
    if (active > i || active >= slots.length) active = Math.max(0, active - 1);
    relayout();
    schedulePaint();
    return true;
  }

  function perform(action: Action): void | Promise<void> {
    const slot = slots[active]!;
    const { view, source } = slot;
    slot.moved = true;
    const height = contentHeight(active);
    const lines = linesFor(active);
    switch (action) {
      case "down":
        view.move(1, height, lines);
        if (view.selectedIndex >= source.items().length - 3) source.loadOlder?.();
        break;
      case "up":
        view.move(-1, height, lines);
        break;
      case "top":
        view.toTop();
        break;
      case "bottom":
        view.toBottom(height, lines);
        source.loadOlder?.();
        break;
      case "halfPageDown":
        view.moveByLines(Math.floor(height / 2), height, lines);
        if (view.selectedIndex >= source.items().length - 3) source.loadOlder?.();
        break;
      case "halfPageUp":
        view.moveByLines(-Math.floor(height / 2), height, lines);
        break;
      case "paneLeft":
        focus(Math.max(0, active - 1));
        break;
      case "paneRight":
        focus(Math.min(slots.length - 1, active + 1));
        break;
      case "nextPane":
        focus((active + 1) % slots.length);
        break;
      case "prevPane":
        focus((active + slots.length - 1) % slots.length);
        break;
      case "pane1":
      case "pane2":
      case "pane3":
      case "pane4":
      case "pane5":
      case "pane6":
      case "pane7":
      case "pane8":
      case "pane9":
        focus(Number(action.slice(4)) - 1);
        break;
      case "toggleCw": {
        const item = view.selected;
        if (item) {
          if (expanded.has(item.id)) expanded.delete(item.id);
          else {
            expanded.add(item.id);
            source.expand?.(item);
          }
        }
        break;
      }
      case "redraw":
        redraw();
        return;
      case "quit":
        if (opts.confirmQuit) {
          return runFeature(async (ctx) => {
            if (await opts.confirmQuit!(ctx)) quit();
          });
        }
        quit();
        return;
      case "loadMore":
        if (source.loadOlder) {
          source.loadOlder();
          flash(tl("flash.loadingOlder"));
        }
        return;
      case "refresh":
        if (source.refresh) {
          flash(tl("flash.refreshing"));
          source.refresh().then(
            () => flash(tl("flash.upToDate")),
            (err: unknown) => flash(describeError(err)),
          );
        }
        return;
      default: {
        const feature = opts.actions?.[action];
        if (!feature) {
          flash(tl("ui.notAvailableYet", { action }));
          return;
        }
        return runFeature(feature);
      }
    }
    paint();
  }

  function context(): ActionContext<T> {
    return {
      selected: slots[active]?.view.selected,
      paneIndex: active,
      screen,
      unicode: opts.unicode,
      flash,
      repaint: paint,
      pushOverlay(overlay) {
        overlays.push(overlay);
        paint();
      },
      popOverlay(overlay) {
        const at = overlays.indexOf(overlay);
        if (at < 0) return;
        overlays.splice(at, 1);
        overlay.destroy();
        paint();
      },
      suspend,
      holdKeys,
      focusPane(i) {
        focus(i);
        paint();
      },
      panes: () => slots.map((s) => s.source),
      addPane,
      removePane,
      keyAction,
      keysOf,
    };
  }

  /**
   * Runs a feature action. The returned promise settles when the action has settled or one
   * macrotask has passed, whichever is first: keys typed after `:` or `c` in the same read
   * wait for the overlay the action opens, but never for a server round trip.
   */
  function runFeature(feature: FeatureAction<T>): Promise<void> {
    const running = Promise.resolve()
      .then(() => feature(context()))
      .catch((err: unknown) => flash(describeError(err)))
      .finally(() => schedulePaint());
    return Promise.race([running, new Promise<void>((resolve) => setImmediate(resolve))]);
  }

  /**
   * Clears the terminal and draws every cell again (Ctrl-L, as in vim and less): whatever
   * another program wrote over the screen is gone, and blessed's record of what the
   * terminal shows starts again from the blank screen it now really shows.
   */
  function redraw(): void {
    if (destroyed) return;
    screen.program.clear();
    screen.realloc();
    relayout();
    paint();
  }

  async function suspend<R>(fn: () => Promise<R>): Promise<R> {
    // blessed's program.pause() leaves the alternate screen, shows the cursor and turns raw
    // mode off; resume() puts all of it back and forces a full redraw.
    writeMode(modes.leave);
    const resume = screen.program.pause();
    try {
      return await fn();
    } finally {
      resume();
      writeMode(modes.enter);
      screen.alloc();
      relayout();
      paint();
    }
  }

  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => {
    resolveDone = resolve;
  });

  function destroy(): void {
    if (destroyed) return;
    destroyed = true;
    clearTimeout(paintTimer);
    clearTimeout(flashTimer);
    clearInterval(stateTicker);
    for (const slot of slots) slot.off();
    offConnection();
    screen.destroy();
    writeMode(modes.leave);
  }

  function quit(): void {
    destroy();
    resolveDone();
  }

  /** Settles once every piece of work handed to holdKeys has; undefined when none is pending. */
  let held: Promise<void> | undefined;
  function holdKeys<R>(work: Promise<R>): Promise<R> {
    const settled = work.then(
      () => {},
      () => {},
    );
    const all = held ? Promise.all([held, settled]).then(() => {}) : settled;
    held = all;
    // Registered before any key waits on `all`: cleared first, so a waiting key is dispatched.
    void all.then(() => {
      if (held === all) held = undefined;
    });
    return work;
  }

  // Keys are handled one after another, each by whatever is on top when its turn comes:
  // Esc then q typed together close the overlay, then quit — not both to the overlay.
  let keyChain: Promise<void> = Promise.resolve();
  function dispatchKey(ch: string | undefined, key: KeyEvent): void | Promise<void> {
    if (destroyed) return;
    if (held) return held.then(() => dispatchKey(ch, key));
    const overlay = overlays[overlays.length - 1];
    // Redrawing is not the overlay's business: it works whatever is open.
    if (overlay && keyNames(ch, key).some((k) => keymap.redraw.includes(k))) return redraw();
    if (overlay) {
      return (
        Promise.resolve()
          .then(() => overlay.handleKey(ch, key, keysPending > 1))
          .catch((err: unknown) => flash(describeError(err)))
          // The last key of a read paints (keysPending still counts this one): a paste of 500
          // characters is one frame, not 500 (each wrote ~50 bytes, and crawled over SSH).
          .finally(() => {
            if (keysPending <= 1) paint();
          })
      );
    }
    const action = keyAction(ch, key, "panes");
    if (action) return perform(action);
  }
  let keysPending = 0;
  screen.on("keypress", (ch: string | undefined, key: blessed.Widgets.Events.IKeyEventArg) => {
    if (destroyed) return;
    // Fast path: nothing queued, so a navigation key paints in this very tick.
    if (keysPending === 0) {
      const result = dispatchKey(ch, key);
      if (!result) return;
      keysPending++;
      keyChain = result.finally(() => {
        keysPending--;
      });
      return;
    }
    keysPending++;
    keyChain = keyChain
      .then(() => dispatchKey(ch, key))
      .finally(() => {
        keysPending--;
      });
  });
  screen.on("resize", () => {
    relayout();
    paint();
  });

  for (const source of opts.panes) slots.push(openSlot(source));
  const offConnection = opts.onConnectionChange(schedulePaint);
  // States count down ("next try in 4s") with no event to announce each second: look once a
  // second and repaint only when a word changed.
  let drawnStates = "";
  const stateTicker = setInterval(() => {
    const states = [opts.connectionState(), ...slots.map((s) => s.source.state())].join("\n");
    if (states !== drawnStates) schedulePaint();
    drawnStates = states;
  }, 1000);
  stateTicker.unref();

  relayout();
  paint();
  function scrollTo(paneIndex: number, id: string): boolean {
    const view = slots[paneIndex]?.view;
    if (!view) return false;
    const found = view.reveal(id);
    if (found) schedulePaint();
    return found;
  }

  function topItem(paneIndex: number): T | undefined {
    return slots[paneIndex]?.view.top;
  }

  return {
    done,
    flash,
    destroy,
    context,
    scrollTo,
    topItem,
    userMoved: (i) => slots[i]?.moved === true,
    repaintSoon: schedulePaint,
    panes: () => slots.map((s) => s.source),
    indexOf: (source) => slots.findIndex((s) => s.source === source),
    addPane,
    removePane,
    quit,
  };
}
