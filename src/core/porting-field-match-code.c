/* porting-field-match-code.c — account numbers and billing telephone numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-field-match"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-field-match-private.h"

/* ---- Account numbers and billing numbers ---------------------------------- */

static gboolean
has_digit (const char *s,
           gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isdigit (s[i]))
        return TRUE;
    }
  return FALSE;
}

/* BAN: billing account number */
static const char * const account_words[] = { "ACCOUNT", "ACCT", "COMPTE", "ACC", "BAN", NULL };
static const char * const customer_words[] = { "CUSTOMER", "CLIENT", NULL };
static const char * const account_number_words[] = {
  "NUMBER", "NO", "NUM", "NBR", "ID", "#", "NUMERO", "DE", "N", "O", NULL
};

/* The end of a value that starts at @start: letters, digits, '-', '.', '/',
 * and single spaces before digits ("8841 22017 5", "KC 4471 0093 2"). */
static const char *
value_end (const char *start,
           const char *limit)
{
  const char *end = start;
  const char *p = start;

  while (p < limit)
    {
      if (g_ascii_isalnum (*p))
        end = ++p;
      else if (*p == '-' || *p == '.' || *p == '/')
        p++;
      else if (*p == ' ' && p == end && p > start && g_ascii_isalnum (p[-1]) &&
               p + 1 < limit && g_ascii_isdigit (p[1]))
        p++;
      else
        break;
    }

  return end;
}

/* A number the LOA's may have been mistyped into: as long, or alike for
 * half its characters; never one holding the other ("CV-77120934" and
 * "77120934" are one account written two ways). A BTN is ten digits:
 * any other ten is another number. */
static gboolean
is_close_code (PortingField  field,
               const char   *proof,
               const char   *loa)
{
  gsize proof_length = strlen (proof);
  gsize loa_length = strlen (loa);

  if (field == PORTING_FIELD_BTN)
    return TRUE;
  if (proof_length != loa_length && (strstr (proof, loa) != NULL || strstr (loa, proof) != NULL))
    return FALSE;
  return proof_length == loa_length || porting_normalize_similarity (proof, loa) >= 0.5;
}

static void
offer_code_candidate (LoaValue   *value,
                      Page       *page,
                      guint       start,
                      guint       end,
                      gboolean    labelled,
                      Candidate  *best)
{
  const char *text = page->page->text;
  Candidate candidate;
  g_autofree char *proof = NULL;
  const char *loa_key;

  _porting_candidate_init (&candidate);
  candidate.start = start;
  candidate.end = end;
  candidate.labelled = labelled;
  candidate.text = g_strndup (text + start, end - start);

  if (value->field == PORTING_FIELD_BTN)
    {
      proof = porting_normalize_phone_digits (candidate.text, -1);
      loa_key = value->digits;
    }
  else
    {
      proof = porting_normalize_compact (candidate.text, -1);
      loa_key = value->compact;
    }

  if (proof == NULL || loa_key == NULL || proof[0] == '\0')
    {
      _porting_candidate_clear (&candidate);
      return;
    }

  if (g_str_equal (proof, loa_key))
    {
      candidate.score = 1;
      candidate.status = porting_normalize_same_characters (candidate.text, -1, value->loa_text, -1) ?
                         PORTING_FIELD_STATUS_EXACT : PORTING_FIELD_STATUS_EQUIVALENT;
    }
  else if (labelled && !is_close_code (value->field, proof, loa_key))
    {
      /* "77120934" for "CV-77120934", or nothing alike: another number
       * the bill shows, not the LOA's written wrong. */
      _porting_candidate_clear (&candidate);
      return;
    }
  else if (labelled)
    {
      const char *what = value->field == PORTING_FIELD_BTN ? _("billing telephone number") : _("account number");

      candidate.status = PORTING_FIELD_STATUS_MISMATCH;
      candidate.score = porting_normalize_similarity (proof, loa_key);
      candidate.differences = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (candidate.differences,
                       g_strdup_printf (_("%s: %s ≠ %s"), what, value->loa_text, candidate.text));
    }
  else
    {
      _porting_candidate_clear (&candidate);
      return;
    }

  _porting_candidate_offer (best, &candidate);
}

/* The value after a label ending at tokens[label_last - 1]: on the same line,
 * else at the start of the next one. Only a @labelled value can be a
 * mismatch; another one counts when it is the LOA's. */
static void
find_value_after_label (LoaValue  *value,
                        Page      *page,
                        guint      label_last,
                        gboolean   labelled,
                        Candidate *best)
{
  const char *text = page->page->text;
  guint line_index = page->line_of_token[label_last - 1];
  Line *line = &g_array_index (page->lines, Line, line_index);
  guint i = label_last;
  const char *start;
  const char *end;
  const char *limit;

  /* The label ends its line: its value beside it in the next block of the
   * row (a summary box), else under it. */
  if (i >= line->last_token)
    {
      int beside = _porting_field_line_beside (page, line_index);

      if (beside >= 0)
        line = &g_array_index (page->lines, Line, beside);
      else if (line_index + 1 < page->lines->len)
        line = &g_array_index (page->lines, Line, line_index + 1);
      i = line->first_token;
    }

  /* "Your account number is 8841…", "Acct # 8841…" */
  while (i < line->last_token &&
         (g_str_equal (TOKEN (page->tokens, i)->folded, "IS") ||
          g_str_equal (TOKEN (page->tokens, i)->folded, "#")))
    i++;
  if (i >= line->last_token)
    return;

  start = text + TOKEN (page->tokens, i)->start;
  limit = text + line->end;

  if (value->field == PORTING_FIELD_BTN)
    {
      while (start > text + line->start && (start[-1] == '(' || start[-1] == '+'))
        start--;
      end = start;
      while (end < limit && (g_ascii_isdigit (*end) || strchr ("()-. +", *end) != NULL))
        end++;
      while (end > start && !g_ascii_isdigit (end[-1]))
        end--;
    }
  else
    {
      /* The raw value: "ML-300-441-982" is one even though the tokens split it. */
      end = value_end (start, limit);
    }

  if (end > start && has_digit (start, end - start))
    offer_code_candidate (value, page, start - text, end - text, labelled, best);
}

/* Whether text[start, end) has @compact's letters and digits, in order. */
static gboolean
compact_equals (const char *start,
                const char *end,
                const char *compact)
{
  for (const char *p = start; p < end; p++)
    {
      if (!g_ascii_isalnum (*p))
        continue;
      if (g_ascii_toupper (*p) != *compact)
        return FALSE;
      compact++;
    }
  return *compact == '\0';
}

void
_porting_field_find_code (LoaValue  *value,
                          Page      *page,
                          Candidate *best)
{
  static const char * const btn_labels[][4] = {
    { "BTN" }, { "BILLING", "TELEPHONE", "NUMBER" }, { "BILLING", "TELEPHONE" },
    { "BILLING", "TEL" }, { "BILLING", "PHONE" }, { "BILLING", "NUMBER" },
    { "MAIN", "NUMBER" }, { "MAIN", "TELEPHONE", "NUMBER" }, { "MAIN", "PHONE" },
    { "MAIN", "TELEPHONE" }, { "NUMERO", "DE", "FACTURATION" }, { "BILLING", "TN" },
    { "TELEPHONE", "DE", "FACTURATION" }, { "ACCOUNT", "TELEPHONE", "NUMBER" },
  };
  /* A bill for one line often names its number only as the customer's
   * phone: that number is the BTN when it is the LOA's, but a different
   * one may be the customer-care line, so it never makes a mismatch. */
  static const char * const phone_labels[][4] = {
    { "PHONE", "NUMBER" }, { "TELEPHONE", "NUMBER" }, { "NUMERO", "DE", "TELEPHONE" },
    { "TELEPHONE", "PRINCIPAL" }, { "SERVICE", "NUMBER" }, { "PHONE" }, { "TELEPHONE" }, { "TEL" },
  };
  Candidate by_phone_label;

  _porting_candidate_init (&by_phone_label);

  for (guint i = 0; i < page->tokens->len; i++)
    {
      const char *folded = TOKEN (page->tokens, i)->folded;
      guint label_last = 0;
      gboolean labelled = TRUE;

      /* Account and billing numbers in a payment stub are still the customer's:
       * no exclusion here. */
      if (value->field == PORTING_FIELD_ACCOUNT_NUMBER)
        {
          guint line_last = g_array_index (page->lines, Line, page->line_of_token[i]).last_token;

          gboolean customer = g_strv_contains (customer_words, folded);

          if (!customer && !g_strv_contains (account_words, folded))
            continue;
          label_last = i + 1;
          while (label_last < line_last &&
                 (TOKEN (page->tokens, label_last - 1)->flags & PORTING_TOKEN_PUNCT_END) == 0 &&
                 g_strv_contains (account_number_words, TOKEN (page->tokens, label_last)->folded))
            label_last++;
          /* "Customer number" is one, "Customer: Acme" is not. */
          if (customer && label_last == i + 1)
            continue;
          /* "Account summary", "Account name": not a number's label */
          if (label_last == i + 1 && (TOKEN (page->tokens, i)->flags & PORTING_TOKEN_PUNCT_END) == 0 &&
              label_last < line_last && !g_ascii_isdigit (TOKEN (page->tokens, label_last)->folded[0]))
            continue;
        }
      else
        {
          guint line_last = g_array_index (page->lines, Line, page->line_of_token[i]).last_token;

          for (guint l = 0; l < G_N_ELEMENTS (btn_labels) && label_last == 0; l++)
            {
              guint n = _porting_field_count_words (btn_labels[l], 4);

              if (_porting_field_tokens_are (page, i, line_last, btn_labels[l], n))
                label_last = i + n;
            }
          for (guint l = 0; l < G_N_ELEMENTS (phone_labels) && label_last == 0; l++)
            {
              guint n = _porting_field_count_words (phone_labels[l], 4);

              if (_porting_field_tokens_are (page, i, line_last, phone_labels[l], n))
                {
                  label_last = i + n;
                  labelled = FALSE;
                }
            }
          if (label_last == 0)
            continue;
        }

      find_value_after_label (value, page, label_last, labelled, labelled ? best : &by_phone_label);
    }

  /* Never over a number the bill labels as its billing number. */
  if (best->status == PORTING_FIELD_STATUS_NOT_FOUND)
    _porting_candidate_offer (best, &by_phone_label);
  else
    _porting_candidate_clear (&by_phone_label);

  /* The account number written anywhere else, in any spelling. */
  if (value->field == PORTING_FIELD_ACCOUNT_NUMBER && best->status > PORTING_FIELD_STATUS_EQUIVALENT &&
      value->compact != NULL && strlen (value->compact) >= 6)
    {
      for (guint l = 0; l < page->lines->len; l++)
        {
          Line *line = &g_array_index (page->lines, Line, l);
          const char *text = page->page->text;

          for (guint i = line->first_token; i < line->last_token; i++)
            {
              const char *start = text + TOKEN (page->tokens, i)->start;
              const char *end;

              if (!g_ascii_isalnum (*start) || g_ascii_toupper (*start) != value->compact[0])
                continue;
              if (start > text + line->start && g_ascii_isalnum (start[-1]))
                continue;
              end = value_end (start, text + line->end);
              if (compact_equals (start, end, value->compact))
                offer_code_candidate (value, page, start - text, end - text, FALSE, best);
            }
        }
    }
}
