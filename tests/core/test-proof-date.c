/* test-proof-date.c — the date a bill or a CSR was issued, in the forms customers' bills write it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "porting-proof-date.h"

typedef struct
{
  const char *text;
  int         year, month, day;   /* 0 when there is no bill date */
} DateCase;

static void
assert_date (const char *text,
             int         year,
             int         month,
             int         day)
{
  GDate date;
  gboolean found;

  g_date_clear (&date, 1);
  found = porting_proof_date_find_in_text (text, &date);
  if (found != (year > 0))
    g_printerr ("%s\n", text);
  g_assert_cmpint (found, ==, year > 0);
  if (year > 0)
    {
      g_assert_cmpint (g_date_get_year (&date), ==, year);
      g_assert_cmpint (g_date_get_month (&date), ==, month);
      g_assert_cmpint (g_date_get_day (&date), ==, day);
    }
}

static void
test_written_forms (void)
{
  static const DateCase cases[] = {
    /* DESIGN §3.4a: Nov 1, 2026, 11/01/2026, 2026-11-01, 1er novembre 2026 */
    { "Invoice date: Nov 1, 2026", 2026, 11, 1 },
    { "Invoice Date\tNovember 1st, 2026", 2026, 11, 1 },
    { "Bill date 11/01/2026", 2026, 11, 1 },
    { "Statement date: 2026-11-01", 2026, 11, 1 },
    { "Date de facturation\t1er novembre 2026", 2026, 11, 1 },
    { "Date de la facture : 28 octobre 2026", 2026, 10, 28 },
    { "DATE DE FACTURE 2026/11/01", 2026, 11, 1 },
    { "Date du relevé : 3 févr. 2026", 2026, 2, 3 },
    { "Billing date: 5 juillet 2026", 2026, 7, 5 },
    { "STATEMENT DATE: NOV. 3, 2026", 2026, 11, 3 },
    { "Invoice Date 28/10/2026", 2026, 10, 28 },
    { "Issue date 1 Dec 2026", 2026, 12, 1 },
    { "Date issued: December 1, 2026", 2026, 12, 1 },
    { "INVOICE DATE 01-NOV-2026", 2026, 11, 1 },
    { "Bill Date: Nov-01-2026", 2026, 11, 1 },
    /* A CSR's run date, two-digit year */
    { "CUSTOMER SERVICE RECORD\tRUN DATE 11/02/26", 2026, 11, 2 },
    { "RUN DATE ........ 11/03/2026", 2026, 11, 3 },
    /* The label above its date (a column of a summary table) */
    { "Statement Date\n11/01/2026", 2026, 11, 1 },
    /* A bare Date, when it is no other date */
    { "Date: 10/28/2026", 2026, 10, 28 },
    { "Payment due date: Nov 20, 2026\nDate 1 févr. 2026", 2026, 2, 1 },
    /* The bill's date before the due date, whichever comes first */
    { "Due date: Nov 20, 2026\nStatement date: Oct. 21, 2026", 2026, 10, 21 },
    { "Date d'échéance 21 novembre 2026\nDate de facturation 1er novembre 2026", 2026, 11, 1 },
  };
  static const DateCase without[] = {
    { "Due date: Nov 20, 2026", 0, 0, 0 },
    { "Date d'échéance : 21 novembre 2026", 0, 0, 0 },
    { "Port date 2026-12-01", 0, 0, 0 },
    { "Service period: Oct 1, 2026 - Oct 31, 2026", 0, 0, 0 },
    { "Account number 8841-22017-5", 0, 0, 0 },
    { "Invoice date: Oct 32, 2026", 0, 0, 0 },
    { "Invoice date: Brumaire 12, 2026", 0, 0, 0 },
    { "Payment received Oct 14, 2026 - thank you", 0, 0, 0 },
    { "", 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_date (cases[i].text, cases[i].year, cases[i].month, cases[i].day);
  for (guint i = 0; i < G_N_ELEMENTS (without); i++)
    assert_date (without[i].text, 0, 0, 0);
}

static void
test_parse (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_cmpuint (porting_proof_date_parse ("on 2026-11-01.", 3, &date), ==, 13);
  g_assert_cmpint (g_date_get_day (&date), ==, 1);
  g_assert_cmpuint (porting_proof_date_parse ("2026-13-01", 0, &date), ==, 0);
  g_assert_cmpuint (porting_proof_date_parse ("02/29/2027", 0, &date), ==, 0);
  g_assert_cmpuint (porting_proof_date_parse ("02/29/2028", 0, &date), ==, 10);
}

/* Words of a row set at @y: "label" at x 60, "value" at x 300. */
static void
add_row (GArray     *words,
         GPtrArray  *owned,
         double      x,
         double      y,
         const char *text)
{
  char **parts = g_strsplit (text, " ", -1);

  g_ptr_array_add (owned, parts);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      PortingLayoutWord word = { parts[i], -1, { x, y - 8, x + 6 * strlen (parts[i]), y + 1 }, 1, PORTING_TEXT_SOURCE_TEXT };

      g_array_append_val (words, word);
      x += 6 * strlen (parts[i]) + 3;
    }
}

/* A summary box: labels in one column, values in the next, far apart, so
 * that each column is a block of its own; the date sits beside its label. */
static void
test_date_beside_its_label (void)
{
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (PortingLayoutWord));
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(PortingPageText) page = NULL;
  GDate date;

  add_row (words, owned, 60, 100, "Account summary");
  add_row (words, owned, 60, 114, "Billing telephone number");
  add_row (words, owned, 60, 128, "Statement date");
  add_row (words, owned, 60, 142, "Due date");
  add_row (words, owned, 400, 114, "(231) 555-0177");
  add_row (words, owned, 400, 128, "Nov 1, 2026");
  add_row (words, owned, 400, 142, "Nov 21, 2026");
  page = porting_page_text_new_from_words (0, (const PortingLayoutWord *) (gpointer) words->data, words->len, FALSE);

  g_date_clear (&date, 1);
  g_assert_true (porting_proof_date_find (page, &date));
  g_assert_cmpint (g_date_get_month (&date), ==, 11);
  g_assert_cmpint (g_date_get_day (&date), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/proof-date/written-forms", test_written_forms);
  g_test_add_func ("/proof-date/parse", test_parse);
  g_test_add_func ("/proof-date/beside-its-label", test_date_beside_its_label);

  return g_test_run ();
}
