/* porting-pdf-objects.c — the guard's first pass: a PDF's objects, read without keeping them
 *
 * Their nesting (refused past PORTING_PDF_MAX_NESTING), where each stream
 * and its dictionary are, which /Contents make a page, which names /XObject
 * binds to which objects; the same for the objects inside object streams.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-pdf-guard"

#include "config.h"

#include <string.h>

#include "porting-document.h"
#include "porting-pdf-guard-private.h"

typedef struct
{
  Guard        *guard;
  const guint8 *data;
  gsize         size;
  gboolean      raw;              /* the file itself, not an object stream */

  int           depth;
  gint64        int_prev;
  gint64        int_last;
  int           n_ints;
  char          last_name[32];
  int           last_name_depth;
  gboolean      have_last_name;
  gsize         dict_start;
  gsize         dict_end;
  gboolean      dict_just_closed;
  guint         objnum;
  gboolean      object_first_token;

  int           xobject_depth;
  char          xobject_name[64];
  gboolean      have_xobject_name;
  int           contents_depth;
  GArray       *contents;
  int           ref_array_depth;
  GArray       *ref_array;
} Tokenizer;

/* ---- Tokens ---------------------------------------------------------------- */

static void
forget_operands (Tokenizer *tokenizer)
{
  tokenizer->n_ints = 0;
  tokenizer->have_last_name = FALSE;
  tokenizer->dict_just_closed = FALSE;
  tokenizer->object_first_token = FALSE;
}

static void
reset_object (Tokenizer *tokenizer)
{
  tokenizer->depth = 0;
  tokenizer->xobject_depth = 0;
  tokenizer->contents_depth = 0;
  tokenizer->ref_array_depth = 0;
  g_clear_pointer (&tokenizer->contents, g_array_unref);
  g_clear_pointer (&tokenizer->ref_array, g_array_unref);
}

static gboolean
last_name_is (Tokenizer  *tokenizer,
              const char *name)
{
  return tokenizer->have_last_name && tokenizer->last_name_depth == tokenizer->depth &&
         strcmp (tokenizer->last_name, name) == 0;
}

static void
open_container (Tokenizer *tokenizer,
                gboolean   is_dict,
                gsize      position)
{
  if (is_dict && last_name_is (tokenizer, "XObject") && tokenizer->xobject_depth == 0)
    tokenizer->xobject_depth = tokenizer->depth + 1;
  if (!is_dict && last_name_is (tokenizer, "Contents") && tokenizer->contents_depth == 0)
    {
      tokenizer->contents_depth = tokenizer->depth + 1;
      tokenizer->contents = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  if (!is_dict && tokenizer->object_first_token && tokenizer->depth == 0)
    {
      tokenizer->ref_array_depth = 1;
      tokenizer->ref_array = g_array_new (FALSE, FALSE, sizeof (guint));
    }

  if (++tokenizer->depth > PORTING_PDF_MAX_NESTING)
    {
      _porting_pdf_guard_fail (tokenizer->guard, PORTING_DOCUMENT_ERROR_DAMAGED);
      return;
    }

  if (is_dict && tokenizer->depth == 1)
    tokenizer->dict_start = position;

  forget_operands (tokenizer);
}

static void
close_container (Tokenizer *tokenizer,
                 gboolean   is_dict,
                 gsize      end)
{
  Guard *guard = tokenizer->guard;

  if (tokenizer->depth == 0)
    return;   /* unbalanced: poppler will say what it thinks of it */

  if (tokenizer->depth == tokenizer->xobject_depth)
    tokenizer->xobject_depth = 0;
  if (tokenizer->depth == tokenizer->contents_depth)
    {
      g_ptr_array_add (guard->page_contents, g_steal_pointer (&tokenizer->contents));
      tokenizer->contents_depth = 0;
    }
  if (tokenizer->depth == tokenizer->ref_array_depth)
    {
      g_hash_table_replace (guard->ref_arrays, GUINT_TO_POINTER (tokenizer->objnum),
                            g_steal_pointer (&tokenizer->ref_array));
      tokenizer->ref_array_depth = 0;
    }

  tokenizer->depth--;
  forget_operands (tokenizer);

  if (is_dict && tokenizer->depth == 0)
    {
      tokenizer->dict_end = end;
      tokenizer->dict_just_closed = TRUE;
    }
}

static void
on_reference (Tokenizer *tokenizer,
              guint      objnum)
{
  Guard *guard = tokenizer->guard;

  if (tokenizer->xobject_depth != 0 && tokenizer->depth == tokenizer->xobject_depth &&
      tokenizer->have_xobject_name)
    {
      GArray *bound = g_hash_table_lookup (guard->xobject_names, tokenizer->xobject_name);

      if (bound == NULL)
        {
          bound = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (guard->xobject_names, g_strdup (tokenizer->xobject_name), bound);
        }
      if (bound->len < 4096)
        g_array_append_val (bound, objnum);
      tokenizer->have_xobject_name = FALSE;
    }

  if (tokenizer->contents_depth != 0 && tokenizer->depth == tokenizer->contents_depth)
    g_array_append_val (tokenizer->contents, objnum);

  if (tokenizer->ref_array_depth != 0 && tokenizer->depth == tokenizer->ref_array_depth)
    g_array_append_val (tokenizer->ref_array, objnum);

  if (last_name_is (tokenizer, "Contents"))
    g_array_append_val (guard->contents_refs, objnum);
}

static gsize
find_endstream (const guint8 *data,
                gsize         size,
                gsize         from)
{
  while (from + 9 <= size)
    {
      const guint8 *e = memchr (data + from, 'e', size - from - 8);

      if (e == NULL)
        break;
      from = (gsize) (e - data);
      if (memcmp (e, "endstream", 9) == 0)
        return from;
      from++;
    }

  return size;
}

/* Returns where to go on. */
static gsize
on_stream_keyword (Tokenizer *tokenizer,
                   gsize      position)
{
  Guard *guard = tokenizer->guard;
  StreamRecord record = { 0 };
  gsize data_start = position;

  if (data_start < tokenizer->size && tokenizer->data[data_start] == '\r')
    data_start++;
  if (data_start < tokenizer->size && tokenizer->data[data_start] == '\n')
    data_start++;

  record.objnum = tokenizer->objnum;
  record.dict_start = tokenizer->dict_start;
  record.dict_end = tokenizer->dict_end;
  record.data_start = data_start;
  record.endstream = find_endstream (tokenizer->data, tokenizer->size, data_start);
  g_array_append_val (guard->streams, record);

  return MIN (record.endstream + 9, tokenizer->size);
}

static void
on_word (Tokenizer *tokenizer,
         const char *word,
         gsize       length,
         gsize      *position)
{
  Guard *guard = tokenizer->guard;
  gboolean is_integer = length > 0 && length < 12;

  for (gsize i = 0; i < length && is_integer; i++)
    is_integer = g_ascii_isdigit (word[i]) || (i == 0 && (word[i] == '+' || word[i] == '-'));

  if (is_integer)
    {
      tokenizer->int_prev = tokenizer->int_last;
      tokenizer->int_last = g_ascii_strtoll (word, NULL, 10);
      tokenizer->n_ints++;
      tokenizer->dict_just_closed = FALSE;
      tokenizer->object_first_token = FALSE;
      return;
    }

  if (length == 1 && word[0] == 'R' && tokenizer->n_ints >= 2 &&
      tokenizer->int_prev >= 0 && tokenizer->int_prev <= G_MAXINT)
    {
      on_reference (tokenizer, (guint) tokenizer->int_prev);
      tokenizer->n_ints = 0;
      tokenizer->dict_just_closed = FALSE;
      tokenizer->object_first_token = FALSE;
      /* "/Contents 4 0 R" is done; "/XObject <</Im1 4 0 R" goes on. */
      tokenizer->have_last_name = tokenizer->have_last_name && tokenizer->last_name_depth != tokenizer->depth;
      return;
    }

  if (length == 3 && memcmp (word, "obj", 3) == 0)
    {
      gboolean numbered = tokenizer->n_ints >= 2 && tokenizer->int_prev >= 0 && tokenizer->int_prev <= G_MAXINT;

      reset_object (tokenizer);
      forget_operands (tokenizer);
      if (numbered)
        {
          tokenizer->objnum = (guint) tokenizer->int_prev;
          if (tokenizer->raw)
            g_hash_table_replace (guard->objects, GUINT_TO_POINTER (tokenizer->objnum),
                                  GSIZE_TO_POINTER (*position));
        }
      tokenizer->object_first_token = TRUE;
      return;
    }

  if (length == 6 && memcmp (word, "endobj", 6) == 0)
    {
      reset_object (tokenizer);
      forget_operands (tokenizer);
      return;
    }

  if (tokenizer->raw && length == 6 && memcmp (word, "stream", 6) == 0 && tokenizer->dict_just_closed)
    {
      *position = on_stream_keyword (tokenizer, *position);
      forget_operands (tokenizer);
      return;
    }

  forget_operands (tokenizer);
}

static void
on_name (Tokenizer  *tokenizer,
         const char *name,
         gsize       length)
{
  if (tokenizer->xobject_depth != 0 && tokenizer->depth == tokenizer->xobject_depth)
    {
      g_strlcpy (tokenizer->xobject_name, name, MIN (length + 1, sizeof tokenizer->xobject_name));
      tokenizer->have_xobject_name = length < sizeof tokenizer->xobject_name;
    }

  if (length == 7 && memcmp (name, "Encrypt", 7) == 0)
    tokenizer->guard->encrypted = TRUE;

  forget_operands (tokenizer);
  if (length < sizeof tokenizer->last_name)
    {
      memcpy (tokenizer->last_name, name, length);
      tokenizer->last_name[length] = '\0';
      tokenizer->have_last_name = TRUE;
      tokenizer->last_name_depth = tokenizer->depth;
    }
}

static void
tokenize_object (Guard        *guard,
                 const guint8 *data,
                 gsize         size,
                 gboolean      raw,
                 gint64        objnum)
{
  Tokenizer tokenizer = { guard, data, size, raw };
  gsize pos = 0;

  /* An object of an object stream: its number is in the stream's header. */
  if (objnum >= 0)
    {
      tokenizer.objnum = (guint) objnum;
      tokenizer.object_first_token = TRUE;
    }

  while (pos < size && !guard->failed)
    {
      guint8 c = data[pos];

      if (_porting_pdf_is_white (c) || c == ')' || c == '{' || c == '}')
        pos++;
      else if (c == '%')
        {
          while (pos < size && data[pos] != '\n' && data[pos] != '\r')
            pos++;
        }
      else if (c == '(')
        {
          int depth = 0;

          for (; pos < size; pos++)
            {
              if (data[pos] == '\\')
                pos++;
              else if (data[pos] == '(')
                depth++;
              else if (data[pos] == ')' && --depth == 0)
                break;
            }
          pos++;
          forget_operands (&tokenizer);
        }
      else if (c == '<' && pos + 1 < size && data[pos + 1] == '<')
        {
          open_container (&tokenizer, TRUE, pos);
          pos += 2;
        }
      else if (c == '<')
        {
          while (pos < size && data[pos] != '>')
            pos++;
          pos++;
          forget_operands (&tokenizer);
        }
      else if (c == '>' && pos + 1 < size && data[pos + 1] == '>')
        {
          close_container (&tokenizer, TRUE, pos + 2);
          pos += 2;
        }
      else if (c == '>')
        pos++;
      else if (c == '[')
        {
          open_container (&tokenizer, FALSE, pos);
          pos++;
        }
      else if (c == ']')
        {
          close_container (&tokenizer, FALSE, pos + 1);
          pos++;
        }
      else
        {
          gsize start = pos + (c == '/' ? 1 : 0);

          pos = start;
          while (pos < size && !_porting_pdf_is_white (data[pos]) && !_porting_pdf_is_delimiter (data[pos]))
            pos++;

          if (c == '/')
            on_name (&tokenizer, (const char *) data + start, pos - start);
          else
            on_word (&tokenizer, (const char *) data + start, pos - start, &pos);
        }
    }

  reset_object (&tokenizer);
}

void
_porting_pdf_tokenize (Guard        *guard,
                       const guint8 *data,
                       gsize         size)
{
  tokenize_object (guard, data, size, TRUE, -1);
}

/* ---- Dictionaries ---------------------------------------------------------- */

/* The first token after the key @key at the top of a dictionary. */
gboolean
_porting_pdf_find_key (const guint8 *data,
                       gsize         start,
                       gsize         end,
                       const char   *key,
                       gsize        *value)
{
  gsize key_length = strlen (key);
  int depth = 0;

  for (gsize pos = start; pos < end; pos++)
    {
      guint8 c = data[pos];

      if (c == '<' && pos + 1 < end && data[pos + 1] == '<')
        depth++, pos++;
      else if (c == '>' && pos + 1 < end && data[pos + 1] == '>')
        depth--, pos++;
      else if (c == '[')
        depth++;
      else if (c == ']')
        depth--;
      else if (c == '(')
        {
          int string_depth = 0;

          for (; pos < end; pos++)
            {
              if (data[pos] == '\\')
                pos++;
              else if (data[pos] == '(')
                string_depth++;
              else if (data[pos] == ')' && --string_depth == 0)
                break;
            }
        }
      else if (c == '/' && depth == 1 && pos + 1 + key_length <= end &&
               memcmp (data + pos + 1, key, key_length) == 0 &&
               (pos + 1 + key_length == end || _porting_pdf_is_white (data[pos + 1 + key_length]) ||
                _porting_pdf_is_delimiter (data[pos + 1 + key_length])))
        {
          pos += 1 + key_length;
          while (pos < end && _porting_pdf_is_white (data[pos]))
            pos++;
          *value = pos;
          return pos < end;
        }
    }

  return FALSE;
}

gboolean
_porting_pdf_name_at (const guint8 *data,
                      gsize         pos,
                      gsize         end,
                      const char   *name)
{
  gsize length = strlen (name);

  return pos + 1 + length <= end && data[pos] == '/' && memcmp (data + pos + 1, name, length) == 0 &&
         (pos + 1 + length == end || _porting_pdf_is_white (data[pos + 1 + length]) || _porting_pdf_is_delimiter (data[pos + 1 + length]));
}

gboolean
_porting_pdf_read_integer_key (const guint8       *data,
                               const StreamRecord *record,
                               const char         *key,
                               guint64            *value)
{
  gsize pos;
  char *end = NULL;
  g_autofree char *text = NULL;

  if (!_porting_pdf_find_key (data, record->dict_start, record->dict_end, key, &pos) || !g_ascii_isdigit (data[pos]))
    return FALSE;

  text = g_strndup ((const char *) data + pos, MIN (record->dict_end - pos, 20));
  *value = g_ascii_strtoull (text, &end, 10);
  return end != text;
}

/* Header "objnum offset …" of /N pairs, then the objects from /First on. */
void
_porting_pdf_tokenize_object_stream (Guard              *guard,
                                     const StreamRecord *record,
                                     const guint8       *data,
                                     gsize               size)
{
  guint64 n_objects = 0, first = 0;
  g_autofree char *header = NULL;
  g_autofree guint64 *numbers = NULL;
  g_autofree guint64 *offsets = NULL;
  char *p;

  if (!_porting_pdf_read_integer_key (guard->file, record, "N", &n_objects) ||
      !_porting_pdf_read_integer_key (guard->file, record, "First", &first) ||
      first > size || n_objects > first / 2 + 1)
    {
      /* No usable header: the objects as one run, numbers unknown. */
      tokenize_object (guard, data, size, FALSE, -1);
      return;
    }

  header = g_strndup ((const char *) data, first);
  numbers = g_new0 (guint64, n_objects + 1);
  offsets = g_new0 (guint64, n_objects + 1);
  p = header;
  for (guint64 i = 0; i < n_objects; i++)
    {
      numbers[i] = g_ascii_strtoull (p, &p, 10);
      offsets[i] = MIN (g_ascii_strtoull (p, &p, 10), size - first);
    }
  offsets[n_objects] = size - first;

  for (guint64 i = 0; i < n_objects && !guard->failed; i++)
    {
      guint64 start = offsets[i];
      guint64 end = MAX (offsets[i + 1], start);

      tokenize_object (guard, data + first + start, end - start, FALSE,
                       numbers[i] <= G_MAXINT ? (gint64) numbers[i] : -1);
    }
}
