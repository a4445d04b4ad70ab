/* test-image.c — the image loader: every format told from its content, turned as
 * meant to be shown, damaged files refused, bombs refused from their header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "image-test-util.h"
#include "porting-document.h"
#include "porting-image.h"

#define BLACK 0xff000000u
#define WHITE 0xffffffffu

static cairo_surface_t *
decode (GBytes  *bytes,
        GError **error)
{
  return porting_image_decode (bytes, "photo.pdf", NULL, error);
}

static cairo_surface_t *
decode_ok (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = decode (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (surface);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);

  return surface;
}

static void
assert_decode_error (GBytes     *bytes,
                     int         code,
                     const char *message)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = decode (bytes, &error);

  g_assert_null (surface);
  g_assert_error (error, PORTING_DOCUMENT_ERROR, code);
  g_assert_null (strchr (error->message, '\n'));
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

/* Lossy formats: near black or near white is enough. */
static gboolean
is_dark (guint32 pixel)
{
  return ((pixel >> 16) & 0xff) < 64 && ((pixel >> 8) & 0xff) < 64 && (pixel & 0xff) < 64;
}

static gboolean
is_light (guint32 pixel)
{
  return ((pixel >> 16) & 0xff) > 192 && ((pixel >> 8) & 0xff) > 192 && (pixel & 0xff) > 192;
}

static void
assert_marked (cairo_surface_t *surface,
               int              width,
               int              height)
{
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  g_assert_true (is_dark (test_image_pixel (surface, width / 8, height / 8)));
  g_assert_true (is_light (test_image_pixel (surface, width - 1 - width / 8, height / 8)));
  g_assert_true (is_light (test_image_pixel (surface, width / 8, height - 1 - height / 8)));
  g_assert_true (is_light (test_image_pixel (surface, width - 1 - width / 8, height - 1 - height / 8)));
}

static void
test_sniff (void)
{
  static const guint8 heic[] = { 0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0 };
  static const guint8 mp4[] = { 0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 0, 0 };
  static const guint8 webp[] = { 'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P' };
  static const guint8 wav[] = { 'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E' };
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff, 0xe0 };
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  g_assert_cmpint (porting_image_sniff (heic, sizeof heic), ==, PORTING_IMAGE_FORMAT_HEIC);
  g_assert_cmpint (porting_image_sniff (mp4, sizeof mp4), ==, PORTING_IMAGE_FORMAT_UNKNOWN);
  g_assert_cmpint (porting_image_sniff (webp, sizeof webp), ==, PORTING_IMAGE_FORMAT_WEBP);
  g_assert_cmpint (porting_image_sniff (wav, sizeof wav), ==, PORTING_IMAGE_FORMAT_UNKNOWN);
  g_assert_cmpint (porting_image_sniff (jpeg, sizeof jpeg), ==, PORTING_IMAGE_FORMAT_JPEG);
  g_assert_cmpint (porting_image_sniff (png, sizeof png), ==, PORTING_IMAGE_FORMAT_PNG);
  g_assert_cmpint (porting_image_sniff (png, 4), ==, PORTING_IMAGE_FORMAT_UNKNOWN);
  g_assert_cmpint (porting_image_sniff ((const guint8 *) "%PDF-1.7", 8), ==, PORTING_IMAGE_FORMAT_UNKNOWN);
}

static void
test_png (void)
{
  cairo_surface_t *source = test_image_new_marked (64, 48);
  g_autoptr(GBytes) png = test_image_encode_png (source);
  cairo_surface_t *surface = decode_ok (png);
  int width = 0, height = 0;
  gsize size;
  const guint8 *data = g_bytes_get_data (png, &size);

  g_assert_true (porting_image_read_size (data, size, PORTING_IMAGE_FORMAT_PNG, &width, &height, "x", NULL));
  g_assert_cmpint (width, ==, 64);
  g_assert_cmpint (height, ==, 48);

  /* Lossless: every pixel back as it was. */
  for (int y = 0; y < 48; y++)
    for (int x = 0; x < 64; x++)
      g_assert_cmphex (test_image_pixel (surface, x, y), ==, test_image_pixel (source, x, y));

  cairo_surface_destroy (surface);
  cairo_surface_destroy (source);
}

static void
test_png_alpha (void)
{
  cairo_surface_t *source = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t *cr = cairo_create (source);
  g_autoptr(GBytes) png = NULL;
  cairo_surface_t *surface;
  guint32 pixel;

  /* Half-transparent red: premultiplied as cairo wants it. */
  cairo_set_source_rgba (cr, 1, 0, 0, 0.5);
  cairo_paint (cr);
  cairo_destroy (cr);
  png = test_image_encode_png (source);
  surface = decode_ok (png);

  pixel = test_image_pixel (surface, 3, 3);
  g_assert_cmpuint (pixel >> 24, >=, 126);
  g_assert_cmpuint (pixel >> 24, <=, 129);
  g_assert_cmpuint ((pixel >> 16) & 0xff, ==, pixel >> 24);
  g_assert_cmpuint (pixel & 0xffff, ==, 0);

  cairo_surface_destroy (surface);
  cairo_surface_destroy (source);
}

/* A phone photo says in EXIF how to turn it: each of the eight ways. */
static void
test_jpeg_orientation (void)
{
  cairo_surface_t *source = test_image_new_marked (80, 40);
  /* Where the black quarter of the stored image ends up once turned. */
  static const struct { int orientation; gboolean swapped; int corner; } cases[] = {
    /* corner: 0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right */
    { 0, FALSE, 0 }, { 1, FALSE, 0 }, { 2, FALSE, 1 }, { 3, FALSE, 3 }, { 4, FALSE, 2 },
    { 5, TRUE, 0 }, { 6, TRUE, 1 }, { 7, TRUE, 3 }, { 8, TRUE, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) jpeg = test_image_encode_jpeg (source, 95, cases[i].orientation);
      cairo_surface_t *surface = decode_ok (jpeg);
      int width = cases[i].swapped ? 40 : 80;
      int height = cases[i].swapped ? 80 : 40;
      int header_width = 0, header_height = 0;
      gsize size;
      const guint8 *data = g_bytes_get_data (jpeg, &size);

      g_test_message ("orientation %d", cases[i].orientation);
      g_assert_true (porting_image_read_size (data, size, PORTING_IMAGE_FORMAT_JPEG,
                                              &header_width, &header_height, "x", NULL));
      g_assert_cmpint (header_width, ==, width);
      g_assert_cmpint (header_height, ==, height);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);

      for (int corner = 0; corner < 4; corner++)
        {
          int x = corner & 1 ? width - 1 - width / 8 : width / 8;
          int y = corner & 2 ? height - 1 - height / 8 : height / 8;
          guint32 pixel = test_image_pixel (surface, x, y);

          g_assert_true (corner == cases[i].corner ? is_dark (pixel) : is_light (pixel));
        }

      cairo_surface_destroy (surface);
    }

  cairo_surface_destroy (source);
}

static void
test_webp (void)
{
  cairo_surface_t *source = test_image_new_marked (64, 48);
  g_autoptr(GBytes) lossless = test_image_encode_webp (source, -1);
  g_autoptr(GBytes) lossy = test_image_encode_webp (source, 80);
  cairo_surface_t *surface;

  surface = decode_ok (lossless);
  for (int y = 0; y < 48; y++)
    for (int x = 0; x < 64; x++)
      g_assert_cmphex (test_image_pixel (surface, x, y), ==, test_image_pixel (source, x, y));
  cairo_surface_destroy (surface);

  surface = decode_ok (lossy);
  assert_marked (surface, 64, 48);
  cairo_surface_destroy (surface);

  cairo_surface_destroy (source);
}

static void
test_heic (void)
{
  cairo_surface_t *source = test_image_new_marked (128, 96);
  g_autoptr(GBytes) heic = test_image_encode_heic (source, 90);
  cairo_surface_t *surface;
  int width = 0, height = 0;

  if (heic == NULL)
    {
      cairo_surface_destroy (source);
      g_test_skip ("libheif has no HEVC encoder here");
      return;
    }

  g_assert_cmpint (porting_image_sniff (g_bytes_get_data (heic, NULL), g_bytes_get_size (heic)), ==,
                   PORTING_IMAGE_FORMAT_HEIC);
  g_assert_true (porting_image_read_size (g_bytes_get_data (heic, NULL), g_bytes_get_size (heic),
                                          PORTING_IMAGE_FORMAT_HEIC, &width, &height, "x", NULL));
  g_assert_cmpint (width, ==, 128);
  g_assert_cmpint (height, ==, 96);

  surface = decode_ok (heic);
  assert_marked (surface, 128, 96);
  cairo_surface_destroy (surface);
  cairo_surface_destroy (source);
}

/* Whatever the file is called, and a message naming the formats. */
static void
test_not_an_image (void)
{
  g_autoptr(GBytes) text = g_bytes_new_static ("Dear customer,\n", 15);

  assert_decode_error (text, PORTING_DOCUMENT_ERROR_NOT_SUPPORTED,
                       "“photo.pdf” is not a PDF or an image (PNG, JPEG, WebP, HEIC)");
}

static glong
max_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* Refused from the header: no pixel buffer, so the peak memory barely moves
 * (gdk-pixbuf took 7 GiB for the first one before refusing it). */
static void
test_too_large_from_header (void)
{
  /* A JPEG frame header alone, declaring 20,000 × 20,000. */
  static const guint8 jpeg[] = {
    0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0x4e, 0x20, 0x4e, 0x20, 3,
    1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9,
  };
  /* A WebP VP8X header: canvas 16,384 × 16,384 (stored minus one, 24 bits each). */
  static const guint8 webp[] = {
    'R', 'I', 'F', 'F', 30, 0, 0, 0, 'W', 'E', 'B', 'P',
    'V', 'P', '8', 'X', 10, 0, 0, 0, 0, 0, 0, 0, 0xff, 0x3f, 0, 0xff, 0x3f, 0,
  };
  static const struct { guint32 width, height; const char *message; } pngs[] = {
    { 50000, 50000, "“photo.pdf” is too large an image (50000 × 50000 pixels; at most 32767 on a side)" },
    { 46341, 100000, "“photo.pdf” is too large an image (46341 × 100000 pixels; at most 32767 on a side)" },
    { 20000, 20000, "“photo.pdf” is too large an image (20000 × 20000 pixels; at most 100 megapixels)" },
  };
  glong before = max_rss_kib ();

  for (guint i = 0; i < G_N_ELEMENTS (pngs); i++)
    {
      g_autoptr(GBytes) png = test_image_png_bomb (pngs[i].width, pngs[i].height, 400 * 1024);

      assert_decode_error (png, PORTING_DOCUMENT_ERROR_TOO_LARGE, pngs[i].message);
    }

  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (jpeg, sizeof jpeg);
    assert_decode_error (bytes, PORTING_DOCUMENT_ERROR_TOO_LARGE,
                         "“photo.pdf” is too large an image (20000 × 20000 pixels; at most 100 megapixels)");
  }
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (webp, sizeof webp);
    assert_decode_error (bytes, PORTING_DOCUMENT_ERROR_TOO_LARGE,
                         "“photo.pdf” is too large an image (16384 × 16384 pixels; at most 100 megapixels)");
  }

  /* The bombs' own rows (the first one is 150 MB of rows) were never decoded. */
  g_assert_cmpint (max_rss_kib () - before, <, 64 * 1024);
}

/* A file cut short is damaged, never a partial picture. */
static void
test_truncated (void)
{
  cairo_surface_t *source = test_image_new_marked (200, 150);
  GBytes *encoded[4] = {
    test_image_encode_png (source),
    test_image_encode_jpeg (source, 90, 0),
    test_image_encode_webp (source, 80),
    test_image_encode_heic (source, 80),
  };

  for (guint i = 0; i < G_N_ELEMENTS (encoded); i++)
    {
      if (encoded[i] == NULL)
        continue;

      for (guint cut = 2; cut <= 8; cut *= 2)
        {
          gsize size = g_bytes_get_size (encoded[i]);
          g_autoptr(GBytes) truncated = test_bytes_truncated (encoded[i], size - size / cut);

          g_test_message ("format %u, cut to %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes",
                          i, g_bytes_get_size (truncated), size);
          assert_decode_error (truncated, PORTING_DOCUMENT_ERROR_DAMAGED,
                               "“photo.pdf” is damaged and cannot be read");
        }

      /* The signature alone. */
      {
        g_autoptr(GBytes) signature = test_bytes_truncated (encoded[i], 12);
        assert_decode_error (signature, PORTING_DOCUMENT_ERROR_DAMAGED, NULL);
      }
      g_bytes_unref (encoded[i]);
    }

  cairo_surface_destroy (source);
}

/* Over 40 megapixels, an accepted image is scaled down as it is decoded. */
static void
test_scaled_down (void)
{
  cairo_surface_t *source = test_image_new_marked (7000, 6000);
  g_autoptr(GBytes) png = test_image_encode_png (source);
  g_autoptr(GBytes) jpeg = test_image_encode_jpeg (source, 50, 6);
  cairo_surface_t *surface;

  cairo_surface_destroy (source);

  surface = decode_ok (png);
  assert_marked (surface, 3500, 3000);
  cairo_surface_destroy (surface);

  /* libjpeg halves it while decoding, then EXIF turns it. */
  surface = decode_ok (jpeg);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 3000);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 3500);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/image/sniff", test_sniff);
  g_test_add_func ("/image/png", test_png);
  g_test_add_func ("/image/png-alpha", test_png_alpha);
  g_test_add_func ("/image/jpeg-orientation", test_jpeg_orientation);
  g_test_add_func ("/image/webp", test_webp);
  g_test_add_func ("/image/heic", test_heic);
  g_test_add_func ("/image/not-an-image", test_not_an_image);
  g_test_add_func ("/image/too-large-from-header", test_too_large_from_header);
  g_test_add_func ("/image/truncated", test_truncated);
  g_test_add_func ("/image/scaled-down", test_scaled_down);

  return g_test_run ();
}
