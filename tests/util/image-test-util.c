/* image-test-util.c — images made at test time: every format, turned, damaged or hostile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libheif/heif.h>
#include <stdio.h>
#include <string.h>
#include <jpeglib.h>
#include <webp/encode.h>
#include <zlib.h>

#include "image-test-util.h"

cairo_surface_t *
test_image_new_marked (int width,
                       int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, 0, 0, width / 2, height / 2);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

guint32
test_image_pixel (cairo_surface_t *surface,
                  int              x,
                  int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  return ((const guint32 *) (gconstpointer) (data + (gsize) y * stride))[x];
}

/* Straight RGB(A) rows from an opaque or premultiplied surface. */
static guint8 *
surface_to_rgb (cairo_surface_t *surface,
                int              channels)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint8 *rgb = g_malloc ((gsize) width * height * channels);

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = test_image_pixel (surface, x, y);
        guint8 *out = rgb + ((gsize) y * width + x) * channels;
        guint alpha = p >> 24;

        for (int c = 0; c < 3; c++)
          {
            guint v = (p >> (16 - 8 * c)) & 0xff;
            out[c] = alpha == 0 ? 0 : (guint8) MIN (255u, v * 255 / alpha);
          }
        if (channels == 4)
          out[3] = (guint8) alpha;
      }

  return rgb;
}

static cairo_status_t
append_to_byte_array (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
test_image_encode_png (cairo_surface_t *surface)
{
  GByteArray *out = g_byte_array_new ();

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_to_byte_array, out), ==,
                   CAIRO_STATUS_SUCCESS);

  return g_byte_array_free_to_bytes (out);
}

static void
append_exif_orientation (j_compress_ptr cinfo,
                         int            orientation)
{
  /* "Exif\0\0", a big-endian TIFF header, IFD0 with one entry: Orientation. */
  guint8 app1[] = {
    'E', 'x', 'i', 'f', 0, 0,
    'M', 'M', 0, 42, 0, 0, 0, 8,
    0, 1,
    0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (guint8) orientation, 0, 0,
    0, 0, 0, 0,
  };

  jpeg_write_marker (cinfo, JPEG_APP0 + 1, app1, sizeof app1);
}

GBytes *
test_image_encode_jpeg (cairo_surface_t *surface,
                        int              quality,
                        int              exif_orientation)
{
  struct jpeg_compress_struct cinfo;
  struct jpeg_error_mgr errors;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  g_autofree guint8 *rgb = surface_to_rgb (surface, 3);
  unsigned char *buffer = NULL;
  unsigned long size = 0;
  GBytes *bytes;

  cinfo.err = jpeg_std_error (&errors);
  jpeg_create_compress (&cinfo);
  jpeg_mem_dest (&cinfo, &buffer, &size);
  cinfo.image_width = (JDIMENSION) width;
  cinfo.image_height = (JDIMENSION) height;
  cinfo.input_components = 3;
  cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults (&cinfo);
  jpeg_set_quality (&cinfo, quality, TRUE);
  jpeg_start_compress (&cinfo, TRUE);
  if (exif_orientation > 0)
    append_exif_orientation (&cinfo, exif_orientation);
  while (cinfo.next_scanline < cinfo.image_height)
    {
      JSAMPROW row = rgb + (gsize) cinfo.next_scanline * width * 3;

      jpeg_write_scanlines (&cinfo, &row, 1);
    }
  jpeg_finish_compress (&cinfo);
  jpeg_destroy_compress (&cinfo);

  bytes = g_bytes_new (buffer, size);
  free (buffer);

  return bytes;
}

GBytes *
test_image_encode_webp (cairo_surface_t *surface,
                        int              quality)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  g_autofree guint8 *rgba = surface_to_rgb (surface, 4);
  guint8 *out = NULL;
  gsize size;
  GBytes *bytes;

  if (quality < 0)
    size = WebPEncodeLosslessRGBA (rgba, width, height, width * 4, &out);
  else
    size = WebPEncodeRGBA (rgba, width, height, width * 4, quality, &out);
  g_assert_cmpuint (size, >, 0);

  bytes = g_bytes_new (out, size);
  WebPFree (out);

  return bytes;
}

static struct heif_error
write_heif (struct heif_context *context,
            const void          *data,
            size_t               size,
            void                *user_data)
{
  struct heif_error ok = { heif_error_Ok, heif_suberror_Unspecified, "" };

  g_byte_array_append (user_data, data, size);
  return ok;
}

GBytes *
test_image_encode_heic (cairo_surface_t *surface,
                        int              quality)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  g_autofree guint8 *rgb = surface_to_rgb (surface, 3);
  struct heif_context *context;
  struct heif_encoder *encoder = NULL;
  struct heif_image *image = NULL;
  struct heif_writer writer = { 1, write_heif };
  GByteArray *out;
  guint8 *plane;
  int stride;

  if (!heif_have_encoder_for_format (heif_compression_HEVC))
    return NULL;

  context = heif_context_alloc ();
  g_assert_cmpint (heif_context_get_encoder_for_format (context, heif_compression_HEVC, &encoder).code, ==, heif_error_Ok);
  heif_encoder_set_lossy_quality (encoder, quality);
  g_assert_cmpint (heif_image_create (width, height, heif_colorspace_RGB, heif_chroma_interleaved_RGB, &image).code, ==, heif_error_Ok);
  g_assert_cmpint (heif_image_add_plane (image, heif_channel_interleaved, width, height, 8).code, ==, heif_error_Ok);
  plane = heif_image_get_plane (image, heif_channel_interleaved, &stride);
  for (int y = 0; y < height; y++)
    memcpy (plane + (gsize) y * stride, rgb + (gsize) y * width * 3, (gsize) width * 3);

  g_assert_cmpint (heif_context_encode_image (context, image, encoder, NULL, NULL).code, ==, heif_error_Ok);
  out = g_byte_array_new ();
  g_assert_cmpint (heif_context_write (context, &writer, out).code, ==, heif_error_Ok);

  heif_image_release (image);
  heif_encoder_release (encoder);
  heif_context_free (context);

  return g_byte_array_free_to_bytes (out);
}

static void
append_png_chunk (GByteArray   *out,
                  const char   *type,
                  const guint8 *data,
                  gsize         length)
{
  guint8 header[8];
  guint8 trailer[4];
  uLong crc;

  header[0] = (guint8) (length >> 24);
  header[1] = (guint8) (length >> 16);
  header[2] = (guint8) (length >> 8);
  header[3] = (guint8) length;
  memcpy (header + 4, type, 4);
  crc = crc32 (crc32 (0, (const Bytef *) type, 4), data, (uInt) length);
  trailer[0] = (guint8) (crc >> 24);
  trailer[1] = (guint8) (crc >> 16);
  trailer[2] = (guint8) (crc >> 8);
  trailer[3] = (guint8) crc;

  g_byte_array_append (out, header, sizeof header);
  g_byte_array_append (out, data, (guint) length);
  g_byte_array_append (out, trailer, sizeof trailer);
}

GBytes *
test_image_png_bomb (guint32 width,
                     guint32 height,
                     gsize   idat_bytes)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  guint8 ihdr[13] = {
    (guint8) (width >> 24), (guint8) (width >> 16), (guint8) (width >> 8), (guint8) width,
    (guint8) (height >> 24), (guint8) (height >> 16), (guint8) (height >> 8), (guint8) height,
    8, 2, 0, 0, 0,   /* 8-bit RGB, deflate, no filter, not interlaced */
  };
  GByteArray *out = g_byte_array_new ();
  g_autofree guint8 *row = g_malloc0 (1 + (gsize) width * 3);
  g_autofree guint8 *idat = g_malloc (idat_bytes + 1024);
  z_stream z = { 0 };

  /* Rows of black, compressed until the chunk is full: a real start of the image. */
  g_assert_cmpint (deflateInit (&z, 9), ==, Z_OK);
  z.next_out = idat;
  z.avail_out = (uInt) idat_bytes;
  while (z.avail_out > 64)
    {
      z.next_in = row;
      z.avail_in = (uInt) (1 + (gsize) width * 3);
      g_assert_cmpint (deflate (&z, Z_NO_FLUSH), ==, Z_OK);
    }
  deflateEnd (&z);

  g_byte_array_append (out, signature, sizeof signature);
  append_png_chunk (out, "IHDR", ihdr, sizeof ihdr);
  append_png_chunk (out, "IDAT", idat, idat_bytes - z.avail_out);
  append_png_chunk (out, "IEND", NULL, 0);

  return g_byte_array_free_to_bytes (out);
}

GBytes *
test_bytes_truncated (GBytes *bytes,
                      gsize   keep)
{
  g_assert_cmpuint (keep, <=, g_bytes_get_size (bytes));
  return g_bytes_new_from_bytes (bytes, 0, keep);
}

void
test_write_bytes (const char *path,
                  GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_file_set_contents (path, data, (gssize) size, &error);
  g_assert_no_error (error);
}
