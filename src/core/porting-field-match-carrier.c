/* porting-field-match-carrier.c — the LOA's current carrier against the carrier the proof is from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The carrier's name is on its own bill: in the header, in the footer, in
 * the block where it asks to be paid. So the LOA's carrier is looked for
 * everywhere, the carrier's own blocks included. Only when it is nowhere
 * and the proof says whose it is — the payee of its "Remit to" block, a
 * "Carrier:" label — is it a mismatch: a name in the header alone could as
 * well be the customer's, and a wrong warning is worse than none.
 */

#define G_LOG_DOMAIN "porting-field-match"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-field-match-private.h"

/* Words any carrier may have: they tell two carriers apart no better than
 * a company suffix does. */
static gboolean
is_generic_carrier_word (const char *word)
{
  static const char * const generic[] = {
    "TELECOM", "TELECOMMUNICATIONS", "TELEPHONE", "TEL", "TELCO", "COMMUNICATIONS", "COMMUNICATION",
    "COMM", "COMMS", "NETWORKS", "NETWORK", "WIRELESS", "MOBILITY", "MOBILE", "FIBER", "FIBRE",
    "BROADBAND", "CABLE", "VOICE", "DIGITAL", "SERVICES", "SERVICE", "SOLUTIONS", "GROUP",
    "BUSINESS", "TELECOMMUNICATION", "TELEPHONIE", "TELECOMS", "AND", "THE", "OF", "DE", "DU", "LA",
    NULL
  };

  return g_strv_contains (generic, word) || porting_normalize_company_suffix (word) != NULL;
}

static void
offer (LoaValue           *value,
       Page               *page,
       guint               first_token,
       guint               last_token,
       PortingFieldStatus  status,
       Candidate          *best)
{
  const char *text = page->page->text;
  Candidate candidate;
  guint start = TOKEN (page->tokens, first_token)->start;
  guint end = TOKEN (page->tokens, last_token - 1)->end;

  _porting_candidate_init (&candidate);
  candidate.start = start;
  candidate.end = end;
  candidate.text = g_strndup (text + start, end - start);
  candidate.labelled = TRUE;

  if (status == PORTING_FIELD_STATUS_MISMATCH)
    {
      candidate.score = 0.5;
      candidate.differences = g_ptr_array_new_with_free_func (g_free);
      /* TRANSLATORS: the carrier on the LOA, and the one the bill is from */
      g_ptr_array_add (candidate.differences,
                       g_strdup_printf (_("carrier: %s ≠ %s"), value->loa_text, candidate.text));
    }
  else
    {
      candidate.score = 1;
      if (porting_normalize_same_characters (candidate.text, -1, value->loa_text, -1))
        status = PORTING_FIELD_STATUS_EXACT;
    }
  candidate.status = status;

  _porting_candidate_offer (best, &candidate);
}

/* The LOA's carrier, word for word, in tokens[first, last): returns the
 * first token of the run, or -1. */
static int
find_words (LoaValue *value,
            Page     *page,
            guint     first,
            guint     last,
            guint    *run_last)
{
  g_autoptr(GArray) token_of_word = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) words = _porting_field_name_words (page->tokens, first, last, token_of_word);
  guint n = value->name_words->len;

  for (guint i = 0; n > 0 && i + n <= words->len; i++)
    {
      gboolean same = TRUE;

      for (guint k = 0; k < n && same; k++)
        same = g_str_equal (g_ptr_array_index (words, i + k), g_ptr_array_index (value->name_words, k));
      if (same)
        {
          *run_last = g_array_index (token_of_word, guint, 2 * (i + n - 1) + 1) + 1;
          return g_array_index (token_of_word, guint, 2 * i);
        }
    }
  return -1;
}

/* The payee's name at tokens[first…), up to the end of its segment; FALSE
 * when it is an address ("PO Box 7700"), not a name. */
static gboolean
payee_name (Page  *page,
            guint  first,
            guint *last)
{
  guint line_last = g_array_index (page->lines, Line, page->line_of_token[first]).last_token;
  guint end = first;

  while (end < line_last && (end == first || (TOKEN (page->tokens, end)->flags & PORTING_TOKEN_SEGMENT_BREAK) == 0))
    end++;

  for (guint i = first; i < end; i++)
    {
      const char *folded = TOKEN (page->tokens, i)->folded;

      if (strpbrk (folded, "0123456789") != NULL || g_str_equal (folded, "BOX") ||
          g_str_equal (folded, "PO") || g_str_equal (folded, "CP"))
        return FALSE;
    }

  *last = end;
  return end > first && end - first <= 6;
}

void
_porting_field_find_carrier (LoaValue  *value,
                             Page      *page,
                             Candidate *best)
{
  guint n_distinctive = 0;

  if (value->name_words->len == 0)
    return;

  /* Anywhere: its header, its footer, its remit block. */
  for (guint l = 0; l < page->lines->len; l++)
    {
      Line *line = &g_array_index (page->lines, Line, l);
      guint run_last = 0;
      int run;

      if (line->first_token >= line->last_token)
        continue;
      run = find_words (value, page, line->first_token, line->last_token, &run_last);
      if (run >= 0)
        offer (value, page, run, run_last, PORTING_FIELD_STATUS_EQUIVALENT, best);
    }

  if (best->status <= PORTING_FIELD_STATUS_EQUIVALENT)
    return;

  for (guint i = 0; i < value->name_words->len; i++)
    n_distinctive += !is_generic_carrier_word (g_ptr_array_index (value->name_words, i));
  if (n_distinctive == 0)
    return;

  /* Nowhere: then whose the proof says it is. */
  for (guint p = 0; p < page->payees->len; p++)
    {
      guint first = g_array_index (page->payees, guint, p);
      guint last = 0;
      g_autoptr(GArray) token_of_word = NULL;
      g_autoptr(GPtrArray) words = NULL;
      guint shared = 0;

      if (!payee_name (page, first, &last))
        continue;

      /* The same carrier written longer or shorter ("Bluewater
       * Communications Inc") is that carrier. */
      token_of_word = g_array_new (FALSE, FALSE, sizeof (guint));
      words = _porting_field_name_words (page->tokens, first, last, token_of_word);
      for (guint i = 0; i < value->name_words->len; i++)
        {
          const char *word = g_ptr_array_index (value->name_words, i);

          if (!is_generic_carrier_word (word) &&
              g_ptr_array_find_with_equal_func (words, word, g_str_equal, NULL))
            shared++;
        }

      offer (value, page, first, last,
             shared == n_distinctive ? PORTING_FIELD_STATUS_EQUIVALENT : PORTING_FIELD_STATUS_MISMATCH,
             best);
    }
}
