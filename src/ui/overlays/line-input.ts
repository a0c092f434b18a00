// A one-line text field for the command line and comments: printable keys, Backspace, C-u.
import type { KeyEvent } from "../shell/keymap.js";

export class LineInput {
  text = "";

  /** Returns true when the key changed or belonged to the field. */
  key(ch: string | undefined, key: KeyEvent): boolean {
    if (key.name === "backspace") {
      this.text = [...this.text].slice(0, -1).join("");
      return true;
    }
    if (key.full === "C-u") {
      this.text = "";
      return true;
    }
    if (ch && !key.ctrl && !key.meta && ch >= " " && ch !== "\x7f" && [...ch].length === 1) {
      this.text += ch;
      return true;
    }
    return false;
  }
}
