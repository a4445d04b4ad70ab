/* porting-proof-date.c — the date an invoice or a CSR was issued
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Carriers want a bill from the last 30 days, so the date that counts is
 * the one the bill was issued, next to its label: Invoice date, Bill date,
 * Statement date, Run date on a CSR, Date de facturation… A due date, a
 * port date or a service period is not it. The date follows its label on
 * its line, sits under it, or stands beside it in another block of the
 * same row (a summary box: labels in one column, values in the next).
 */

#define G_LOG_DOMAIN "porting-proof-date"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "porting-proof-date.h"

/* What may stand between a label and its date: ':', leaders, white space. */
#define MAX_GAP 24

static GDateMonth
parse_month (const char *word,
             gsize       length)
{
  static const struct { const char *name; GDateMonth month; } months[] = {
    { "jan", G_DATE_JANUARY }, { "january", G_DATE_JANUARY }, { "janv", G_DATE_JANUARY },
    { "janvier", G_DATE_JANUARY }, { "feb", G_DATE_FEBRUARY }, { "february", G_DATE_FEBRUARY },
    { "fév", G_DATE_FEBRUARY }, { "févr", G_DATE_FEBRUARY }, { "février", G_DATE_FEBRUARY },
    { "fev", G_DATE_FEBRUARY }, { "fevr", G_DATE_FEBRUARY }, { "fevrier", G_DATE_FEBRUARY },
    { "mar", G_DATE_MARCH }, { "march", G_DATE_MARCH }, { "mars", G_DATE_MARCH },
    { "apr", G_DATE_APRIL }, { "april", G_DATE_APRIL }, { "avr", G_DATE_APRIL },
    { "avril", G_DATE_APRIL }, { "may", G_DATE_MAY }, { "mai", G_DATE_MAY },
    { "jun", G_DATE_JUNE }, { "june", G_DATE_JUNE }, { "juin", G_DATE_JUNE },
    { "jul", G_DATE_JULY }, { "july", G_DATE_JULY }, { "juil", G_DATE_JULY },
    { "juillet", G_DATE_JULY }, { "aug", G_DATE_AUGUST }, { "august", G_DATE_AUGUST },
    { "août", G_DATE_AUGUST }, { "aout", G_DATE_AUGUST }, { "sep", G_DATE_SEPTEMBER },
    { "sept", G_DATE_SEPTEMBER }, { "september", G_DATE_SEPTEMBER }, { "septembre", G_DATE_SEPTEMBER },
    { "oct", G_DATE_OCTOBER }, { "october", G_DATE_OCTOBER }, { "octobre", G_DATE_OCTOBER },
    { "nov", G_DATE_NOVEMBER }, { "november", G_DATE_NOVEMBER }, { "novembre", G_DATE_NOVEMBER },
    { "dec", G_DATE_DECEMBER }, { "december", G_DATE_DECEMBER }, { "déc", G_DATE_DECEMBER },
    { "décembre", G_DATE_DECEMBER }, { "decembre", G_DATE_DECEMBER },
  };
  g_autofree char *lower = g_utf8_strdown (word, length);

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      if (g_str_equal (lower, months[i].name))
        return months[i].month;
    }
  return G_DATE_BAD_MONTH;
}

static int
fetch_int (GMatchInfo *match_info,
           int         group)
{
  g_autofree char *text = g_match_info_fetch (match_info, group);

  return text != NULL && text[0] != '\0' ? atoi (text) : -1;
}

static gboolean
set_date (GDate *date,
          int    day,
          int    month,
          int    year)
{
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* Groups: 1-3 "Nov 1, 2026" (or "Nov-01-2026"), 4-6 "1er novembre 2026"
 * (or "01-Nov-2026"), 7-9 "2026-11-01", 10-12 "11/01/2026", 13-15
 * "11/01/26". */
static GRegex *
date_regex (void)
{
  static GRegex *regex = NULL;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      const char *pattern =
        "(?:"
        "(\\p{L}{3,9})\\.?(?:\\s+|-)(\\d{1,2})(?:st|nd|rd|th)?,?(?:\\s+|-)(\\d{4})(?!\\d)"
        "|(\\d{1,2})(?:er|re|e)?(?:\\s+|-)(\\p{L}{3,9})\\.?,?(?:\\s+|-)(\\d{4})(?!\\d)"
        "|(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)"
        "|(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})(?!\\d)"
        "|(\\d{1,2})/(\\d{1,2})/(\\d{2})(?![\\d/])"
        ")";
      g_autoptr(GError) error = NULL;

      regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &error);
      if (regex == NULL)
        g_error ("Bad date pattern: %s", error->message);
      g_once_init_leave (&initialized, 1);
    }

  return regex;
}

guint
porting_proof_date_parse (const char *text,
                          guint       start,
                          GDate      *date)
{
  g_autoptr(GMatchInfo) match_info = NULL;
  int end = 0;
  int day = -1, month = -1, year = -1;

  g_return_val_if_fail (text != NULL && date != NULL, 0);

  if (!g_regex_match_full (date_regex (), text, -1, start, G_REGEX_MATCH_ANCHORED, &match_info, NULL))
    return 0;
  g_match_info_fetch_pos (match_info, 0, NULL, &end);

  if ((year = fetch_int (match_info, 3)) > 0)
    {
      int word_start, word_end;

      g_match_info_fetch_pos (match_info, 1, &word_start, &word_end);
      month = parse_month (text + word_start, word_end - word_start);
      day = fetch_int (match_info, 2);
    }
  else if ((year = fetch_int (match_info, 6)) > 0)
    {
      int word_start, word_end;

      g_match_info_fetch_pos (match_info, 5, &word_start, &word_end);
      month = parse_month (text + word_start, word_end - word_start);
      day = fetch_int (match_info, 4);
    }
  else if ((year = fetch_int (match_info, 7)) > 0)
    {
      month = fetch_int (match_info, 8);
      day = fetch_int (match_info, 9);
    }
  else
    {
      gboolean short_year = (year = fetch_int (match_info, 12)) <= 0;

      if (short_year)
        year = 2000 + fetch_int (match_info, 15);
      month = fetch_int (match_info, short_year ? 13 : 10);
      day = fetch_int (match_info, short_year ? 14 : 11);
      /* 11/01/2026 in North America; 28/10/2026 where it cannot be a month. */
      if (month > 12 && day <= 12)
        {
          int swap = month;

          month = day;
          day = swap;
        }
    }

  return set_date (date, day, month, year) ? (guint) end : 0;
}

/* The labels of the date a bill was issued, English and French. */
static GRegex *
label_regex (void)
{
  static GRegex *regex = NULL;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      const char *pattern =
        "(?<![\\p{L}])(?:"
        "(?:invoice|bill|billing|statement|issue|issued|print|printed|run|document|account|csr)\\s+date"
        "|date\\s+(?:of\\s+(?:this\\s+)?(?:invoice|bill|statement|issue)|issued|printed|prepared|run)"
        "|date\\s+(?:de\\s+(?:la\\s+)?|du\\s+|d['’])(?:facturation|facture|relev[ée]|[ée]mission|[ée]tat\\s+de\\s+compte)"
        "|date"
        ")(?![\\p{L}])";
      g_autoptr(GError) error = NULL;

      regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &error);
      if (regex == NULL)
        g_error ("Bad date label pattern: %s", error->message);
      g_once_init_leave (&initialized, 1);
    }

  return regex;
}

/* A bare "Date", not "Due date", "Port date", "Service date"…: no word
 * right before it. */
static gboolean
is_bare_date_label (const char *text,
                    int         start,
                    int         end)
{
  int p = start;

  if (end - start != 4)
    return FALSE;
  while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t'))
    p--;
  return p == 0 || !g_unichar_isalpha (g_utf8_get_char (g_utf8_find_prev_char (text, text + p)));
}

/* The date right after a label ending at @end: past ':', leaders and
 * white space (a line break too: the date under its label). */
static gboolean
date_after (const char *text,
            guint       end,
            GDate      *date)
{
  guint p = end;

  while (text[p] != '\0' && p - end < MAX_GAP &&
         (g_ascii_isspace (text[p]) || text[p] == ':' || text[p] == '.' || text[p] == '-' ||
          text[p] == '_'))
    p++;

  return porting_proof_date_parse (text, p, date) > 0;
}

typedef struct
{
  guint start;
  guint end;
} Label;

/* Every bill-date label in @text, best first: a qualified one ("Statement
 * date") before a bare "Date". */
static GArray *
find_labels (const char *text)
{
  g_autoptr(GMatchInfo) match_info = NULL;
  GArray *labels = g_array_new (FALSE, FALSE, sizeof (Label));
  GArray *bare = g_array_new (FALSE, FALSE, sizeof (Label));

  g_regex_match (label_regex (), text, 0, &match_info);
  while (g_match_info_matches (match_info))
    {
      int start = 0, end = 0;
      Label label;

      g_match_info_fetch_pos (match_info, 0, &start, &end);
      label.start = start;
      label.end = end;
      if (end - start > 4)
        g_array_append_val (labels, label);
      else if (is_bare_date_label (text, start, end))
        g_array_append_val (bare, label);
      g_match_info_next (match_info, NULL);
    }

  g_array_append_vals (labels, bare->data, bare->len);
  g_array_unref (bare);

  return labels;
}

gboolean
porting_proof_date_find_in_text (const char *text,
                                 GDate      *date)
{
  g_autoptr(GArray) labels = NULL;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  labels = find_labels (text);
  for (guint i = 0; i < labels->len; i++)
    {
      if (date_after (text, g_array_index (labels, Label, i).end, date))
        return TRUE;
    }

  return FALSE;
}

/* The line holding byte @offset, or -1. */
static int
line_at (PortingPageText *page,
         guint            offset)
{
  for (guint l = 0; l < page->lines->len; l++)
    {
      const PortingTextLine *line = &g_array_index (page->lines, PortingTextLine, l);

      if (offset >= line->start && offset <= line->end)
        return l;
    }
  return -1;
}

/* A label alone at the end of its line, its date in the block beside it on
 * its row ("Statement date" | "Nov 1, 2026"). */
static gboolean
date_beside (PortingPageText *page,
             const Label     *label,
             GDate           *date)
{
  int l = line_at (page, label->start);
  const PortingTextLine *line;
  double best_x = G_MAXDOUBLE;
  int best = -1;

  if (l < 0)
    return FALSE;
  line = &g_array_index (page->lines, PortingTextLine, l);

  for (guint o = 0; o < page->lines->len; o++)
    {
      const PortingTextLine *other = &g_array_index (page->lines, PortingTextLine, o);
      double height = MIN (line->rect.y2 - line->rect.y1, other->rect.y2 - other->rect.y1);
      double shared = MIN (line->rect.y2, other->rect.y2) - MAX (line->rect.y1, other->rect.y1);

      if (other->block == line->block || other->rect.x1 < line->rect.x2 - 1 || shared < 0.5 * height)
        continue;
      if (other->rect.x1 < best_x)
        {
          best_x = other->rect.x1;
          best = o;
        }
    }

  return best >= 0 &&
         porting_proof_date_parse (page->text, g_array_index (page->lines, PortingTextLine, best).start, date) > 0;
}

gboolean
porting_proof_date_find (PortingPageText *page,
                         GDate           *date)
{
  g_autoptr(GArray) labels = NULL;

  g_return_val_if_fail (page != NULL && date != NULL, FALSE);

  if (page->text == NULL)
    return FALSE;

  labels = find_labels (page->text);
  for (guint i = 0; i < labels->len; i++)
    {
      const Label *label = &g_array_index (labels, Label, i);

      if (date_after (page->text, label->end, date) ||
          (page->lines->len > 0 && date_beside (page, label, date)))
        return TRUE;
    }

  return FALSE;
}
