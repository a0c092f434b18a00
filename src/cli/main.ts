// Entry point: parses argv and hands over to the chosen sub-command.
process.stdout.write("tootty: under construction\n");
