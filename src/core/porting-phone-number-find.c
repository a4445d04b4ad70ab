/* porting-phone-number-find.c — telephone numbers written in running text (documents)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-phone-number"

#include "config.h"

#include <string.h>

#include "porting-phone-number.h"
#include "porting-phone-utils.h"

/* Fewer digits than this is no telephone number worth finding in a document. */
#define MIN_DIGITS_IN_TEXT 7
/* Characters of context given to the matcher on each side of a run, so it can see
 * a letter or currency sign glued to the digits, or an extension after them. */
#define CONTEXT_BYTES 20
/* Long runs of digits and separators (tables of amounts) go to the matcher in
 * overlapping windows: its cost grows faster than the length of its input. */
#define MAX_WINDOW_BYTES 96
#define WINDOW_OVERLAP_BYTES 40

typedef struct
{
  GPtrArray  *found;
  gsize       window_offset; /* where the matcher's window starts in the text */
  gsize       accept_from;   /* only matches starting in [accept_from, accept_to) */
  gsize       accept_to;
  gsize       last_end;      /* of the last number kept, to drop overlaps */
  gboolean    nanp_default;  /* the default region dials +1 */
} FindState;

static void
on_number_found (const char        *raw,
                 gsize              start,
                 gsize              end,
                 const char        *e164,
                 const char        *region,
                 PortingNumberType  type,
                 gpointer           user_data)
{
  FindState *state = user_data;
  PortingPhoneNumber *number;
  gsize absolute_start = state->window_offset + start;
  gsize absolute_end = state->window_offset + end;

  if (absolute_start < state->accept_from ||
      absolute_start >= state->accept_to ||
      (state->found->len > 0 && absolute_start < state->last_end))
    return;

  number = g_new0 (PortingPhoneNumber, 1);
  number->input = g_strdup (raw);
  number->e164 = g_strdup (e164);
  number->region = g_strdup (region);
  number->country_name = porting_phone_utils_country_name (region);
  number->type = type;
  number->valid = TRUE;
  number->start = absolute_start;
  number->end = absolute_end;

  state->last_end = absolute_end;
  g_ptr_array_add (state->found, number);
}

/* Length of the run character at @p (digits and what is written between them),
 * 0 when @p is not one. */
static inline gsize
run_char_length (const char *p,
                 const char *end)
{
  const guchar c = (guchar) *p;

  if (g_ascii_isdigit (c))
    return 1;

  switch (c)
    {
    case ' ': case '+': case '(': case ')': case '-': case '.': case '/':
      return 1;
    case 0xC2:
      /* U+00A0 no-break space */
      if (end - p >= 2 && (guchar) p[1] == 0xA0)
        return 2;
      return 0;
    case 0xE2:
      /* U+2010..U+2015 hyphens and dashes, U+2009 thin space, U+202F narrow no-break space */
      if (end - p >= 3 && (guchar) p[1] == 0x80)
        {
          const guchar c2 = (guchar) p[2];

          if ((c2 >= 0x90 && c2 <= 0x95) || c2 == 0x89 || c2 == 0xAF)
            return 3;
        }
      return 0;
    default:
      return 0;
    }
}

static inline gboolean
is_run_start (char c)
{
  return g_ascii_isdigit (c) || c == '+' || c == '(';
}

/* "ML-300-441-9820", "AB4155220175", "INV-5105550142": an identifier, not a number. */
static gboolean
is_glued_to_word (const char *text,
                  gsize       run_start)
{
  char before;

  if (run_start == 0)
    return FALSE;

  before = text[run_start - 1];
  if (g_ascii_isalpha (before) || before == '_')
    return TRUE;

  if (before == '-' && run_start >= 2)
    return g_ascii_isalnum (text[run_start - 2]);

  return FALSE;
}

/* Reads the ASCII word ending right before @end (skipping separators), lower-cased
 * into @word; returns where it starts. */
static gsize
previous_word (const char *text,
               gsize       end,
               char       *word,
               gsize       word_size)
{
  gsize word_end;
  gsize word_start;

  while (end > 0 && strchr (" \t:#.-", text[end - 1]) != NULL && text[end - 1] != '\0')
    end--;

  word_end = end;
  while (end > 0 && g_ascii_isalpha (text[end - 1]) && word_end - end < word_size - 1)
    end--;
  word_start = end;

  for (gsize i = word_start; i < word_end; i++)
    word[i - word_start] = g_ascii_tolower (text[i]);
  word[word_end - word_start] = '\0';

  return word_start;
}

/* "Order 2026111412", "Account number: 5105550142": a bare run of digits after a
 * label of this kind is an identifier that happens to look like a number. Written
 * with separators, the matcher's grouping rules tell them apart. */
static gboolean
is_labelled_identifier (const char *text,
                        gsize       run_start,
                        gsize       run_end)
{
  static const char * const labels[] = {
    "account", "acct", "order", "invoice", "inv", "reference", "ref", "confirmation",
    "conf", "customer", "ticket", "case", "po", "card", "serial", "tracking",
    "transaction", "member", "policy", "contract", "cheque", "client",
  };
  char word[16];
  gsize start;

  for (gsize i = run_start; i < run_end; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  /* "Account number", "Customer ID", "Order no.": the word before says what it is;
   * "Caller ID" does not make an identifier. */
  start = previous_word (text, run_start, word, sizeof word);
  if (g_str_equal (word, "number") || g_str_equal (word, "no") || g_str_equal (word, "num") ||
      g_str_equal (word, "nr") || g_str_equal (word, "id"))
    previous_word (text, start, word, sizeof word);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (word, labels[i]))
      return TRUE;

  return FALSE;
}

static gsize
utf8_align_back (const char *text,
                 gsize       offset)
{
  while (offset > 0 && ((guchar) text[offset] & 0xC0) == 0x80)
    offset--;
  return offset;
}

static guint
count_digits (const char *text,
              gsize       from,
              gsize       to)
{
  guint digits = 0;

  for (gsize i = from; i < to; i++)
    if (g_ascii_isdigit (text[i]))
      digits++;

  return digits;
}

/* Runs the matcher over [from, to) seen with @context_start/@context_end around it;
 * returns how many numbers it kept. */
static guint
match_window (FindState  *state,
              const char *text,
              gsize       from,
              gsize       to,
              gsize       context_start,
              gsize       context_end,
              const char *default_region)
{
  guint n_before = state->found->len;

  if (!g_utf8_validate_len (text + context_start, context_end - context_start, NULL))
    {
      context_start = from;
      context_end = to;
      if (!g_utf8_validate_len (text + from, to - from, NULL))
        return 0;
    }

  state->window_offset = context_start;
  state->accept_from = from;
  state->accept_to = to;

  porting_phone_utils_find (text + context_start, context_end - context_start,
                            default_region, on_number_found, state);

  return state->found->len - n_before;
}

/* The matcher gives up on a whole window when junk follows a number in it
 * ("116 (510) 555-0142 300"): try the spans of up to a few space-separated
 * tokens on their own, longest first. */
static void
match_token_spans (FindState  *state,
                   const char *text,
                   gsize       from,
                   gsize       to,
                   const char *default_region)
{
  enum { MAX_TOKENS = 6, MAX_TRIES = 32 };
  gsize token = from;
  guint tries = 0;

  while (token < to && tries < MAX_TRIES)
    {
      /* Without "+" (or "011"), a North American number has 10 digits, 11 with its "1". */
      gboolean nanp_only = state->nanp_default && text[token] != '+' &&
                           !(to - token > 3 && strncmp (text + token, "011", 3) == 0);
      gsize ends[MAX_TOKENS];
      guint n_ends = 0;
      gsize next_token;
      gboolean matched = FALSE;

      for (gsize p = token; p < to && n_ends < MAX_TOKENS; p++)
        {
          if (p + 1 == to || text[p + 1] == ' ')
            {
              ends[n_ends++] = p + 1;
              while (p + 1 < to && text[p + 1] == ' ')
                p++;
            }
        }

      for (guint k = n_ends; k > 0 && !matched; k--)
        {
          gsize end = ends[k - 1];
          guint digits = count_digits (text, token, end);

          if (digits < MIN_DIGITS_IN_TEXT || digits > 17 ||
              (nanp_only && (digits < 10 || digits > 11)))
            continue;

          tries++;
          if (match_window (state, text, token, end, token, end, default_region) > 0)
            {
              matched = TRUE;
              token = state->last_end;
            }
        }

      if (matched)
        {
          while (token < to && !is_run_start (text[token]))
            token++;
          continue;
        }

      next_token = token;
      while (next_token < to && text[next_token] != ' ')
        next_token++;
      while (next_token < to && !is_run_start (text[next_token]))
        next_token++;
      token = next_token;
    }
}

static gboolean
read_digits (const char **p,
             const char  *end,
             guint        n)
{
  for (guint i = 0; i < n; i++, (*p)++)
    if (*p >= end || !g_ascii_isdigit (**p))
      return FALSE;

  return TRUE;
}

static gboolean
read_char (const char **p,
           const char  *end,
           const char  *accepted)
{
  if (*p < end && **p != '\0' && strchr (accepted, **p) != NULL)
    {
      (*p)++;
      return TRUE;
    }

  return FALSE;
}

/* The way almost every North American number is written: "(510) 555-0142",
 * "510-555-0142", "510.555.0142", "510 555 0142", "5105550142", each possibly after
 * "1-", "1 ", "+1 " or "+1-". Sets @has_country_code when it starts with 1 or +1. */
static gboolean
is_plain_nanp (const char *text,
               gsize       length,
               gboolean   *has_country_code)
{
  const char *p = text;
  const char *end = text + length;
  char separator = 0;

  *has_country_code = FALSE;

  if (read_char (&p, end, "+"))
    {
      if (!read_char (&p, end, "1"))
        return FALSE;
      *has_country_code = TRUE;
      read_char (&p, end, " -.");
    }
  else if (length > 10 && *p == '1')
    {
      p++;
      *has_country_code = TRUE;
      read_char (&p, end, " -.");
    }

  if (read_char (&p, end, "("))
    {
      if (!read_digits (&p, end, 3) || !read_char (&p, end, ")"))
        return FALSE;
      read_char (&p, end, " ");
      if (!read_digits (&p, end, 3))
        return FALSE;
      if (!read_char (&p, end, "-. "))
        return FALSE;
      return read_digits (&p, end, 4) && p == end;
    }

  if (!read_digits (&p, end, 3))
    return FALSE;
  if (p < end && strchr ("-. ", *p) != NULL)
    separator = *p++;
  if (!read_digits (&p, end, 3))
    return FALSE;
  if (separator != 0 && (p >= end || *p++ != separator))
    return FALSE;

  return read_digits (&p, end, 4) && p == end;
}

/* Nothing around [from, to) that would change the matcher's verdict: a letter or
 * currency sign touching it, an extension after it. */
static gboolean
has_plain_surroundings (const char *text,
                        gsize       length,
                        gsize       from,
                        gsize       to)
{
  gsize next = to;

  if (from > 0)
    {
      guchar before = text[from - 1];

      if (before >= 0x80 || g_ascii_isalnum (before) || strchr ("$+-._/", before) != NULL)
        return FALSE;
    }

  if (to < length)
    {
      guchar after = text[to];

      if (after >= 0x80 || g_ascii_isalnum (after) || strchr ("%$-/_", after) != NULL)
        return FALSE;
    }

  while (next < length && (text[next] == ' ' || text[next] == ',' || text[next] == '.'))
    next++;

  if (next < length &&
      (text[next] == '#' || text[next] == 'x' || text[next] == 'X' ||
       g_ascii_strncasecmp (text + next, "ext", 3) == 0))
    return FALSE;

  return TRUE;
}

/* "12/14/2026", "2026-12-14", "94607-1234": never a number, and common in
 * documents; the matcher would say no too, only slower. */
static gboolean
is_date_or_zip (const char *text,
                gsize       length)
{
  const char *p = text;
  const char *end = text + length;
  guint n;

  /* 2026-12-14 */
  if (length == 10 && read_digits (&p, end, 4) && read_char (&p, end, "-") &&
      read_digits (&p, end, 2) && read_char (&p, end, "-") && read_digits (&p, end, 2))
    return TRUE;

  /* 94607-1234 */
  p = text;
  if (length == 10 && read_digits (&p, end, 5) && read_char (&p, end, "-") && read_digits (&p, end, 4))
    return TRUE;

  /* 12/14/2026, 14.12.2026, 12/14/26 */
  p = text;
  for (n = 0; p < end && g_ascii_isdigit (*p) && n < 3; p++, n++)
    ;
  if (n == 0 || n > 2 || !read_char (&p, end, "/."))
    return FALSE;
  for (n = 0; p < end && g_ascii_isdigit (*p) && n < 3; p++, n++)
    ;
  if (n == 0 || n > 2 || !read_char (&p, end, "/."))
    return FALSE;
  for (n = 0; p < end && g_ascii_isdigit (*p) && n < 5; p++, n++)
    ;

  return (n == 2 || n == 4) && p == end;
}

/* Documents repeat the same numbers page after page: the verdicts on plain NANP
 * numbers are kept, by their ten digits, for every thread. */
#define PLAIN_CACHE_MAX_SIZE 4096
G_LOCK_DEFINE_STATIC (plain_cache);
static GHashTable *plain_cache;

static void
parse_result_free (gpointer data)
{
  porting_phone_utils_parse_result_clear (data);
  g_free (data);
}

static void
parse_result_copy (const PortingPhoneParseResult *from,
                   PortingPhoneParseResult       *to)
{
  to->status = from->status;
  to->e164 = g_strdup (from->e164);
  to->region = g_strdup (from->region);
  to->type = from->type;
}

static void
parse_plain_nanp (const char              *candidate,
                  const char              *region,
                  PortingPhoneParseResult *result)
{
  PortingPhoneParseResult *cached;
  char digits[11];
  guint n_digits = 0;

  /* The ten digits at the end; the "1" or "+1" before them changes nothing. */
  for (const char *p = candidate + strlen (candidate); p > candidate && n_digits < 10; p--)
    if (g_ascii_isdigit (p[-1]))
      digits[10 - ++n_digits] = p[-1];
  digits[10] = '\0';
  g_assert (n_digits == 10);

  G_LOCK (plain_cache);
  cached = plain_cache != NULL ? g_hash_table_lookup (plain_cache, digits) : NULL;
  if (cached != NULL)
    parse_result_copy (cached, result);
  G_UNLOCK (plain_cache);

  if (cached != NULL)
    return;

  porting_phone_utils_parse (candidate, region, result);

  cached = g_new0 (PortingPhoneParseResult, 1);
  parse_result_copy (result, cached);

  G_LOCK (plain_cache);
  if (plain_cache == NULL)
    plain_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, parse_result_free);
  else if (g_hash_table_size (plain_cache) >= PLAIN_CACHE_MAX_SIZE)
    g_hash_table_remove_all (plain_cache);
  g_hash_table_replace (plain_cache, g_strdup (digits), cached);
  G_UNLOCK (plain_cache);
}

/* The matcher is slow (ICU regular expressions): the plain forms, which are most of
 * what documents hold, only need parsing and validating. */
static gboolean
try_plain_nanp (FindState  *state,
                const char *text,
                gsize       length,
                gsize       from,
                gsize       to,
                const char *default_region)
{
  g_autofree char *candidate = NULL;
  PortingPhoneParseResult result;
  gboolean has_country_code;

  if (!is_plain_nanp (text + from, to - from, &has_country_code) ||
      (!has_country_code && !state->nanp_default) ||
      !has_plain_surroundings (text, length, from, to))
    return FALSE;

  candidate = g_strndup (text + from, to - from);
  parse_plain_nanp (candidate, has_country_code ? "US" : default_region, &result);

  state->window_offset = 0;
  state->accept_from = from;
  state->accept_to = to;

  /* Invalid numbers are not numbers in a text: the matcher drops them too. */
  if (result.status == PORTING_PHONE_STATUS_VALID)
    on_number_found (candidate, from, to, result.e164, result.region, result.type, state);

  porting_phone_utils_parse_result_clear (&result);

  return TRUE;
}

static void
scan_window (FindState  *state,
             const char *text,
             gsize       length,
             gsize       from,
             gsize       to,
             const char *default_region)
{
  gsize context_start = from;
  gsize context_end = to;

  if (count_digits (text, from, to) < MIN_DIGITS_IN_TEXT)
    return;

  if (is_date_or_zip (text + from, to - from) ||
      try_plain_nanp (state, text, length, from, to, default_region))
    return;

  /* Context before stops at digits so it never joins an earlier run. */
  while (context_start > 0 && from - context_start < CONTEXT_BYTES &&
         text[context_start - 1] != '\n' && !g_ascii_isdigit (text[context_start - 1]))
    context_start--;
  context_start = utf8_align_back (text, context_start);

  while (context_end < length && context_end - to < CONTEXT_BYTES && text[context_end] != '\n')
    context_end++;
  context_end = utf8_align_back (text, context_end);

  if (match_window (state, text, from, to, context_start, context_end, default_region) == 0 &&
      memchr (text + from, ' ', to - from) != NULL)
    match_token_spans (state, text, from, to, default_region);
}

static void
scan_segment (FindState  *state,
              const char *text,
              gsize       length,
              gsize       segment_start,
              gsize       segment_end,
              const char *default_region)
{
  gsize window_start = segment_start;

  while (window_start < segment_end)
    {
      gsize window_end = segment_end;

      if (window_end - window_start > MAX_WINDOW_BYTES)
        {
          gsize cut = window_start + MAX_WINDOW_BYTES;

          /* Cut at a space in the second half of the window, if there is one. */
          while (cut > window_start + MAX_WINDOW_BYTES / 2 && text[cut] != ' ')
            cut--;
          if (text[cut] != ' ')
            cut = window_start + MAX_WINDOW_BYTES;
          window_end = utf8_align_back (text, cut);
        }

      scan_window (state, text, length, window_start, window_end, default_region);

      if (window_end >= segment_end)
        break;

      /* Overlap so a number cut by the window end is found whole in the next one. */
      {
        gsize next = window_end - WINDOW_OVERLAP_BYTES;

        while (next < window_end && text[next] != ' ')
          next++;
        while (next < window_end && !is_run_start (text[next]))
          next++;
        if (next <= window_start || next >= window_end)
          next = window_end;
        window_start = next;
      }
    }
}

/* "29.99", "(12.00)": an amount in a table row, never part of a number. */
static gboolean
is_amount_token (const char *token,
                 gsize       length)
{
  gsize i = 0;
  gsize digits_before = 0;

  if (length > 0 && (token[0] == '-' || token[0] == '('))
    i++;
  if (length > i && token[length - 1] == ')')
    length--;

  while (i < length && g_ascii_isdigit (token[i]))
    i++, digits_before++;

  return digits_before > 0 && i + 3 == length && token[i] == '.' &&
         g_ascii_isdigit (token[i + 1]) && g_ascii_isdigit (token[i + 2]);
}

/* Splits a run into segments at amounts and at column gaps (two spaces or more),
 * which never sit inside a number. */
static void
scan_run (FindState  *state,
          const char *text,
          gsize       length,
          gsize       run_start,
          gsize       run_end,
          const char *default_region)
{
  gsize segment_start = run_start;
  gsize p = run_start;

  while (p < run_end)
    {
      gsize token_start = p;
      gsize token_end;
      gsize gap_end;

      while (p < run_end && text[p] != ' ')
        p++;
      token_end = p;
      while (p < run_end && text[p] == ' ')
        p++;
      gap_end = p;

      if (is_amount_token (text + token_start, token_end - token_start))
        {
          if (token_start > segment_start)
            scan_segment (state, text, length, segment_start, token_start, default_region);
          segment_start = gap_end;
        }
      else if (gap_end - token_end >= 2 || gap_end == run_end)
        {
          scan_segment (state, text, length, segment_start, token_end, default_region);
          segment_start = gap_end;
        }
    }
}

GPtrArray *
porting_phone_number_find_all (const char *text,
                               const char *default_region)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) porting_phone_number_free);
  FindState state = { 0 };
  gsize length;
  gsize p = 0;

  if (text == NULL)
    return g_steal_pointer (&found);

  length = strlen (text);
  state.found = found;
  state.nanp_default = porting_phone_utils_country_code (default_region != NULL ? default_region : "US") == 1;

  /* A cheap pass picks out runs of digits and separators; only those long enough
   * to hold a number go to libphonenumber's matcher. */
  while (p < length)
    {
      gsize run_start;
      gsize run_end;
      gsize step;

      if (!is_run_start (text[p]))
        {
          p++;
          continue;
        }

      run_start = p;
      while (p < length && (step = run_char_length (text + p, text + length)) > 0)
        p += step;
      run_end = p;

      if (is_glued_to_word (text, run_start))
        {
          /* Skip the identifier's first token; what follows a space may still be a number. */
          gsize token_end = run_start;

          while (token_end < run_end && text[token_end] != ' ')
            token_end++;
          p = token_end;
          continue;
        }

      /* Trailing separators belong to the sentence, not the number. */
      while (run_end > run_start &&
             !g_ascii_isdigit (text[run_end - 1]) && text[run_end - 1] != ')')
        run_end--;

      if (run_end > run_start && !is_labelled_identifier (text, run_start, run_end))
        scan_run (&state, text, length, run_start, run_end, default_region);

      if (p == run_start)
        p++;
    }

  return g_steal_pointer (&found);
}
