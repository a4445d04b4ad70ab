/* pdf-test-util.c — small PDFs written at test time, plain or hostile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <zlib.h>

#include "pdf-test-util.h"

#define PAGE_SETUP "/Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
#define HELVETICA "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"

GBytes *
test_pdf_build (GPtrArray *objects)
{
  GString *out = g_string_new ("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize xref;

  for (guint i = 0; i < objects->len; i++)
    {
      gsize offset = out->len;

      g_array_append_val (offsets, offset);
      g_string_append_printf (out, "%u 0 obj\n", i + 1);
      g_string_append (out, g_ptr_array_index (objects, i));
      g_string_append (out, "\nendobj\n");
    }

  xref = out->len;
  g_string_append_printf (out, "xref\n0 %u\n0000000000 65535 f \n", objects->len + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (out, "%010" G_GSIZE_FORMAT " 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (out, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          objects->len + 1, xref);

  return g_string_free_to_bytes (out);
}

/* Binary-safe: a GString may hold NULs, objects are joined by length. */
static char *
stream_object (const char *dict_entries,
               const void *data,
               gsize       size,
               gsize      *length)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "<< /Length %" G_GSIZE_FORMAT " %s >>\nstream\n", size, dict_entries);
  g_string_append_len (out, data, (gssize) size);
  g_string_append (out, "\nendstream");
  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

char *
test_pdf_stream_object (const char *dict_entries,
                        GBytes     *data,
                        gsize      *length)
{
  gsize size;
  const void *bytes = g_bytes_get_data (data, &size);

  return stream_object (dict_entries, bytes, size, length);
}

GBytes *
test_zlib_compress (const void *data,
                    gsize       size)
{
  uLongf length = compressBound (size);
  guint8 *out = g_malloc (length);

  g_assert_cmpint (compress2 (out, &length, data, size, 9), ==, Z_OK);

  return g_bytes_new_take (out, length);
}

/* The file, from objects of which some hold NULs (a stream's binary data). */
static GBytes *
build_binary (GPtrArray *objects,
              GArray    *lengths)
{
  GByteArray *out = g_byte_array_new ();
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GString) tail = g_string_new (NULL);
  static const char header[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
  gsize xref;

  g_byte_array_append (out, (const guint8 *) header, sizeof header - 1);
  for (guint i = 0; i < objects->len; i++)
    {
      g_autofree char *start = g_strdup_printf ("%u 0 obj\n", i + 1);
      const char *body = g_ptr_array_index (objects, i);
      gsize length = g_array_index (lengths, gsize, i);
      gsize offset = out->len;

      g_array_append_val (offsets, offset);
      g_byte_array_append (out, (const guint8 *) start, (guint) strlen (start));
      g_byte_array_append (out, (const guint8 *) body, (guint) length);
      g_byte_array_append (out, (const guint8 *) "\nendobj\n", 8);
    }

  xref = out->len;
  g_string_append_printf (tail, "xref\n0 %u\n0000000000 65535 f \n", objects->len + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (tail, "%010" G_GSIZE_FORMAT " 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (tail, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          objects->len + 1, xref);
  g_byte_array_append (out, (const guint8 *) tail->str, (guint) tail->len);

  return g_byte_array_free_to_bytes (out);
}

static void
add_object (GPtrArray  *objects,
            GArray     *lengths,
            char       *body,
            gsize       length)
{
  g_ptr_array_add (objects, body);
  g_array_append_val (lengths, length);
}

static void
add_stream (GPtrArray  *objects,
            GArray     *lengths,
            const char *dict_entries,
            const void *data,
            gsize       size)
{
  gsize length = 0;
  char *body = stream_object (dict_entries, data, size, &length);

  add_object (objects, lengths, body, length);
}

static void
add_text_object (GPtrArray  *objects,
                 GArray     *lengths,
                 const char *body)
{
  add_object (objects, lengths, g_strdup (body), strlen (body));
}

GBytes *
test_pdf_text_page (const char *text)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) content = g_string_new ("BT /F1 11 Tf 14 TL 72 720 Td\n");

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_append_c (content, '(');
      for (const char *p = lines[i]; *p != '\0'; p++)
        {
          if (*p == '(' || *p == ')' || *p == '\\')
            g_string_append_c (content, '\\');
          g_string_append_c (content, *p);
        }
      g_string_append (content, ") Tj T*\n");
    }
  g_string_append (content, "ET");

  add_text_object (objects, lengths, "<< /Type /Catalog /Pages 2 0 R >>");
  add_text_object (objects, lengths, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  add_text_object (objects, lengths, "<< " PAGE_SETUP " /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>");
  add_text_object (objects, lengths, HELVETICA);
  add_stream (objects, lengths, "", content->str, content->len);

  return build_binary (objects, lengths);
}

GBytes *
test_pdf_page_tree_loop (void)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();

  g_ptr_array_add (objects, (gpointer) "<< /Type /Catalog /Pages 2 0 R >>");
  g_ptr_array_add (objects, (gpointer) "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  g_ptr_array_add (objects, (gpointer) "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>");

  return test_pdf_build (objects);
}

GBytes *
test_pdf_nested (guint    depth,
                 gboolean in_contents)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GString) nested = g_string_sized_new (2 * (gsize) depth + 1);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (nested, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (nested, ']');

  add_text_object (objects, lengths, "<< /Type /Catalog /Pages 2 0 R >>");
  add_text_object (objects, lengths, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  if (in_contents)
    {
      add_text_object (objects, lengths, "<< " PAGE_SETUP " /Contents 4 0 R >>");
      add_stream (objects, lengths, "", nested->str, nested->len);
    }
  else
    {
      g_autofree char *page = g_strdup_printf ("<< " PAGE_SETUP " /Resources << /X %s >> >>", nested->str);

      add_text_object (objects, lengths, page);
    }

  return build_binary (objects, lengths);
}

GBytes *
test_pdf_many_pages (guint n_pages)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GString) kids = g_string_new ("<< /Type /Pages /Kids [");
  static const char content[] = "BT /F1 11 Tf 72 720 Td (A page of many) Tj ET";

  for (guint i = 0; i < n_pages; i++)
    g_string_append_printf (kids, "%u 0 R ", i + 5);
  g_string_append_printf (kids, "] /Count %u >>", n_pages);

  add_text_object (objects, lengths, "<< /Type /Catalog /Pages 2 0 R >>");
  add_text_object (objects, lengths, kids->str);
  add_text_object (objects, lengths, HELVETICA);
  add_stream (objects, lengths, "", content, sizeof content - 1);
  for (guint i = 0; i < n_pages; i++)
    add_text_object (objects, lengths, "<< " PAGE_SETUP " /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>");

  return build_binary (objects, lengths);
}

GBytes *
test_pdf_inflating_content (guint64     inflated_bytes,
                            const char *unit)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GByteArray) stream = g_byte_array_new ();
  gsize unit_length = strlen (unit);
  gsize chunk_length = (1024 * 1024 / unit_length) * unit_length;
  g_autofree guint8 *chunk = g_malloc (chunk_length);
  g_autofree guint8 *compressed = g_malloc (chunk_length);
  guint64 n_chunks = inflated_bytes / chunk_length;
  uLong adler, chunk_adler;
  gsize compressed_length;
  guint8 trailer[4];
  z_stream z = { 0 };

  for (gsize i = 0; i < chunk_length; i += unit_length)
    memcpy (chunk + i, unit, unit_length);

  /* After a full flush the compressor forgets everything: the same chunk
   * compresses to the same bytes each time, so one copy can be repeated. */
  g_assert_cmpint (deflateInit (&z, 9), ==, Z_OK);
  z.next_in = chunk;
  z.avail_in = (uInt) chunk_length;
  z.next_out = compressed;
  z.avail_out = (uInt) chunk_length;
  g_assert_cmpint (deflate (&z, Z_FULL_FLUSH), ==, Z_OK);
  compressed_length = chunk_length - z.avail_out;
  deflateEnd (&z);

  /* The first two bytes are the zlib header: once. */
  g_byte_array_append (stream, compressed, 2);
  for (guint64 i = 0; i < n_chunks; i++)
    g_byte_array_append (stream, compressed + 2, (guint) (compressed_length - 2));

  /* An empty final stored block, then the Adler-32 of everything. */
  g_byte_array_append (stream, (const guint8 *) "\x01\x00\x00\xff\xff", 5);
  chunk_adler = adler32 (adler32 (0, NULL, 0), chunk, (uInt) chunk_length);
  adler = adler32 (0, NULL, 0);
  for (guint64 i = 0; i < n_chunks; i++)
    adler = adler32_combine (adler, chunk_adler, (z_off_t) chunk_length);
  trailer[0] = (guint8) (adler >> 24);
  trailer[1] = (guint8) (adler >> 16);
  trailer[2] = (guint8) (adler >> 8);
  trailer[3] = (guint8) adler;
  g_byte_array_append (stream, trailer, 4);

  add_text_object (objects, lengths, "<< /Type /Catalog /Pages 2 0 R >>");
  add_text_object (objects, lengths, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  add_text_object (objects, lengths, "<< " PAGE_SETUP " /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>");
  add_text_object (objects, lengths, HELVETICA);
  add_stream (objects, lengths, "/Filter /FlateDecode", stream->data, stream->len);

  return build_binary (objects, lengths);
}

GBytes *
test_pdf_form_fan_out (guint       n_forms,
                       guint       fan_out,
                       const char *text)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GString) draws = g_string_new (NULL);
  g_autofree char *leaf = g_strdup_printf ("BT /F1 12 Tf 72 720 Td (%s) Tj ET", text);

  for (guint i = 0; i < fan_out; i++)
    g_string_append (draws, "/X Do\n");

  /* 1 catalog, 2 pages, 3 page, 4 font, 5… forms; the page draws form 5. */
  add_text_object (objects, lengths, "<< /Type /Catalog /Pages 2 0 R >>");
  add_text_object (objects, lengths, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  add_text_object (objects, lengths, "<< " PAGE_SETUP " /Resources << /XObject << /X 5 0 R >> >> /Contents 6 0 R >>");
  add_text_object (objects, lengths, HELVETICA);
  add_stream (objects, lengths,
              "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X 7 0 R >> >>",
              draws->str, draws->len);
  add_stream (objects, lengths, "", "/X Do", 5);
  for (guint i = 1; i < n_forms; i++)
    {
      g_autofree char *dict = NULL;
      gboolean last = i + 1 == n_forms;

      dict = last
        ? g_strdup ("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>")
        : g_strdup_printf ("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X %u 0 R >> >>", i + 7);
      if (last)
        add_stream (objects, lengths, dict, leaf, strlen (leaf));
      else
        add_stream (objects, lengths, dict, draws->str, draws->len);
    }

  return build_binary (objects, lengths);
}
