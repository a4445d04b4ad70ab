/* porting-address.c — an address parsed into its parts, and two addresses compared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-address"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-address.h"
#include "porting-normalize-private.h"

#define TOKEN(tokens, i) (&g_array_index ((tokens), PortingToken, (i)))

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
    }
  return n > 0;
}

static gboolean
is_ca_fsa (const char *s)
{
  return strlen (s) == 3 && g_ascii_isalpha (s[0]) && g_ascii_isdigit (s[1]) && g_ascii_isalpha (s[2]);
}

static gboolean
is_ca_ldu (const char *s)
{
  return strlen (s) == 3 && g_ascii_isdigit (s[0]) && g_ascii_isalpha (s[1]) && g_ascii_isdigit (s[2]);
}

/* Reads a postal code at tokens[i] (and tokens[i + 1] for "H2Y 2A7").
 * Returns the number of tokens it takes, 0 when none. */
static guint
read_postal_code (GArray  *tokens,
                  guint    i,
                  guint    last,
                  char   **postal_code,
                  char   **zip4)
{
  const char *s = TOKEN (tokens, i)->folded;
  gsize n = strlen (s);

  if (n == 5 && all_digits (s, 5))
    {
      *postal_code = g_strdup (s);
      *zip4 = NULL;
      return 1;
    }
  if (n == 10 && all_digits (s, 5) && s[5] == '-' && all_digits (s + 6, 4))
    {
      *postal_code = g_strndup (s, 5);
      *zip4 = g_strdup (s + 6);
      return 1;
    }
  if (n == 9 && all_digits (s, 9))
    {
      *postal_code = g_strndup (s, 5);
      *zip4 = g_strdup (s + 5);
      return 1;
    }
  if (n == 6 && is_ca_fsa ((char[]) { s[0], s[1], s[2], '\0' }) &&
      is_ca_ldu ((char[]) { s[3], s[4], s[5], '\0' }))
    {
      *postal_code = g_strdup (s);
      *zip4 = NULL;
      return 1;
    }
  if (is_ca_fsa (s) && i + 1 < last && is_ca_ldu (TOKEN (tokens, i + 1)->folded))
    {
      *postal_code = g_strconcat (s, TOKEN (tokens, i + 1)->folded, NULL);
      *zip4 = NULL;
      return 2;
    }

  return 0;
}

/* A region name or code ending right before tokens[end]: returns where it
 * starts (or -1) and its code. */
static int
read_region_before (GArray      *tokens,
                    guint        first,
                    guint        end,
                    const char **code)
{
  for (guint n_words = MIN (5, end - first); n_words >= 1; n_words--)
    {
      GString *name;
      const char *found;
      guint start = end - n_words;

      /* The region never opens the address. */
      if (start <= first)
        continue;

      name = g_string_new (NULL);
      for (guint i = start; i < end; i++)
        {
          if (i > start)
            g_string_append_c (name, ' ');
          g_string_append (name, TOKEN (tokens, i)->folded);
        }
      found = porting_normalize_region (name->str);
      g_string_free (name, TRUE);

      if (found != NULL)
        {
          *code = found;
          return start;
        }
    }

  return -1;
}

static guint
segment_start (GArray *tokens,
               guint   first,
               guint   i)
{
  while (i > first && (TOKEN (tokens, i)->flags & PORTING_TOKEN_SEGMENT_BREAK) == 0)
    i--;
  return i;
}

static gboolean
is_unit_id (const char *s)
{
  gsize n = strlen (s);

  if (n == 0 || n > 8)
    return FALSE;
  if (n == 1 && g_ascii_isalpha (s[0]))
    return TRUE;
  for (gsize i = 0; i < n; i++)
    {
      if (g_ascii_isdigit (s[i]))
        return TRUE;
    }
  return FALSE;
}

/* "3RD" → "3" */
static char *
ordinal_number (const char *s)
{
  gsize n = strlen (s);
  gsize digits = 0;

  while (digits < n && g_ascii_isdigit (s[digits]))
    digits++;
  if (digits == 0 || n != digits + 2)
    return NULL;
  if (strcmp (s + digits, "ST") != 0 && strcmp (s + digits, "ND") != 0 &&
      strcmp (s + digits, "RD") != 0 && strcmp (s + digits, "TH") != 0 &&
      strcmp (s + digits, "E") != 0)
    return NULL;
  return g_strndup (s, digits);
}

static gboolean
is_house_number (const char *s)
{
  gsize n = strlen (s);

  return n > 0 && n <= 12 && g_ascii_isdigit (s[0]);
}

static void
join_words (GString    *out,
            const char *word)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, word);
}

static char *
string_or_null (GString *s)
{
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

/* Parses the street part tokens[first, last). When @city_follows, the city
 * shares the segment and starts where the street visibly ends (after its
 * suffix or unit); returns the first token of the city, else @last. */
static guint
parse_street (PortingAddress *address,
              GArray         *tokens,
              guint           first,
              guint           last,
              gboolean        city_follows,
              gboolean        canadian)
{
  g_autofree gboolean *used = g_new0 (gboolean, MAX (last - first, 1));
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  guint city_first = last;
  guint street_last = first;
  int unit_at = -1;
  guint i;

  /* Units: a designator with its id, or "3rd floor"; "Building B, Suite
   * 140" has two, kept in order ("BLDG STE", "B 140"). */
  for (i = first; i < last; i++)
    {
      const char *folded = TOKEN (tokens, i)->folded;
      const char *designator = porting_normalize_unit_designator (folded);
      g_autofree char *ordinal = NULL;
      g_autofree char *id = NULL;

      if (used[i - first])
        continue;

      if (designator != NULL && i + 1 < last && !used[i + 1 - first] &&
          is_unit_id (TOKEN (tokens, i + 1)->folded) &&
          (i > first || g_str_equal (designator, "#") || i + 2 < last))
        id = g_strdup (TOKEN (tokens, i + 1)->folded);
      else if (i + 1 < last && (ordinal = ordinal_number (folded)) != NULL &&
               g_strcmp0 (porting_normalize_unit_designator (TOKEN (tokens, i + 1)->folded), "FL") == 0)
        {
          designator = "FL";
          id = g_steal_pointer (&ordinal);
        }
      if (id == NULL)
        continue;

      if (address->unit == NULL)
        {
          address->unit_designator = g_strdup (designator);
          address->unit = g_steal_pointer (&id);
          unit_at = i;
        }
      else
        {
          char *designators = g_strdup_printf ("%s %s", address->unit_designator, designator);
          char *ids = g_strdup_printf ("%s %s", address->unit, id);

          g_free (address->unit_designator);
          g_free (address->unit);
          address->unit_designator = designators;
          address->unit = ids;
        }
      used[i - first] = used[i + 1 - first] = TRUE;
      i++;
    }

  i = first;
  while (i < last && used[i - first])
    i++;

  if (i < last && is_house_number (TOKEN (tokens, i)->folded))
    {
      const char *house = TOKEN (tokens, i)->folded;
      const char *dash = strchr (house, '-');

      /* Canada writes the unit first: "400-1200 Harbour St". */
      if (dash != NULL && canadian && address->unit == NULL)
        {
          address->unit = g_strndup (house, dash - house);
          address->house_number = g_strdup (dash + 1);
        }
      else
        {
          address->house_number = g_strdup (house);
        }
      street_last = i + 1;
      i++;
    }

  for (; i < last; i++)
    {
      if (used[i - first])
        {
          street_last = i + 1;
          if ((int) i == unit_at && words->len > 0)
            {
              guint next = i + 2;

              /* The unit ends the street; its id is the next token. */
              street_last = next;
              if (city_follows)
                {
                  city_first = next;
                  break;
                }
              /* Anything after it on its line is another column. */
              while (next < last && (TOKEN (tokens, next)->flags & PORTING_TOKEN_SEGMENT_BREAK) == 0)
                {
                  used[next - first] = TRUE;
                  next++;
                }
              i = next - 1;
            }
          continue;
        }

      g_ptr_array_add (words, TOKEN (tokens, i)->folded);
      street_last = i + 1;

      /* "RUE SAINT PAUL OUEST MONTREAL": a directional after the name ends it. */
      if (city_follows && words->len >= 3 && porting_normalize_directional (TOKEN (tokens, i)->folded) != NULL &&
          i + 1 < last && !used[i + 1 - first] &&
          porting_normalize_street_suffix (TOKEN (tokens, i + 1)->folded) == NULL)
        {
          city_first = i + 1;
          break;
        }

      if (city_follows && words->len >= 2 && porting_normalize_street_suffix (TOKEN (tokens, i)->folded) != NULL)
        {
          guint next = i + 1;

          while (next < last && used[next - first])
            next++;
          if (next >= last)
            continue;
          if (porting_normalize_street_suffix (TOKEN (tokens, next)->folded) != NULL)
            continue;
          if (porting_normalize_directional (TOKEN (tokens, next)->folded) != NULL)
            {
              g_ptr_array_add (words, TOKEN (tokens, next)->folded);
              i = next;
              street_last = next + 1;
            }
          /* A unit right after the street still belongs to it. */
          if (unit_at > (int) i)
            {
              for (guint j = i + 1; j < (guint) unit_at; j++)
                g_ptr_array_add (words, TOKEN (tokens, j)->folded);
              city_first = unit_at + 2;
              street_last = unit_at + 2;
            }
          else if (address->unit == NULL && i + 2 < last && !used[i + 1 - first] &&
                   g_ascii_isdigit (TOKEN (tokens, i + 1)->folded[0]) &&
                   is_unit_id (TOKEN (tokens, i + 1)->folded))
            {
              /* "1200 HARBOR BLVD 400 OAKLAND": a bare unit number */
              address->unit = g_strdup (TOKEN (tokens, i + 1)->folded);
              city_first = i + 2;
              street_last = i + 2;
            }
          else
            {
              city_first = i + 1;
            }
          break;
        }
    }

  /* Directionals at either end, French types first, suffixes last. */
  {
    GString *street = g_string_new (NULL);
    GString *directional = g_string_new (NULL);
    guint w_first = 0;
    guint w_last = words->len;

    /* "North Street", "West End": a directional alone before the street type is its name. */
    if ((w_last - w_first >= 3 ||
         (w_last - w_first == 2 && porting_normalize_street_suffix (g_ptr_array_index (words, w_first + 1)) == NULL)) &&
        porting_normalize_directional (g_ptr_array_index (words, w_first)) != NULL)
      {
        const char *d1 = porting_normalize_directional (g_ptr_array_index (words, w_first));
        const char *d2 = w_last - w_first >= 3 ?
          porting_normalize_directional (g_ptr_array_index (words, w_first + 1)) : NULL;

        if (d2 != NULL && strlen (d1) == 1 && strlen (d2) == 1 &&
            (d1[0] == 'N' || d1[0] == 'S') && (d2[0] == 'E' || d2[0] == 'W'))
          {
            g_string_append_c (directional, d1[0]);
            g_string_append_c (directional, d2[0]);
            w_first += 2;
          }
        else
          {
            g_string_append (directional, d1);
            w_first++;
          }
      }

    if (w_last - w_first >= 2 && porting_normalize_directional (g_ptr_array_index (words, w_last - 1)) != NULL)
      {
        const char *d2 = porting_normalize_directional (g_ptr_array_index (words, w_last - 1));
        const char *d1 = w_last - w_first >= 3 ?
          porting_normalize_directional (g_ptr_array_index (words, w_last - 2)) : NULL;
        char compound[3] = { 0 };

        if (d1 != NULL && strlen (d1) == 1 && strlen (d2) == 1 &&
            (d1[0] == 'N' || d1[0] == 'S') && (d2[0] == 'E' || d2[0] == 'W'))
          {
            compound[0] = d1[0];
            compound[1] = d2[0];
            w_last -= 2;
          }
        else
          {
            g_strlcpy (compound, d2, sizeof compound);
            w_last--;
          }
        join_words (directional, compound);
      }

    /* "1200 HARBOR BLVD 400": a number after the street type is a unit. */
    if (address->unit == NULL && w_last - w_first >= 3 &&
        is_unit_id (g_ptr_array_index (words, w_last - 1)) &&
        g_ascii_isdigit (((const char *) g_ptr_array_index (words, w_last - 1))[0]) &&
        porting_normalize_street_suffix (g_ptr_array_index (words, w_last - 2)) != NULL)
      {
        address->unit = g_strdup (g_ptr_array_index (words, w_last - 1));
        w_last--;
      }

    for (guint w = w_first; w < w_last; w++)
      {
        const char *word = g_ptr_array_index (words, w);
        const char *canonical = NULL;
        gboolean several = w_last - w_first >= 2;

        if (several && w == w_first && _porting_normalize_is_french_street_type (word))
          canonical = porting_normalize_street_suffix (word);
        if (canonical == NULL && several && w == w_last - 1)
          canonical = porting_normalize_street_suffix (word);
        if (canonical == NULL)
          canonical = _porting_normalize_saint_word (word);
        if (canonical == NULL)
          canonical = _porting_normalize_ordinal_word (word);
        /* NORTH in the name ("North St") is N; "NO" or "O" there stay words. */
        if (canonical == NULL && strlen (word) > 2)
          canonical = porting_normalize_directional (word);
        join_words (street, canonical != NULL ? canonical : word);
      }

    address->street = string_or_null (street);
    address->directional = string_or_null (directional);
  }

  if (street_last > first)
    {
      address->street_start = TOKEN (tokens, first)->start;
      address->street_end = TOKEN (tokens, MIN (street_last, last) - 1)->end;
    }

  return MIN (city_first, last);
}

PortingAddress *
porting_address_parse_tokens (GArray *tokens,
                              guint   first,
                              guint   last)
{
  PortingAddress *address;
  int postal_at = -1;
  guint postal_len = 0;
  int region_at = -1;
  const char *region = NULL;
  guint city_end;
  guint city_first;
  guint street_last;
  gboolean city_follows = FALSE;
  gboolean canadian;

  g_return_val_if_fail (tokens != NULL, NULL);
  g_return_val_if_fail (first <= last && last <= tokens->len, NULL);

  address = g_new0 (PortingAddress, 1);
  if (first == last)
    return address;

  /* The last postal code with a region before it, else the last one. */
  for (guint i = last - 1; i > first; i--)
    {
      g_autofree char *postal_code = NULL;
      g_autofree char *zip4 = NULL;
      guint n = read_postal_code (tokens, i, last, &postal_code, &zip4);
      const char *code = NULL;
      int at;

      if (n == 0 && i > first + 1 && is_ca_ldu (TOKEN (tokens, i)->folded))
        {
          n = read_postal_code (tokens, i - 1, last, &postal_code, &zip4);
          if (n == 2)
            i--;
          else
            n = 0;
        }
      if (n == 0)
        continue;

      at = read_region_before (tokens, first, i, &code);
      if (postal_at < 0 || at >= 0)
        {
          g_free (address->postal_code);
          g_free (address->zip4);
          address->postal_code = g_steal_pointer (&postal_code);
          address->zip4 = g_steal_pointer (&zip4);
          postal_at = i;
          postal_len = n;
          region_at = at;
          region = code;
        }
      if (at >= 0)
        break;
    }

  if (postal_at < 0)
    region_at = read_region_before (tokens, first, last, &region);

  address->region = g_strdup (region);
  canadian = porting_normalize_region_is_canadian (region) ||
             (address->postal_code != NULL && g_ascii_isalpha (address->postal_code[0]));

  city_end = region_at >= 0 ? (guint) region_at : postal_at >= 0 ? (guint) postal_at : last;

  if (region_at >= 0 || postal_at >= 0)
    {
      guint s = segment_start (tokens, first, city_end);

      if (s > first && s < city_end)
        {
          city_first = s;
          street_last = s;
        }
      else if (s > first && s == city_end)
        {
          guint s2 = segment_start (tokens, first, s - 1);

          if (s2 > first)
            {
              city_first = s2;
              street_last = s2;
            }
          else
            {
              /* "1200 Harbor Blvd Oakland, CA": the city ends the street's segment. */
              city_first = s;
              street_last = s;
              city_follows = TRUE;
            }
        }
      else
        {
          street_last = city_end;
          city_first = city_end;
          city_follows = TRUE;
        }
    }
  else
    {
      guint s = segment_start (tokens, first, last - 1);

      city_end = last;
      if (s > first && !is_house_number (TOKEN (tokens, s)->folded) &&
          porting_normalize_unit_designator (TOKEN (tokens, s)->folded) == NULL)
        {
          city_first = s;
          street_last = s;
        }
      else
        {
          city_first = last;
          street_last = last;
        }
    }

  {
    guint street_city = parse_street (address, tokens, first, street_last, city_follows, canadian);

    if (city_follows)
      city_first = street_city;
  }

  /* A city has no digits and no label: what comes before such a token on
   * the city line is another column. */
  for (guint i = city_end; i > city_first; i--)
    {
      const PortingToken *token = TOKEN (tokens, i - 1);

      if (strpbrk (token->folded, "0123456789") != NULL ||
          (token->flags & PORTING_TOKEN_PUNCT_END) != 0)
        {
          city_first = i;
          break;
        }
    }

  if (city_first < city_end)
    {
      GString *city = g_string_new (NULL);

      for (guint i = city_first; i < city_end; i++)
        {
          const char *word = TOKEN (tokens, i)->folded;

          join_words (city, porting_normalize_city_word (word));
        }
      address->city = string_or_null (city);
    }

  {
    guint line_first = city_first < city_end ? city_first :
                       region_at >= 0 ? (guint) region_at :
                       postal_at >= 0 ? (guint) postal_at : last;
    guint line_last = postal_at >= 0 ? (guint) postal_at + postal_len :
                      region_at >= 0 ? city_end + 1 : city_end;

    line_last = MIN (line_last, last);
    if (region_at >= 0 && postal_at < 0)
      {
        /* The region's words run to the end. */
        line_last = last;
      }
    if (line_first < line_last)
      {
        address->city_start = TOKEN (tokens, line_first)->start;
        address->city_end = TOKEN (tokens, line_last - 1)->end;
      }
  }

  return address;
}

PortingAddress *
porting_address_parse (const char *text)
{
  g_autoptr(GArray) tokens = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  tokens = porting_normalize_tokenize (text, -1, 0);
  return porting_address_parse_tokens (tokens, 0, tokens->len);
}

void
porting_address_free (PortingAddress *address)
{
  if (address == NULL)
    return;

  g_free (address->house_number);
  g_free (address->street);
  g_free (address->directional);
  g_free (address->unit_designator);
  g_free (address->unit);
  g_free (address->city);
  g_free (address->region);
  g_free (address->postal_code);
  g_free (address->zip4);
  g_free (address);
}

char *
porting_address_to_string (const PortingAddress *address)
{
  g_return_val_if_fail (address != NULL, NULL);

  return g_strdup_printf ("%s|%s|%s|%s%s%s|%s|%s|%s",
                          address->house_number ?: "",
                          address->street ?: "",
                          address->directional ?: "",
                          address->unit_designator ?: "",
                          address->unit != NULL ? " " : "",
                          address->unit ?: "",
                          address->city ?: "",
                          address->region ?: "",
                          address->postal_code ?: "");
}

static gboolean
is_french_article (const char *word)
{
  static const char * const articles[] = { "DE", "DU", "DES", "LA", "LE", "LES", "L", "D", NULL };

  return g_strv_contains (articles, word);
}

/* A street as it compares: the type word after the name, as English puts
 * it ("RUE PRINCIPALE" = "PRINCIPALE ST", "AVE DU PARC" = "PARC AVE"),
 * without the French articles that open the name. */
static char *
street_key (const char *street)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) key = g_string_new (NULL);
  guint n;
  guint from = 0;
  const char *type = NULL;

  if (street == NULL)
    return NULL;

  words = g_strsplit (street, " ", -1);
  n = g_strv_length (words);
  if (n >= 2 && _porting_normalize_is_french_street_type (words[0]))
    {
      type = g_str_equal (words[0], "RUE") ? "ST" : words[0];
      from = 1;
    }
  while (type != NULL && from + 1 < n && is_french_article (words[from]))
    from++;

  for (guint i = from; i < n; i++)
    {
      if (key->len > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, words[i]);
    }
  if (type != NULL)
    g_string_append_printf (key, " %s", type);

  return g_string_free (g_steal_pointer (&key), FALSE);
}

static gboolean
same_words (const char *a,
            const char *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  /* "SAINT-PAUL" and "SAINTPAUL" are one street: spaces do not count. */
  while (*a != '\0' || *b != '\0')
    {
      while (*a == ' ')
        a++;
      while (*b == ' ')
        b++;
      if (*a != *b)
        return FALSE;
      if (*a == '\0')
        break;
      a++;
      b++;
    }
  return TRUE;
}

static gboolean
same_directions (const char *a,
                 const char *b)
{
  g_auto(GStrv) words_a = NULL;
  g_auto(GStrv) words_b = NULL;

  if (a == NULL || b == NULL)
    return a == b;

  words_a = g_strsplit (a, " ", -1);
  words_b = g_strsplit (b, " ", -1);
  if (g_strv_length (words_a) != g_strv_length (words_b))
    return FALSE;
  for (guint i = 0; words_a[i] != NULL; i++)
    {
      if (!g_strv_contains ((const char * const *) words_b, words_a[i]))
        return FALSE;
    }
  return TRUE;
}

/* Share of @loa's street words found in @proof. */
static double
street_overlap (const char *loa_street,
                const char *proof_street)
{
  g_autofree char *loa = street_key (loa_street);
  g_autofree char *proof = street_key (proof_street);
  g_auto(GStrv) words_loa = NULL;
  g_auto(GStrv) words_proof = NULL;
  guint n = 0;
  guint found = 0;

  if (loa == NULL || proof == NULL)
    return 0;
  if (same_words (loa, proof))
    return 1;

  words_loa = g_strsplit (loa, " ", -1);
  words_proof = g_strsplit (proof, " ", -1);
  for (guint i = 0; words_loa[i] != NULL; i++)
    {
      /* The street type alone does not make two streets close. */
      if (porting_normalize_street_suffix (words_loa[i]) != NULL && words_loa[i + 1] == NULL && i > 0)
        continue;
      n++;
      for (guint j = 0; words_proof[j] != NULL; j++)
        {
          if (g_str_equal (words_proof[j], words_loa[i]) ||
              porting_normalize_near_words (words_proof[j], words_loa[i]))
            {
              found++;
              break;
            }
        }
    }

  return n > 0 ? (double) found / n : 0;
}

static void
add_difference (GPtrArray  *differences,
                const char *what,
                const char *loa,
                const char *proof)
{
  if (differences == NULL)
    return;

  /* TRANSLATORS: a part of an address, what the LOA says, what the proof says */
  g_ptr_array_add (differences, g_strdup_printf (_("%s: %s ≠ %s"), what,
                                                 loa != NULL ? loa : "—",
                                                 proof != NULL ? proof : "—"));
}

/* One designator for another: "#" for any; bureau is a suite, a local a
 * unit or a suite (DESIGN §3.4). */
static gboolean
same_designator (const char *a,
                 const char *b)
{
  static const char * const alike[][2] = {
    { "BUR", "STE" }, { "LOCAL", "UNIT" }, { "LOCAL", "STE" }, { "PIECE", "RM" },
  };

  if (g_str_equal (a, b) || g_str_equal (a, "#") || g_str_equal (b, "#"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (alike); i++)
    {
      if ((g_str_equal (a, alike[i][0]) && g_str_equal (b, alike[i][1])) ||
          (g_str_equal (a, alike[i][1]) && g_str_equal (b, alike[i][0])))
        return TRUE;
    }
  return FALSE;
}

/* Designators of one or more units ("BLDG STE"), one against the other. */
static gboolean
same_designators (const char *loa,
                  const char *proof)
{
  g_auto(GStrv) loa_words = NULL;
  g_auto(GStrv) proof_words = NULL;

  if (loa == NULL || proof == NULL)
    return TRUE;

  loa_words = g_strsplit (loa, " ", -1);
  proof_words = g_strsplit (proof, " ", -1);
  if (g_strv_length (loa_words) != g_strv_length (proof_words))
    return FALSE;
  for (guint i = 0; loa_words[i] != NULL; i++)
    {
      if (!same_designator (loa_words[i], proof_words[i]))
        return FALSE;
    }
  return TRUE;
}

static char *
unit_text (const PortingAddress *address,
           gboolean              with_designator)
{
  if (address->unit == NULL)
    return NULL;
  if (with_designator && address->unit_designator != NULL)
    return g_strdup_printf ("%s %s", address->unit_designator, address->unit);
  return g_strdup (address->unit);
}

static char *
postal_text (const char *postal_code)
{
  if (postal_code != NULL && strlen (postal_code) == 6)
    return g_strdup_printf ("%.3s %s", postal_code, postal_code + 3);
  return g_strdup (postal_code);
}

double
porting_address_compare (const PortingAddress *loa,
                         const PortingAddress *proof,
                         GPtrArray            *differences)
{
  double total = 0;
  double got = 0;

  g_return_val_if_fail (loa != NULL && proof != NULL, 0);

  if (loa->house_number != NULL || proof->house_number != NULL)
    {
      total += 3;
      if (g_strcmp0 (loa->house_number, proof->house_number) == 0)
        got += 3;
      else
        add_difference (differences, _("house number"), loa->house_number, proof->house_number);
    }

  if (loa->street != NULL || proof->street != NULL)
    {
      g_autofree char *loa_street = street_key (loa->street);
      g_autofree char *proof_street = street_key (proof->street);

      total += 3;
      if (same_words (loa_street, proof_street))
        got += 3;
      else
        {
          got += 2 * street_overlap (loa->street, proof->street);
          add_difference (differences, _("street"), loa_street, proof_street);
        }
    }

  if (loa->directional != NULL || proof->directional != NULL)
    {
      total += 1;
      if (same_directions (loa->directional, proof->directional))
        got += 1;
      else
        add_difference (differences, _("direction"), loa->directional, proof->directional);
    }

  if (loa->unit != NULL || proof->unit != NULL)
    {
      gboolean same_id = g_strcmp0 (loa->unit, proof->unit) == 0;
      gboolean same_designator = same_designators (loa->unit_designator, proof->unit_designator);

      total += 1.5;
      if (same_id && same_designator)
        got += 1.5;
      else
        {
          g_autofree char *loa_unit = unit_text (loa, !same_designator);
          g_autofree char *proof_unit = unit_text (proof, !same_designator);

          add_difference (differences, _("unit"), loa_unit, proof_unit);
        }
    }

  /* City, region and postal code count where the LOA gives them: a street
   * line alone is compared as a street line. */
  if (loa->city != NULL)
    {
      total += 1;
      if (same_words (loa->city, proof->city))
        got += 1;
      else
        add_difference (differences, _("city"), loa->city, proof->city);
    }

  /* A postal code implies its state or province: one left out is no difference. */
  if (loa->region != NULL && proof->region != NULL)
    {
      total += 1;
      if (g_strcmp0 (loa->region, proof->region) == 0)
        got += 1;
      else
        add_difference (differences, _("state/province"), loa->region, proof->region);
    }

  if (loa->postal_code != NULL)
    {
      total += 2;
      if (g_strcmp0 (loa->postal_code, proof->postal_code) == 0)
        got += 2;
      else
        {
          g_autofree char *loa_postal = postal_text (loa->postal_code);
          g_autofree char *proof_postal = postal_text (proof->postal_code);
          const char *postal = loa->postal_code ?: proof->postal_code;

          add_difference (differences, g_ascii_isdigit (postal[0]) ? _("ZIP code") : _("postal code"),
                          loa_postal, proof_postal);
        }
    }

  return total > 0 ? got / total : 0;
}

gboolean
porting_address_is_close (const PortingAddress *loa,
                          const PortingAddress *proof)
{
  double overlap;

  g_return_val_if_fail (loa != NULL && proof != NULL, FALSE);

  overlap = street_overlap (loa->street, proof->street);
  if (overlap >= 0.5)
    return TRUE;

  return loa->house_number != NULL && g_strcmp0 (loa->house_number, proof->house_number) == 0 &&
         (overlap > 0 ||
          (loa->postal_code != NULL && g_strcmp0 (loa->postal_code, proof->postal_code) == 0));
}
