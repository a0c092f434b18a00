// Loaded with `node --import` by the restore tests: SIGUSR2 makes the real bundle throw an
// uncaught error from the event loop, as a bug would.
process.on("SIGUSR2", () => {
  setImmediate(() => {
    throw new Error("deliberate crash for the restore test");
  });
});
