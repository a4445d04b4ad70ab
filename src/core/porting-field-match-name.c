/* porting-field-match-name.c — names: the LOA's words aligned with a proof line's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-field-match"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-field-match-private.h"

static gboolean
is_filler_word (const char *word)
{
  static const char * const fillers[] = {
    "AND", "THE", "OF", "DE", "DU", "DES", "LA", "LE", "LES", "L", "D", NULL
  };

  return g_strv_contains (fillers, word);
}

gboolean
_porting_field_is_distinctive_name_word (const char *word)
{
  return !is_filler_word (word) && porting_normalize_company_suffix (word) == NULL;
}

/* Canonical words of a name; "Limited Liability Company" is LLC. */
GPtrArray *
_porting_field_name_words (GArray *tokens,
                           guint   first,
                           guint   last,
                           GArray *token_of_word)
{
  static const struct { const char *words[4]; const char *canonical; } phrases[] = {
    { { "LIMITED", "LIABILITY", "COMPANY", NULL }, "LLC" },
    { { "LIMITED", "LIABILITY", "CO", NULL }, "LLC" },
    { { "LIMITED", "LIABILITY", "PARTNERSHIP", NULL }, "LLP" },
    { { "LIMITED", "PARTNERSHIP", NULL }, "LP" },
    { { "PROFESSIONAL", "CORPORATION", NULL }, "PC" },
  };
  GPtrArray *words = g_ptr_array_new ();

  for (guint i = first; i < last; i++)
    {
      const char *folded = TOKEN (tokens, i)->folded;
      gboolean phrase_found = FALSE;

      if (g_str_equal (folded, "#"))
        continue;

      for (guint p = 0; p < G_N_ELEMENTS (phrases) && !phrase_found; p++)
        {
          guint n = 0;

          if (folded[0] != phrases[p].words[0][0])
            continue;

          while (n < 4 && phrases[p].words[n] != NULL)
            n++;
          if (i + n > last)
            continue;
          phrase_found = TRUE;
          for (guint k = 0; k < n; k++)
            {
              if (!g_str_equal (TOKEN (tokens, i + k)->folded, phrases[p].words[k]))
                phrase_found = FALSE;
            }
          if (phrase_found)
            {
              g_ptr_array_add (words, (gpointer) phrases[p].canonical);
              if (token_of_word != NULL)
                {
                  guint last_token = i + n - 1;

                  g_array_append_val (token_of_word, i);
                  g_array_append_val (token_of_word, last_token);
                }
              i += n - 1;
            }
        }
      if (phrase_found)
        continue;

      g_ptr_array_add (words, (gpointer) porting_normalize_name_word (folded));
      if (token_of_word != NULL)
        {
          g_array_append_val (token_of_word, i);
          g_array_append_val (token_of_word, i);
        }
    }

  return words;
}
/* ---- Names ---------------------------------------------------------------- */

static double
word_similarity (const char *a,
                 const char *b)
{
  if (a == b || g_str_equal (a, b))
    return 1;
  if (porting_normalize_near_words (a, b))
    return 0.8;
  /* SMITH / SMITHSON: one word the start of the other */
  if (strlen (a) >= 4 && strlen (b) >= 4 &&
      (g_str_has_prefix (a, b) || g_str_has_prefix (b, a)))
    return 0.6;
  /* Two different company suffixes stand in the same place: LLC ≠ CO.
   * (Canonical suffixes are short: skip the look-ups for other words.) */
  if (strlen (a) <= 5 && strlen (b) <= 5 &&
      porting_normalize_company_suffix (a) != NULL && porting_normalize_company_suffix (b) != NULL)
    return 0.5;
  return 0;
}

static void
add_name_difference (GPtrArray  *differences,
                     const char *loa,
                     const char *proof)
{
  /* TRANSLATORS: a word of the name on the LOA, and in its place on the proof */
  g_ptr_array_add (differences, g_strdup_printf (_("name: %s ≠ %s"), loa ?: "—", proof ?: "—"));
}

/* Pairs the words left between two aligned ones, in order. */
static void
add_unaligned (GPtrArray  *differences,
               GPtrArray  *loa_words,
               guint       loa_from,
               guint       loa_to,
               const char **proof_words,
               guint       proof_from,
               guint       proof_to)
{
  while (loa_from < loa_to || proof_from < proof_to)
    {
      add_name_difference (differences,
                           loa_from < loa_to ? g_ptr_array_index (loa_words, loa_from) : NULL,
                           proof_from < proof_to ? proof_words[proof_from] : NULL);
      loa_from++;
      proof_from++;
    }
}

/* Aligns the LOA words with proof_words[0, m) in order (a weighted longest
 * common subsequence); returns the Dice score and fills @differences. */
static double
align_names (LoaValue     *value,
             const char  **proof_words,
             guint         m,
             guint        *matched_distinctive,
             gboolean     *exact_distinctive,
             GPtrArray    *differences)
{
  GPtrArray *loa_words = value->name_words;
  guint n = loa_words->len;
  double dp[16][16];
  guint a;
  guint b;
  guint pairs_loa[16];
  guint pairs_proof[16];
  guint n_pairs = 0;
  guint loa_prev = 0;
  guint proof_prev = 0;

  g_assert (n < 16 && m < 16);

  for (a = 0; a <= n; a++)
    for (b = 0; b <= m; b++)
      {
        if (a == 0 || b == 0)
          dp[a][b] = 0;
        else
          {
            double diagonal = dp[a - 1][b - 1] + word_similarity (g_ptr_array_index (loa_words, a - 1),
                                                                  proof_words[b - 1]);

            dp[a][b] = MAX (MAX (dp[a - 1][b], dp[a][b - 1]), diagonal);
          }
      }

  *matched_distinctive = 0;
  *exact_distinctive = FALSE;

  a = n;
  b = m;
  while (a > 0 && b > 0)
    {
      const char *loa_word = g_ptr_array_index (loa_words, a - 1);
      double similarity = word_similarity (loa_word, proof_words[b - 1]);

      if (similarity > 0 && dp[a][b] == dp[a - 1][b - 1] + similarity)
        {
          pairs_loa[n_pairs] = a - 1;
          pairs_proof[n_pairs] = b - 1;
          n_pairs++;
          if (_porting_field_is_distinctive_name_word (loa_word))
            {
              (*matched_distinctive)++;
              if (similarity == 1)
                *exact_distinctive = TRUE;
            }
          a--;
          b--;
        }
      else if (dp[a][b] == dp[a - 1][b])
        a--;
      else
        b--;
    }

  if (differences != NULL)
    {
      for (guint k = n_pairs; k > 0; k--)
        {
          guint la = pairs_loa[k - 1];
          guint pb = pairs_proof[k - 1];

          add_unaligned (differences, loa_words, loa_prev, la, proof_words, proof_prev, pb);
          if (!g_str_equal (g_ptr_array_index (loa_words, la), proof_words[pb]))
            add_name_difference (differences, g_ptr_array_index (loa_words, la), proof_words[pb]);
          loa_prev = la + 1;
          proof_prev = pb + 1;
        }
      add_unaligned (differences, loa_words, loa_prev, n, proof_words, proof_prev, m);
    }

  return 2 * dp[n][m] / (n + m);
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
same_words_any_order (GPtrArray   *loa_words,
                      const char **window)
{
  guint n = loa_words->len;
  const char *sorted_loa[16];
  const char *sorted_window[16];

  g_assert (n <= 16);
  memcpy (sorted_loa, loa_words->pdata, n * sizeof (char *));
  memcpy (sorted_window, window, n * sizeof (char *));
  qsort (sorted_loa, n, sizeof (char *), compare_words);
  qsort (sorted_window, n, sizeof (char *), compare_words);
  for (guint i = 0; i < n; i++)
    {
      if (!g_str_equal (sorted_loa[i], sorted_window[i]))
        return FALSE;
    }
  return TRUE;
}

static char *
join_name_words (const char **words,
                 guint        n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_label_word (const char *word,
               gsize       len)
{
  static const char * const label_words[] = {
    "NAME", "ACCOUNT", "CUSTOMER", "COMPANY", "CLIENT", "SUBSCRIBER", "HOLDER", "TO", "NOM",
    "BUSINESS", "BILLING", NULL
  };

  for (guint i = 0; label_words[i] != NULL; i++)
    {
      if (strlen (label_words[i]) == len && strncmp (word, label_words[i], len) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Copies of tokens[first, last); a word that glues a label to the name's
 * first word ("ACCOUNTRIVERSIDE") or its last word to the next column
 * ("LLCINVOICE"), in capitals where case tells nothing, is split in two.
 * New folded strings go to @owned. */
static GArray *
line_tokens_for_name (LoaValue  *value,
                      Page      *page,
                      guint      first,
                      guint      last,
                      GPtrArray *owned)
{
  GArray *tokens = g_array_sized_new (FALSE, FALSE, sizeof (PortingToken), last - first + 2);
  const char *first_word = g_ptr_array_index (value->name_words, 0);
  const char *last_word = g_ptr_array_index (value->name_words, value->name_words->len - 1);
  gsize first_len = strlen (first_word);
  gsize last_len = strlen (last_word);

  for (guint i = first; i < last; i++)
    {
      PortingToken token = *TOKEN (page->tokens, i);
      gsize len = strlen (token.folded);
      gboolean plain = token.end - token.start == len;
      gsize split = 0;

      /* Only where the folded word is the raw one, so that offsets hold; a
       * label word before the name, a company suffix before the next column
       * ("WESTSIDE" is not "SIDE", nor "SMITHSON" "SMITH"). */
      if (plain && first_len >= 3 && len > first_len &&
          g_str_has_suffix (token.folded, first_word) &&
          is_label_word (token.folded, len - first_len))
        split = len - first_len;
      else if (plain && len >= last_len + 4 && porting_normalize_company_suffix (last_word) != NULL &&
               porting_normalize_company_suffix (token.folded) == NULL &&
               g_str_has_prefix (token.folded, last_word))
        split = last_len;

      if (split > 0)
        {
          PortingToken tail = token;
          char *head_text = g_strndup (token.folded, split);
          char *tail_text = g_strdup (token.folded + split);

          g_ptr_array_add (owned, head_text);
          g_ptr_array_add (owned, tail_text);
          token.folded = head_text;
          token.end = token.start + split;
          tail.folded = tail_text;
          tail.start = token.end;
          tail.flags = PORTING_TOKEN_GLUED;
          g_array_append_val (tokens, token);
          g_array_append_val (tokens, tail);
        }
      else
        {
          g_array_append_val (tokens, token);
        }
    }

  return tokens;
}

static void
find_name_in_line (LoaValue  *value,
                   Page      *page,
                   Line      *line,
                   Candidate *best)
{
  g_autoptr(GArray) token_of_word = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) line_tokens = NULL;
  g_autoptr(GPtrArray) words = NULL;
  guint n = value->name_words->len;
  guint first = line->value_token;
  guint last = line->last_token;
  guint m;
  gboolean *useful;

  /* Windows never take the carrier's words. */
  for (guint i = first; i < last; i++)
    {
      if (page->excluded[i])
        {
          last = i;
          break;
        }
    }
  if (first >= last)
    return;

  line_tokens = line_tokens_for_name (value, page, first, last, owned);
  words = _porting_field_name_words (line_tokens, 0, line_tokens->len, token_of_word);
  m = words->len;
  if (m == 0)
    return;

  /* A window starts and ends on a word like one of the LOA's. */
  useful = g_newa (gboolean, m);
  for (guint j = 0; j < m; j++)
    {
      useful[j] = FALSE;
      for (guint k = 0; k < n && !useful[j]; k++)
        useful[j] = word_similarity (g_ptr_array_index (value->name_words, k),
                                     g_ptr_array_index (words, j)) > 0;
    }

  for (guint i = 0; i < m; i++)
    {
      if (!useful[i])
        continue;

      for (guint len = n > 2 ? n - 2 : 1; len <= n + 2 && i + len <= m; len++)
        {
          const char **window = (const char **) words->pdata + i;
          guint first_token = g_array_index (token_of_word, guint, 2 * i);
          guint last_token = g_array_index (token_of_word, guint, 2 * (i + len - 1) + 1);
          guint start = TOKEN (line_tokens, first_token)->start;
          guint end = TOKEN (line_tokens, last_token)->end;
          gsize joined_len = 0;
          Candidate candidate;
          gboolean same;
          gboolean proof_the = i > 0 && g_str_equal (g_ptr_array_index (words, i - 1), "THE");

          if (len >= 16 || !useful[i + len - 1])
            continue;
          /* "THE COPPER KETTLE…": the window takes its "The" along. */
          if (proof_the)
            start = TOKEN (line_tokens, g_array_index (token_of_word, guint, 2 * (i - 1)))->start;

          _porting_candidate_init (&candidate);
          candidate.labelled = line->labelled;
          candidate.start = start;
          candidate.end = end;

          for (guint k = 0; k < len; k++)
            joined_len += strlen (window[k]);
          same = joined_len == strlen (value->name_joined);
          if (same)
            {
              const char *p = value->name_joined;

              for (guint k = 0; k < len && same; k++)
                {
                  gsize word_len = strlen (window[k]);

                  same = strncmp (p, window[k], word_len) == 0;
                  p += word_len;
                }
            }

          if (same)
            {
              candidate.score = 1;
              candidate.status = porting_normalize_same_characters (page->page->text + start, end - start,
                                                                    value->loa_text, -1) ?
                                 PORTING_FIELD_STATUS_EXACT : PORTING_FIELD_STATUS_EQUIVALENT;
              /* Equivalent all the same: say what was left out. */
              if (proof_the != value->name_leading_the)
                {
                  candidate.differences = g_ptr_array_new_with_free_func (g_free);
                  /* TRANSLATORS: a name compared without its leading "The" (DESIGN: equivalent) */
                  g_ptr_array_add (candidate.differences, g_strdup (_("name: a leading “The” is not counted")));
                }
            }
          else if (len == n && same_words_any_order (value->name_words, window))
            {
              /* "WHITFIELD DANA" for "Dana Whitfield": close, but for a person to judge. */
              g_autofree char *loa_order = join_name_words ((const char **) value->name_words->pdata, n);
              g_autofree char *proof_order = join_name_words (window, len);

              candidate.status = PORTING_FIELD_STATUS_MISMATCH;
              candidate.score = 0.9;
              candidate.differences = g_ptr_array_new_with_free_func (g_free);
              /* TRANSLATORS: the words of a name, on the LOA and on the proof, in another order */
              g_ptr_array_add (candidate.differences,
                               g_strdup_printf (_("name: %s ≠ %s (word order)"), loa_order, proof_order));
            }
          else
            {
              guint matched;
              gboolean exact_word;
              double score = align_names (value, window, len, &matched, &exact_word, NULL);
              /* Both words of a two-word name (one may be misspelt), half of a longer one. */
              guint needed = value->n_distinctive <= 2 ? value->n_distinctive :
                             (value->n_distinctive + 1) / 2;

              if (value->n_distinctive == 0 || matched < needed || !exact_word || score < 0.5)
                {
                  _porting_candidate_clear (&candidate);
                  continue;
                }

              candidate.status = PORTING_FIELD_STATUS_MISMATCH;
              candidate.score = score;
              if (!_porting_candidate_is_better (&candidate, best))
                {
                  _porting_candidate_clear (&candidate);
                  continue;
                }
              candidate.differences = g_ptr_array_new_with_free_func (g_free);
              align_names (value, window, len, &matched, &exact_word, candidate.differences);
            }

          candidate.text = g_strndup (page->page->text + start, end - start);
          _porting_candidate_offer (best, &candidate);
        }
    }
}

void
_porting_field_find_name (LoaValue  *value,
                          Page      *page,
                          Candidate *best)
{
  if (value->name_words->len == 0 || value->name_words->len >= 14)
    return;

  for (guint l = 0; l < page->lines->len; l++)
    find_name_in_line (value, page, &g_array_index (page->lines, Line, l), best);

  /* A long name wrapped onto the next line of its block ("Kowalczyk
   * Plumbing &" / "Heating Inc"): found whole across the two, or not
   * taken (two lines make no mismatch). */
  if (!page->has_blocks || best->status <= PORTING_FIELD_STATUS_EQUIVALENT)
    return;
  for (guint l = 0; l + 1 < page->lines->len; l++)
    {
      const Line *line = &g_array_index (page->lines, Line, l);
      const Line *next = &g_array_index (page->lines, Line, l + 1);
      Line both = *line;
      Candidate wrapped;

      if (line->first_token >= line->last_token || next->first_token >= next->last_token ||
          !_porting_field_same_block (page, l, l + 1))
        continue;

      both.end = next->end;
      both.last_token = next->last_token;
      _porting_candidate_init (&wrapped);
      find_name_in_line (value, page, &both, &wrapped);
      if (wrapped.status <= PORTING_FIELD_STATUS_EQUIVALENT && wrapped.start < line->end && wrapped.end > next->start)
        _porting_candidate_offer (best, &wrapped);
      else
        _porting_candidate_clear (&wrapped);
    }
}
