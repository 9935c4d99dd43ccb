#pragma once

// Headless subcommands of conflict-atlas (no display needed): info, query, convert.
// Data goes to stdout, diagnostics to stderr; exit 0 on success, 1 for bad input, 2 for bad
// usage.

/// True when argv[1] names a subcommand.
bool isCliCommand(int argc, char** argv);
/// Runs the subcommand in argv[1].
int runCli(int argc, char** argv);
