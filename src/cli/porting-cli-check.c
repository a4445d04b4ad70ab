/* porting-cli-check.c — porting-cli check-documents: an LOA against an invoice or CSR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "porting-cli-private.h"
#include "porting-document-check.h"

static void
print_error_line (const char *prefix,
                  const char *message)
{
  g_autofree char *line = g_strdup (message);

  /* One line, whatever the message holds. */
  g_strdelimit (line, "\r\n", ' ');
  fprintf (stderr, "porting-cli: %s%s\n", prefix != NULL ? prefix : "", line);
}

static PortingDocument *
load_document (const char  *path,
               const char  *password,
               const char  *what,
               GError     **error)
{
  g_autoptr(GFile) file = porting_cli_file_for_arg (path);
  g_autoptr(GError) local_error = NULL;
  PortingDocument *document;

  document = porting_document_load (file, password, NULL, &local_error);
  if (document != NULL)
    return document;

  if (g_error_matches (local_error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_NEEDS_PASSWORD))
    g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_NEEDS_PASSWORD,
                 /* Translators: the first %s is "LOA" or "proof", the second a file name */
                 _("The %s “%s” is protected by a password: give it with --password"),
                 what, path);
  else if (g_error_matches (local_error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_WRONG_PASSWORD))
    g_set_error (error, PORTING_DOCUMENT_ERROR, PORTING_DOCUMENT_ERROR_WRONG_PASSWORD,
                 _("The %s “%s” is protected by a password, and the password given is not the right one"),
                 what, path);
  else
    g_set_error (error, local_error->domain, local_error->code,
                 /* Translators: "LOA" or "proof", then why it cannot be read */
                 _("%s: %s"), what, local_error->message);

  return NULL;
}

static const char *
status_label (PortingFieldStatus status)
{
  switch (status)
    {
    case PORTING_FIELD_STATUS_EXACT:
      return _("same");
    case PORTING_FIELD_STATUS_EQUIVALENT:
      return _("same, written differently");
    case PORTING_FIELD_STATUS_MISMATCH:
      return _("DIFFERENT");
    case PORTING_FIELD_STATUS_NOT_FOUND:
      return _("NOT FOUND on the proof");
    case PORTING_FIELD_STATUS_UNREADABLE:
      return _("cannot be read: check by eye");
    default:
      return "?";
    }
}

/* Text read over several lines, on one line. */
static char *
one_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit_set (text, "\r\n", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_strv_builder_add (kept, lines[i]);
    }
  joined = g_strv_builder_end (kept);

  return g_strjoinv (", ", joined);
}

static void
print_field (const char               *title,
             const PortingFieldResult *field)
{
  if (field == NULL)
    return;

  printf ("%-16s %s\n", title, status_label (field->status));
  printf ("  %-14s %s%s\n", _("LOA:"), field->loa_text != NULL ? field->loa_text : _("(none)"),
          field->source == PORTING_TEXT_SOURCE_FORM ? _(" (form field)") : "");
  if (field->proof_text != NULL && field->proof_page >= 0)
    {
      g_autofree char *page = g_strdup_printf (_("(page %d)"), field->proof_page + 1);
      g_autofree char *proof_text = one_line (field->proof_text);

      printf ("  %-14s %s %s\n", _("Proof:"), proof_text, page);
    }
  for (guint i = 0; field->differences != NULL && i < field->differences->len; i++)
    printf ("  %-14s %s\n", i == 0 ? _("Differences:") : "", (const char *) g_ptr_array_index (field->differences, i));
}

static void
print_report (PortingCheckResult *result,
              const char         *loa_path,
              const char         *proof_path)
{
  const PortingLoaFields *loa = porting_check_result_get_loa_fields (result);
  GPtrArray *missing = porting_check_result_get_numbers_missing_from_loa (result);
  GPtrArray *warnings = porting_check_result_get_warnings (result);
  PortingCheckVerdict verdict = porting_check_result_get_verdict (result);

  printf ("%-16s %s\n", _("LOA:"), loa_path);
  printf ("%-16s %s\n", _("Proof:"), proof_path);
  printf ("\n");

  print_field (_("Name"), porting_check_result_get_field (result, PORTING_FIELD_NAME));
  print_field (_("Address"), porting_check_result_get_field (result, PORTING_FIELD_ADDRESS));
  print_field (_("Account number"), porting_check_result_get_field (result, PORTING_FIELD_ACCOUNT_NUMBER));
  print_field (_("Billing number"), porting_check_result_get_field (result, PORTING_FIELD_BTN));
  print_field (_("Carrier"), porting_check_result_get_field (result, PORTING_FIELD_CARRIER));

  printf ("%-16s", _("LOA numbers"));
  if (loa->numbers->len == 0)
    printf (" %s", _("(none)"));
  for (guint i = 0; i < loa->numbers->len; i++)
    printf (" %s", (const char *) g_ptr_array_index (loa->numbers, i));
  printf ("\n");

  if (missing->len > 0)
    {
      printf ("%-16s", _("Not on the LOA"));
      for (guint i = 0; i < missing->len; i++)
        printf (" %s", (const char *) g_ptr_array_index (missing, i));
      printf ("\n");
    }

  if (warnings->len > 0)
    {
      printf ("\n%s\n", _("Warnings:"));
      for (guint i = 0; i < warnings->len; i++)
        {
          const PortingCheckWarning *warning = g_ptr_array_index (warnings, i);

          printf ("  - %s (%s)\n", warning->message, warning->code);
        }
    }

  printf ("\n%-16s ", _("Verdict:"));
  switch (verdict)
    {
    case PORTING_CHECK_VERDICT_MATCH:
      printf ("%s\n", _("match — the name and address on the LOA are those of the bill"));
      break;
    case PORTING_CHECK_VERDICT_MISMATCH:
      printf ("%s\n", _("mismatch — the carrier would reject this port"));
      break;
    case PORTING_CHECK_VERDICT_REVIEW:
    default:
      printf ("%s\n", _("review — a document has no readable text; compare them by eye"));
      break;
    }

  {
    g_autofree char *summary = porting_check_result_dup_summary (result);

    printf ("%-16s %s\n", "", summary);
  }
}

static gboolean
parse_today (const char  *text,
             GDate       *date)
{
  guint year, month, day;
  char tail;

  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

int
porting_cli_check_documents (int    argc,
                             char **argv)
{
  g_autofree char *loa_path = NULL;
  g_autofree char *proof_path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *password = NULL;
  g_autofree char *today_text = NULL;
  g_auto(GStrv) numbers = NULL;
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "loa", 0, 0, G_OPTION_ARG_FILENAME, &loa_path, N_("The Letter of Authorization (PDF)"), N_("FILE") },
    { "proof", 0, 0, G_OPTION_ARG_FILENAME, &proof_path, N_("The latest invoice or CSR (PDF, PNG or JPEG)"), N_("FILE") },
    { "number", 0, 0, G_OPTION_ARG_STRING_ARRAY, &numbers, N_("A number to port, which must be on the LOA (repeat)"), N_("NUMBER") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Look for this name instead of the LOA’s"), N_("TEXT") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_("Look for this address instead of the LOA’s"), N_("TEXT") },
    { "password", 0, 0, G_OPTION_ARG_STRING, &password, N_("Password of a protected PDF"), N_("TEXT") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Take this day as today for the age of the bill"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the result as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PortingCheckOptions) options = NULL;
  g_autoptr(PortingDocument) loa = NULL;
  g_autoptr(PortingDocument) proof = NULL;
  g_autoptr(PortingCheckResult) result = NULL;
  g_autoptr(GError) error = NULL;

  context = g_option_context_new (_("— compare the name and address on an LOA with an invoice or CSR"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error_line (NULL, error->message);
      return PORTING_CLI_EXIT_USAGE;
    }

  if (argc > 1)
    {
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), argv[1]);

      print_error_line (NULL, message);
      return PORTING_CLI_EXIT_USAGE;
    }

  if (loa_path == NULL || proof_path == NULL)
    {
      print_error_line (NULL, _("both --loa FILE and --proof FILE are needed"));
      return PORTING_CLI_EXIT_USAGE;
    }

  options = porting_check_options_new ();
  if (name != NULL)
    porting_check_options_set_name (options, name);
  if (address != NULL)
    porting_check_options_set_address (options, address);
  for (guint i = 0; numbers != NULL && numbers[i] != NULL; i++)
    porting_check_options_add_number (options, numbers[i]);
  if (today_text != NULL)
    {
      GDate today;

      if (!parse_today (today_text, &today))
        {
          g_autofree char *message = g_strdup_printf (_("--today wants a date written YYYY-MM-DD, not “%s”"), today_text);

          print_error_line (NULL, message);
          return PORTING_CLI_EXIT_USAGE;
        }
      porting_check_options_set_today (options, &today);
    }

  if (!(loa = load_document (loa_path, password, _("LOA"), &error)) ||
      !(proof = load_document (proof_path, password, _("proof"), &error)))
    {
      print_error_line (NULL, error->message);
      return PORTING_CLI_EXIT_BAD_FILE;
    }

  result = porting_document_check_run (loa, proof, options, NULL, &error);
  if (result == NULL)
    {
      print_error_line (NULL, error->message);
      return PORTING_CLI_EXIT_BAD_FILE;
    }

  if (as_json)
    {
      g_autoptr(JsonNode) root = porting_check_result_to_json (result);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *text = NULL;

      json_generator_set_pretty (generator, TRUE);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      printf ("%s\n", text);
    }
  else
    {
      print_report (result, loa_path, proof_path);
    }

  return PORTING_CLI_EXIT_OK;
}
