/* bench-scan-text.c — loads a document and scans its text, as check-documents does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-scan-text [--until-settled] [--words] FILE
 *
 * Without --until-settled every page is extracted (the honest full-scan
 * figure); with it the scan stops at the page where the account name and
 * service address have both been seen, as a check stops once settled.
 */

#include "config.h"

#include <string.h>

#include "porting-document.h"

typedef struct
{
  gboolean until_settled;
  gboolean seen_name;
  gboolean seen_address;
  guint    n_pages;
  gsize    n_bytes;
} Scan;

static gboolean
on_page (PortingPageText *page_text,
         gpointer         user_data)
{
  Scan *scan = user_data;

  scan->n_pages++;
  scan->n_bytes += strlen (page_text->text);

  scan->seen_name = scan->seen_name || strstr (page_text->text, "ACCOUNT NAME") != NULL;
  scan->seen_address = scan->seen_address || strstr (page_text->text, "SERVICE ADDRESS") != NULL;

  return !(scan->until_settled && scan->seen_name && scan->seen_address);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(PortingDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  PortingPageTextFlags flags = PORTING_PAGE_TEXT_FLAGS_NONE;
  const char *path = NULL;
  Scan scan = { 0 };

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--until-settled"))
        scan.until_settled = TRUE;
      else if (g_str_equal (argv[i], "--words"))
        flags |= PORTING_PAGE_TEXT_FLAGS_WORDS;
      else
        path = argv[i];
    }

  if (path == NULL)
    {
      g_printerr ("Usage: %s [--until-settled] [--words] FILE\n", argv[0]);
      return 1;
    }

  file = g_file_new_for_commandline_arg (path);
  document = porting_document_load (file, NULL, NULL, &error);
  if (document == NULL ||
      !porting_document_scan_text (document, flags, on_page, &scan, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  g_print ("%u of %u pages, %" G_GSIZE_FORMAT " bytes of text\n",
           scan.n_pages, porting_document_get_n_pages (document), scan.n_bytes);

  return 0;
}
