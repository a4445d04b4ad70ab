/* porting-cli-private.h — the subcommands of porting-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit codes shared by every subcommand (DESIGN.md §3.2, §3.7). */
enum
{
  PORTING_CLI_EXIT_OK          = 0,
  PORTING_CLI_EXIT_USAGE       = 1,
  PORTING_CLI_EXIT_BAD_FILE    = 2,
  PORTING_CLI_EXIT_REFUSED     = 3,
  PORTING_CLI_EXIT_UNREACHABLE = 4,
};

/* A file named on the command line. Relative names are taken from the
 * working directory, or from the caller's logical one ($PWD) when they are
 * not there: `meson devenv -C _build` runs us inside the build directory. */
GFile *porting_cli_file_for_arg (const char *arg);

/* Each takes argv with argv[0] = the subcommand name and returns the exit code. */
int porting_cli_check_documents (int argc, char **argv);
int porting_cli_numbers         (int argc, char **argv);
int porting_cli_port_date       (int argc, char **argv);
int porting_cli_submit          (int argc, char **argv);
int porting_cli_requests        (int argc, char **argv);

G_END_DECLS
