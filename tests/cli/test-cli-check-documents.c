/* test-cli-check-documents.c — porting-cli check-documents as scripts use it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/wait.h>

typedef struct
{
  int   status;   /* exit code */
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("PORTING_FIXTURES_DIR"), name, NULL);
}

/* Runs porting-cli check-documents with the NULL-terminated arguments. */
static void
run_check (Run        *run,
           const char *first,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("PORTING_CLI");
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "check-documents");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));   /* never a crash */
  run->status = WEXITSTATUS (wait_status);
}

static void
assert_one_error_line (const Run *run)
{
  const char *newline;

  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "porting-cli: "));
  newline = strchr (run->err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
}

static JsonObject *
parse_json (JsonParser *parser,
            const Run  *run)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run->status, ==, 0);
  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_cli_bad_files (void)
{
  g_autofree char *bad_dir = fixture ("bad");
  g_autofree char *loa = fixture ("acme-exact-loa.pdf");
  g_autofree char *proof = fixture ("acme-exact-invoice.pdf");
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "no-such-file.pdf", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (bad_dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (paths, g_build_filename (bad_dir, name, NULL));
  g_assert_cmpuint (paths->len, >=, 4);
  g_ptr_array_add (paths, g_strdup (missing));
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_ptr_array_add (paths, g_strdup (g_get_user_data_dir ()));   /* a folder */

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_auto(Run) as_loa = { 0 };
      g_auto(Run) as_proof = { 0 };

      g_test_message ("bad file %s", path);
      run_check (&as_loa, "--loa", path, "--proof", proof, "--json", NULL);
      assert_one_error_line (&as_loa);
      run_check (&as_proof, "--loa", loa, "--proof", path, NULL);
      assert_one_error_line (&as_proof);
    }
}

static void
test_cli_password (void)
{
  g_autofree char *loa = fixture ("acme-encrypted-loa.pdf");
  g_autofree char *proof = fixture ("acme-encrypted-invoice.pdf");
  g_auto(Run) locked = { 0 };
  g_auto(Run) wrong = { 0 };
  g_auto(Run) opened = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  run_check (&locked, "--loa", loa, "--proof", proof, "--json", NULL);
  assert_one_error_line (&locked);
  g_assert_nonnull (strstr (locked.err, "password"));

  run_check (&wrong, "--loa", loa, "--proof", proof, "--password", "not-it", NULL);
  assert_one_error_line (&wrong);
  g_assert_nonnull (strstr (wrong.err, "password"));

  run_check (&opened, "--loa", loa, "--proof", proof, "--password", "porting", "--json", NULL);
  object = parse_json (parser, &opened);
  g_assert_cmpstr (json_object_get_string_member (object, "verdict"), ==, "match");
}

static void
test_cli_json (void)
{
  g_autofree char *loa = fixture ("acme-unit-mismatch-loa.pdf");
  g_autofree char *proof = fixture ("acme-unit-mismatch-invoice.pdf");
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *keys[] = { "loa", "name", "address", "numbers", "verdict", "warnings" };
  const char *field_keys[] = { "status", "loa_text", "proof_text", "proof_page", "differences" };
  JsonObject *object;
  JsonObject *address;
  JsonArray *missing;

  run_check (&run, "--loa", loa, "--proof", proof, "--json",
             "--number", "(510) 555-0142", "--number", "510-555-0100", "--today", "2026-11-01", NULL);
  object = parse_json (parser, &run);
  g_assert_cmpstr (run.err, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (object, keys[i]));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "loa"), "name"), ==, "Acme Widgets LLC");
  g_assert_true (json_object_has_member (json_object_get_object_member (object, "loa"), "address"));
  g_assert_true (json_object_has_member (json_object_get_object_member (object, "loa"), "numbers"));

  address = json_object_get_object_member (object, "address");
  for (guint i = 0; i < G_N_ELEMENTS (field_keys); i++)
    {
      g_assert_true (json_object_has_member (address, field_keys[i]));
      g_assert_true (json_object_has_member (json_object_get_object_member (object, "name"), field_keys[i]));
    }
  g_assert_cmpstr (json_object_get_string_member (address, "status"), ==, "mismatch");
  g_assert_cmpint (json_object_get_int_member (address, "proof_page"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (address, "differences")), >, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "verdict"), ==, "mismatch");

  missing = json_object_get_array_member (json_object_get_object_member (object, "numbers"), "missing_from_loa");
  g_assert_cmpuint (json_array_get_length (missing), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (missing, 0), ==, "+15105550100");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "warnings")), ==, 0);
}

static void
test_cli_overrides_and_today (void)
{
  g_autofree char *loa = fixture ("acme-exact-loa.pdf");
  g_autofree char *proof = fixture ("acme-exact-invoice.pdf");
  g_auto(Run) run = { 0 };
  g_auto(Run) plain = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonObject *name;
  JsonObject *address;
  JsonArray *warnings;

  run_check (&run, "--loa", loa, "--proof", proof, "--json",
             "--name", "Acme Gadgets LLC", "--address", "1200 HARBOR BLVD STE 400, OAKLAND CA 94607",
             "--today", "2026-12-31", NULL);
  object = parse_json (parser, &run);
  name = json_object_get_object_member (object, "name");
  address = json_object_get_object_member (object, "address");

  g_assert_cmpstr (json_object_get_string_member (name, "loa_text"), ==, "Acme Gadgets LLC");
  g_assert_cmpstr (json_object_get_string_member (name, "status"), !=, "exact");
  g_assert_cmpstr (json_object_get_string_member (address, "loa_text"), ==, "1200 HARBOR BLVD STE 400, OAKLAND CA 94607");
  g_assert_cmpstr (json_object_get_string_member (address, "status"), ==, "equivalent");
  g_assert_cmpstr (json_object_get_string_member (object, "verdict"), ==, "mismatch");

  warnings = json_object_get_array_member (object, "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (warnings, 0), ==, "proof-older-than-30-days");

  /* The readable report. */
  run_check (&plain, "--loa", loa, "--proof", proof, NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_nonnull (strstr (plain.out, "Acme Widgets LLC"));
  g_assert_nonnull (strstr (plain.out, "match"));
}

static void
test_cli_screenshot (void)
{
  g_autofree char *loa = fixture ("acme-screenshot-loa.pdf");
  g_autofree char *proof = fixture ("acme-screenshot-invoice.png");
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  /* Read by OCR: the screenshot of the bill matches its LOA (it was "review"). */
  run_check (&run, "--loa", loa, "--proof", proof, "--json", NULL);
  object = parse_json (parser, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "verdict"), ==, "match");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "name"), "status"), ==, "equivalent");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "name"), "source"), ==, "ocr");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "address"), "source"), ==, "ocr");
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (object, "address"), "confidence"), >, 0.8);
}

static void
test_cli_usage (void)
{
  g_autofree char *loa = fixture ("acme-exact-loa.pdf");
  g_autofree char *proof = fixture ("acme-exact-invoice.pdf");
  g_auto(Run) no_proof = { 0 };
  g_auto(Run) bad_option = { 0 };
  g_auto(Run) bad_today = { 0 };
  g_auto(Run) help = { 0 };

  run_check (&no_proof, "--loa", loa, NULL);
  g_assert_cmpint (no_proof.status, ==, 1);
  g_assert_true (g_str_has_prefix (no_proof.err, "porting-cli: "));

  run_check (&bad_option, "--loa", loa, "--proof", proof, "--frobnicate", NULL);
  g_assert_cmpint (bad_option.status, ==, 1);

  run_check (&bad_today, "--loa", loa, "--proof", proof, "--today", "31/12/2026", NULL);
  g_assert_cmpint (bad_today.status, ==, 1);

  run_check (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--proof"));
}

/* `meson devenv -C _build porting-cli …` runs inside the build directory
 * while relative names are the caller's: $PWD says where the caller is. */
static void
test_cli_relative_to_caller (void)
{
  g_autofree char *fixtures = g_canonicalize_filename (g_getenv ("PORTING_FIXTURES_DIR"), NULL);
  g_autofree char *elsewhere = g_dir_make_tmp ("porting-cli-XXXXXX", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) env = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("PORTING_CLI"), "check-documents",
                         "--loa", "acme-exact-loa.pdf", "--proof", "acme-exact-invoice.pdf", "--json", NULL };
  int wait_status = 0;

  g_assert_nonnull (elsewhere);
  env = g_environ_setenv (g_get_environ (), "PWD", fixtures, TRUE);

  g_spawn_sync (elsewhere, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
  g_assert_nonnull (strstr (out, "\"verdict\" : \"match\""));

  /* A name found in neither place is still reported missing, by its name. */
  argv[3] = "no-such-loa.pdf";
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_spawn_sync (elsewhere, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 2);
  g_assert_nonnull (strstr (err, "no-such-loa.pdf"));

  g_rmdir (elsewhere);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/check-documents/bad-files", test_cli_bad_files);
  g_test_add_func ("/cli/check-documents/password", test_cli_password);
  g_test_add_func ("/cli/check-documents/json", test_cli_json);
  g_test_add_func ("/cli/check-documents/overrides-and-today", test_cli_overrides_and_today);
  g_test_add_func ("/cli/check-documents/screenshot", test_cli_screenshot);
  g_test_add_func ("/cli/check-documents/usage", test_cli_usage);
  g_test_add_func ("/cli/check-documents/relative-to-caller", test_cli_relative_to_caller);

  return g_test_run ();
}
