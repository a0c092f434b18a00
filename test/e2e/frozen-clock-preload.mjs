// Loaded with `node --import` by the redraw tests: the wall clock stands still, so toot
// times ("now", "2m") cannot change between two captures the test compares. Timers
// (setTimeout) do not read Date and keep running.
const frozen = Date.now();
const RealDate = Date;
class FrozenDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(frozen);
    else super(...args);
  }
  static now() {
    return frozen;
  }
}
globalThis.Date = FrozenDate;
