/* porting-pdf-guard.c — what a PDF would cost poppler, bounded before poppler sees it
 *
 * poppler 22.12 has no limit of its own: a content stream inflating to
 * 1 GiB of text operators takes it past 2 GiB and 10 s before it aborts;
 * one page of 1M glyphs drawn on the same spot keeps 1.4 GB; objects nested
 * 200,000 deep are read to their end. So before poppler opens a file, one
 * pass reads its objects (their nesting, which streams are forms or images,
 * which /Contents make a page, which names /XObject binds), then every
 * stream is decoded to count, not to keep: bytes out of each filter, bytes
 * of text shown, XObjects drawn. A page's text is its content streams' plus
 * what the forms they draw show, forms within forms included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-pdf-guard"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-document.h"
#include "porting-pdf-filters.h"
#include "porting-pdf-guard-private.h"

/* An object stream bigger than this is not a real one. */
#define MAX_OBJECT_STREAM_BYTES ((gsize) 16 * 1024 * 1024)
#define MAX_FORM_DEPTH 64
#define SATURATED (G_MAXUINT64 / 4)

static void
stream_result_free (gpointer data)
{
  StreamResult *result = data;

  g_clear_pointer (&result->xobjects, g_hash_table_unref);
  g_free (result);
}

void
_porting_pdf_guard_fail (Guard *guard,
                         int    code)
{
  if (guard->failed)
    return;

  guard->failed = TRUE;
  if (code == PORTING_DOCUMENT_ERROR_DAMAGED)
    g_set_error (&guard->error, PORTING_DOCUMENT_ERROR, code,
                 _("“%s” is damaged and cannot be read"), guard->display_name);
  else
    g_set_error (&guard->error, PORTING_DOCUMENT_ERROR, code,
                 _("“%s” is too large: once unpacked it holds far more than any bill or LOA"),
                 guard->display_name);
}

/* ---- Stream dictionaries ---------------------------------------------------- */

/* "N G R" at @pos: the object's value, where the file defines it. */
static gboolean
resolve_reference (Guard        *guard,
                   const guint8 *data,
                   gsize         pos,
                   gsize         end,
                   gsize        *value)
{
  char *tail = NULL;
  guint64 objnum;
  gpointer offset;
  g_autofree char *text = g_strndup ((const char *) data + pos, MIN (end - pos, 32));

  objnum = g_ascii_strtoull (text, &tail, 10);
  if (tail == text || strstr (tail, "R") == NULL || objnum > G_MAXUINT)
    return FALSE;

  if (!g_hash_table_lookup_extended (guard->objects, GUINT_TO_POINTER ((guint) objnum), NULL, &offset))
    return FALSE;

  *value = GPOINTER_TO_SIZE (offset);
  while (*value < guard->file_size && _porting_pdf_is_white (guard->file[*value]))
    (*value)++;
  return TRUE;
}

static gboolean
filter_from_name (const guint8     *data,
                  gsize             pos,
                  gsize             end,
                  PortingPdfFilter *filter)
{
  static const struct { const char *name; PortingPdfFilter filter; } names[] = {
    { "FlateDecode", PORTING_PDF_FILTER_FLATE }, { "Fl", PORTING_PDF_FILTER_FLATE },
    { "LZWDecode", PORTING_PDF_FILTER_LZW }, { "LZW", PORTING_PDF_FILTER_LZW },
    { "RunLengthDecode", PORTING_PDF_FILTER_RUN_LENGTH }, { "RL", PORTING_PDF_FILTER_RUN_LENGTH },
    { "ASCIIHexDecode", PORTING_PDF_FILTER_ASCII_HEX }, { "AHx", PORTING_PDF_FILTER_ASCII_HEX },
    { "ASCII85Decode", PORTING_PDF_FILTER_ASCII_85 }, { "A85", PORTING_PDF_FILTER_ASCII_85 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (_porting_pdf_name_at (data, pos, end, names[i].name))
      {
        *filter = names[i].filter;
        return TRUE;
      }

  return FALSE;   /* DCT, JPX, JBIG2, CCITT: images; the chain stops before them */
}

/* The decodable start of the /Filter chain: a name, an array, or either by reference. */
static guint
read_filters (Guard            *guard,
              const StreamRecord *record,
              PortingPdfFilter   *filters)
{
  const guint8 *data = guard->file;
  gsize end = record->dict_end;
  gsize pos;
  guint n = 0;

  if (!_porting_pdf_find_key (data, record->dict_start, end, "Filter", &pos))
    return 0;

  if (g_ascii_isdigit (data[pos]))
    {
      if (!resolve_reference (guard, data, pos, end, &pos))
        return 0;
      end = MIN (guard->file_size, pos + 4096);
    }

  if (data[pos] == '/')
    return filter_from_name (data, pos, end, &filters[0]) ? 1 : 0;

  if (data[pos] != '[')
    return 0;

  for (pos++; pos < end && data[pos] != ']' && n < PORTING_PDF_MAX_FILTERS; pos++)
    {
      if (data[pos] != '/')
        continue;
      if (!filter_from_name (data, pos, end, &filters[n]))
        break;
      n++;
    }

  return n;
}

static gboolean
dict_has_name (Guard              *guard,
               const StreamRecord *record,
               const char         *key,
               const char         *name)
{
  gsize pos;

  return _porting_pdf_find_key (guard->file, record->dict_start, record->dict_end, key, &pos) &&
         _porting_pdf_name_at (guard->file, pos, record->dict_end, name);
}

/* ---- Pass two: the streams ----------------------------------------------- */

static gboolean
check_stream (Guard              *guard,
              const StreamRecord *record)
{
  PortingPdfFilter filters[PORTING_PDF_MAX_FILTERS];
  PortingPdfStreamStats stats = { 0 };
  g_autoptr(GByteArray) kept = NULL;
  StreamResult *result;
  gboolean is_image = dict_has_name (guard, record, "Subtype", "Image");
  gboolean is_object_stream = dict_has_name (guard, record, "Type", "ObjStm");
  gboolean early_change = TRUE;
  guint n_filters = read_filters (guard, record, filters);
  guint64 max_work = is_image ? PORTING_PDF_MAX_IMAGE_BYTES : PORTING_PDF_MAX_STREAM_BYTES;
  gsize end;
  gsize pos;

  if (_porting_pdf_find_key (guard->file, record->dict_start, record->dict_end, "EarlyChange", &pos) &&
      guard->file[pos] == '0')
    early_change = FALSE;

  /* Filters end their data themselves, wherever /Length says it ends;
   * unfiltered data ends at "endstream". */
  end = n_filters > 0 ? guard->file_size : record->endstream;

  stats.xobjects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (is_object_stream)
    {
      kept = g_byte_array_new ();
      stats.kept = kept;
      stats.max_kept = MAX_OBJECT_STREAM_BYTES;
    }

  if (!porting_pdf_decode_and_count (guard->file + record->data_start, end - record->data_start,
                                     filters, n_filters, early_change,
                                     MIN (max_work, PORTING_PDF_MAX_TOTAL_BYTES - guard->total_work + 1),
                                     PORTING_PDF_MAX_PAGE_TEXT_BYTES, &stats) ||
      stats.kept_overflow)
    {
      g_debug ("Stream %u decodes past its budget (%" G_GUINT64_FORMAT " bytes)", record->objnum, stats.work);
      g_hash_table_unref (stats.xobjects);
      _porting_pdf_guard_fail (guard, PORTING_DOCUMENT_ERROR_TOO_LARGE);
      return FALSE;
    }

  guard->total_work += stats.work;
  guard->total_text += stats.text_bytes;

  result = g_new0 (StreamResult, 1);
  result->text_bytes = stats.text_bytes;
  result->xobjects = stats.xobjects;
  result->is_form = dict_has_name (guard, record, "Subtype", "Form") ||
                    _porting_pdf_find_key (guard->file, record->dict_start, record->dict_end, "BBox", &pos);
  result->is_data = is_image || is_object_stream ||
                    dict_has_name (guard, record, "Type", "XRef") ||
                    dict_has_name (guard, record, "Type", "Metadata") ||
                    _porting_pdf_find_key (guard->file, record->dict_start, record->dict_end, "Length1", &pos) ||
                    _porting_pdf_find_key (guard->file, record->dict_start, record->dict_end, "Length2", &pos) ||
                    _porting_pdf_find_key (guard->file, record->dict_start, record->dict_end, "N", &pos);
  g_hash_table_replace (guard->results, GUINT_TO_POINTER (record->objnum), result);

  if (result->is_form)
    guard->fallback_form_text = MAX (guard->fallback_form_text, result->text_bytes);

  /* Content nested that deep is no drawing; in binary data brackets are noise. */
  if (!result->is_data && stats.max_depth > PORTING_PDF_MAX_NESTING)
    {
      _porting_pdf_guard_fail (guard, PORTING_DOCUMENT_ERROR_DAMAGED);
      return FALSE;
    }

  /* The objects inside an object stream: their nesting, /Contents, /XObject. */
  if (kept != NULL)
    _porting_pdf_tokenize_object_stream (guard, record, kept->data, kept->len);

  return !guard->failed;
}

static inline guint64
saturating_add (guint64 a,
                guint64 b)
{
  return a > SATURATED - MIN (b, SATURATED) ? SATURATED : a + b;
}

static inline guint64
saturating_multiply (guint64 a,
                     guint64 b)
{
  return b != 0 && a > SATURATED / b ? SATURATED : a * b;
}

static guint64 effective_text (Guard *guard,
                               guint  objnum,
                               int    depth);

/* The most text any object bound to @name could show. */
static guint64
effective_name_text (Guard      *guard,
                     const char *name,
                     int         depth)
{
  GArray *bound = g_hash_table_lookup (guard->xobject_names, name);
  guint64 most = 0;

  if (bound == NULL)
    return guard->fallback_form_text;

  for (guint i = 0; i < bound->len; i++)
    most = MAX (most, effective_text (guard, g_array_index (bound, guint, i), depth));

  return most;
}

static guint64
effective_text (Guard *guard,
                guint  objnum,
                int    depth)
{
  StreamResult *result = g_hash_table_lookup (guard->results, GUINT_TO_POINTER (objnum));
  GHashTableIter iter;
  gpointer name, count;
  guint64 total;

  if (result == NULL)
    return 0;
  if (result->visit == 2)
    return result->effective;
  if (result->visit == 1)
    return 0;   /* a loop of forms: poppler draws none of it twice */
  if (depth > MAX_FORM_DEPTH)
    return SATURATED;

  result->visit = 1;
  total = result->text_bytes;
  g_hash_table_iter_init (&iter, result->xobjects);
  while (g_hash_table_iter_next (&iter, &name, &count))
    total = saturating_add (total, saturating_multiply (GPOINTER_TO_UINT (count),
                                                        effective_name_text (guard, name, depth + 1)));
  result->visit = 2;
  result->effective = total;

  return total;
}

static gboolean
check_page (Guard  *guard,
            GArray *contents)
{
  guint64 total = 0;

  for (guint i = 0; i < contents->len; i++)
    {
      guint objnum = g_array_index (contents, guint, i);
      StreamResult *result = g_hash_table_lookup (guard->results, GUINT_TO_POINTER (objnum));

      if (result != NULL)
        result->in_page = TRUE;
      total = saturating_add (total, effective_text (guard, objnum, 0));
    }

  if (total > PORTING_PDF_MAX_PAGE_TEXT_BYTES)
    {
      g_debug ("A page would show %" G_GUINT64_FORMAT " bytes of text", total);
      _porting_pdf_guard_fail (guard, PORTING_DOCUMENT_ERROR_TOO_LARGE);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_text (Guard *guard)
{
  GHashTableIter iter;
  gpointer objnum, value;

  if (guard->total_text > PORTING_PDF_MAX_TOTAL_TEXT_BYTES)
    {
      _porting_pdf_guard_fail (guard, PORTING_DOCUMENT_ERROR_TOO_LARGE);
      return FALSE;
    }

  for (guint i = 0; i < guard->page_contents->len; i++)
    if (!check_page (guard, g_ptr_array_index (guard->page_contents, i)))
      return FALSE;

  for (guint i = 0; i < guard->contents_refs->len; i++)
    {
      guint objnum_value = g_array_index (guard->contents_refs, guint, i);
      GArray *array = g_hash_table_lookup (guard->ref_arrays, GUINT_TO_POINTER (objnum_value));
      g_autoptr(GArray) single = NULL;

      if (array == NULL)
        {
          single = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (single, objnum_value);
          array = single;
        }
      if (!check_page (guard, array))
        return FALSE;
    }

  /* Content streams no page was seen to name: each on its own. */
  g_hash_table_iter_init (&iter, guard->results);
  while (g_hash_table_iter_next (&iter, &objnum, &value))
    {
      StreamResult *result = value;

      if (!result->is_form && !result->is_data && !result->in_page &&
          effective_text (guard, GPOINTER_TO_UINT (objnum), 0) > PORTING_PDF_MAX_PAGE_TEXT_BYTES)
        {
          _porting_pdf_guard_fail (guard, PORTING_DOCUMENT_ERROR_TOO_LARGE);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
porting_pdf_guard_check (const guint8  *data,
                         gsize          size,
                         const char    *display_name,
                         GCancellable  *cancellable,
                         GError       **error)
{
  Guard guard = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (data != NULL || size == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  guard.file = data;
  guard.file_size = size;
  guard.display_name = display_name;
  guard.objects = g_hash_table_new (NULL, NULL);
  guard.ref_arrays = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  guard.page_contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guard.contents_refs = g_array_new (FALSE, FALSE, sizeof (guint));
  guard.xobject_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  guard.streams = g_array_new (FALSE, FALSE, sizeof (StreamRecord));
  guard.results = g_hash_table_new_full (NULL, NULL, NULL, stream_result_free);

  _porting_pdf_tokenize (&guard, data, size);

  /* Encrypted streams read as noise before poppler decrypts them. */
  for (guint i = 0; i < guard.streams->len && !guard.failed && !guard.encrypted; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, &guard.error))
        {
          guard.failed = TRUE;
          break;
        }
      check_stream (&guard, &g_array_index (guard.streams, StreamRecord, i));
    }

  if (!guard.failed && !guard.encrypted)
    check_text (&guard);

  if (guard.failed)
    {
      g_propagate_error (error, g_steal_pointer (&guard.error));
      ok = FALSE;
    }

  g_hash_table_unref (guard.objects);
  g_hash_table_unref (guard.ref_arrays);
  g_ptr_array_unref (guard.page_contents);
  g_array_unref (guard.contents_refs);
  g_hash_table_unref (guard.xobject_names);
  g_array_unref (guard.streams);
  g_hash_table_unref (guard.results);

  return ok;
}
