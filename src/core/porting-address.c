/* porting-address.c — an address parsed into its parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-address"

#include "config.h"

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
