/* test-ocr.c — Tesseract through porting-ocr: a screenshot, the same turned,
 * dark, and photographed (tilted, in perspective, under uneven light);
 * boxes back on the words of the image given; progress, cancellation,
 * threads, missing language data. Every image is drawn here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "asan-test-util.h"
#include "image-test-util.h"
#include "porting-document.h"
#include "porting-image.h"
#include "porting-ocr.h"

/* Under AddressSanitizer with the exact stacks the CI asks of it, each of
 * Tesseract's millions of allocations unwinds slowly: the longest cases
 * are cut there (one turn, no photograph). */
#ifdef UNDER_ASAN
static const gboolean under_asan = TRUE;
#else
static const gboolean under_asan = FALSE;
#endif

typedef struct
{
  const char *text;
  double      x1, y1, x2, y2;   /* where it was drawn */
} Drawn;

/* What the bill says, and where each of these words was drawn. */
static Drawn drawn[] = {
  { "Lakeshore" }, { "Quillfeather" }, { "Bindery" }, { "77" }, { "Lantern" },
  { "Row," }, { "Suite" }, { "12" }, { "Duluth," }, { "MN" }, { "55802" }, { "4471-20931-8" },
};

static Drawn *
find_drawn (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (drawn); i++)
    if (strcmp (drawn[i].text, text) == 0)
      return &drawn[i];
  return NULL;
}

static void
show_line (cairo_t    *cr,
           double      x,
           double      y,
           double      size,
           gboolean    bold,
           const char *line)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);
  cairo_font_extents_t font;
  cairo_text_extents_t space;

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
  cairo_font_extents (cr, &font);
  cairo_text_extents (cr, " ", &space);

  for (guint i = 0; words[i] != NULL; i++)
    {
      cairo_text_extents_t extents;
      Drawn *known = find_drawn (words[i]);

      cairo_text_extents (cr, words[i], &extents);
      if (known != NULL)
        {
          double ux1 = x + extents.x_bearing, uy1 = y + extents.y_bearing;
          double ux2 = ux1 + extents.width, uy2 = uy1 + extents.height;

          /* In device pixels, whatever the drawing transform. */
          cairo_user_to_device (cr, &ux1, &uy1);
          cairo_user_to_device (cr, &ux2, &uy2);
          known->x1 = MIN (ux1, ux2);
          known->y1 = MIN (uy1, uy2);
          known->x2 = MAX (ux1, ux2);
          known->y2 = MAX (uy1, uy2);
        }
      cairo_move_to (cr, x, y);
      cairo_show_text (cr, words[i]);
      x += extents.x_advance + space.x_advance;
    }
}

/* A bill as a screenshot shows it: 1000 × 1300, 13 to 22 pixel type. */
static cairo_surface_t *
draw_bill (gboolean dark)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 1300);
  cairo_t *cr = cairo_create (surface);
  double ink = dark ? 0.92 : 0.1;

  cairo_set_source_rgb (cr, dark ? 0.13 : 1, dark ? 0.13 : 1, dark ? 0.15 : 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, ink, ink, ink);

  show_line (cr, 80, 90, 30, TRUE, "Lakeshore Telco");
  show_line (cr, 80, 125, 14, FALSE, "Remit payment to: PO Box 410, Saint Paul, MN 55101");
  show_line (cr, 80, 200, 14, FALSE, "BILL TO");
  show_line (cr, 80, 228, 20, TRUE, "Quillfeather Bindery Inc");
  show_line (cr, 80, 256, 18, FALSE, "77 Lantern Row, Suite 12");
  show_line (cr, 80, 282, 18, FALSE, "Duluth, MN 55802");
  show_line (cr, 600, 200, 14, FALSE, "Account number:");
  show_line (cr, 600, 224, 16, FALSE, "4471-20931-8");
  show_line (cr, 600, 256, 14, FALSE, "Statement date: Nov 3, 2026");
  show_line (cr, 80, 400, 16, TRUE, "Charges this period");
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *line = g_strdup_printf ("(218) 555-01%02d Business line with voicemail %d2.%d0",
                                               40 + i, 3 + i, i);
      show_line (cr, 96, 436 + 28 * i, 15, FALSE, line);
    }
  show_line (cr, 80, 1240, 13, FALSE, "Questions? Call us at 1-800-555-0199, weekdays 8 to 6.");

  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static PortingOcrResult *
read_ok (cairo_surface_t *surface)
{
  g_autoptr(GError) error = NULL;
  PortingOcrResult *result = porting_ocr_read (surface, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_test_message ("%u words, mean confidence %.2f, turned %d°, skew %.2f°, scale %.2f, light %s",
                  result->words->len, result->mean_confidence, result->rotation, result->skew,
                  result->scale, result->background_normalized ? "evened" : "even");

  return result;
}

/* The word read as @text nearest (@x, @y); any when @x < 0. */
static const PortingOcrWord *
find_word_near (PortingOcrResult *result,
                const char       *text,
                double            x,
                double            y)
{
  const PortingOcrWord *nearest = NULL;
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < result->words->len; i++)
    {
      const PortingOcrWord *word = &g_array_index (result->words, PortingOcrWord, i);
      double distance = hypot ((word->x1 + word->x2) / 2 - x, (word->y1 + word->y2) / 2 - y);

      if (strcmp (word->text, text) != 0)
        continue;
      if (x < 0)
        return word;
      if (distance < best)
        {
          best = distance;
          nearest = word;
        }
    }
  return nearest;
}

static const PortingOcrWord *
find_word (PortingOcrResult *result,
           const char       *text)
{
  return find_word_near (result, text, -1, -1);
}

/* Each word was read, sure, and its box is on it (within @slack pixels). */
static void
assert_words_read (PortingOcrResult *result,
                   const char *const *texts,
                   double            slack,
                   const cairo_matrix_t *to_image)
{
  for (guint i = 0; texts[i] != NULL; i++)
    {
      Drawn *known = find_drawn (texts[i]);
      double xs[2] = { -1, -1 }, ys[2] = { -1, -1 };
      const PortingOcrWord *word;

      if (known != NULL && to_image != NULL)
        {
          xs[0] = known->x1, xs[1] = known->x2, ys[0] = known->y1, ys[1] = known->y2;
          for (int k = 0; k < 2; k++)
            cairo_matrix_transform_point (to_image, &xs[k], &ys[k]);
        }

      word = find_word_near (result, texts[i], (xs[0] + xs[1]) / 2, (ys[0] + ys[1]) / 2);
      if (word == NULL)
        g_error ("“%s” was not read", texts[i]);
      g_test_message ("%s read with confidence %.2f", word->text, word->confidence);
      g_assert_cmpfloat (word->confidence, >, 0.6);
      g_assert_cmpfloat (word->confidence, <=, 1.0);

      if (known != NULL && to_image != NULL)
        {

          g_test_message ("%s: drawn at %.0f,%.0f–%.0f,%.0f, read at %.0f,%.0f–%.0f,%.0f", texts[i],
                          MIN (xs[0], xs[1]), MIN (ys[0], ys[1]), MAX (xs[0], xs[1]), MAX (ys[0], ys[1]),
                          word->x1, word->y1, word->x2, word->y2);
          g_assert_cmpfloat (fabs (word->x1 - MIN (xs[0], xs[1])), <, slack);
          g_assert_cmpfloat (fabs (word->x2 - MAX (xs[0], xs[1])), <, slack);
          g_assert_cmpfloat (fabs (word->y1 - MIN (ys[0], ys[1])), <, slack);
          g_assert_cmpfloat (fabs (word->y2 - MAX (ys[0], ys[1])), <, slack);
        }
    }
}

static const char *const name_and_address[] = {
  "Quillfeather", "Bindery", "Inc", "77", "Lantern", "Row,", "Suite", "12", "Duluth,", "MN", "55802", NULL,
};

static void
test_screenshot (void)
{
  cairo_surface_t *bill = draw_bill (FALSE);
  g_autoptr(PortingOcrResult) result = read_ok (bill);
  cairo_matrix_t identity;
  guint line_of_name, line_of_street;

  cairo_matrix_init_identity (&identity);
  assert_words_read (result, name_and_address, 6, &identity);
  assert_words_read (result, (const char *[]) { "Lakeshore", "4471-20931-8", NULL }, 6, &identity);
  g_assert_cmpint (result->rotation, ==, 0);
  g_assert_false (result->inverted);
  g_assert_cmpfloat (result->mean_confidence, >, 0.85);

  /* Reading order: the name's line, then the street's. */
  line_of_name = find_word (result, "Quillfeather")->line;
  line_of_street = find_word (result, "Lantern")->line;
  g_assert_cmpuint (line_of_street, ==, line_of_name + 1);
  g_assert_cmpuint (find_word (result, "Bindery")->line, ==, line_of_name);

  cairo_surface_destroy (bill);
}

static void
test_dark_screenshot (void)
{
  cairo_surface_t *bill = draw_bill (TRUE);
  g_autoptr(PortingOcrResult) result = read_ok (bill);

  g_assert_true (result->inverted);
  assert_words_read (result, name_and_address, 6, NULL);
  cairo_surface_destroy (bill);
}

/* The same bill turned by @quarter_turns clockwise, and the map from the
 * bill's pixels to the turned image's. */
static cairo_surface_t *
turn (cairo_surface_t *surface,
      int              quarter_turns,
      cairo_matrix_t  *to_turned)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  gboolean swap = quarter_turns % 2 == 1;
  cairo_surface_t *turned = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, swap ? height : width, swap ? width : height);
  cairo_t *cr = cairo_create (turned);

  switch (quarter_turns)
    {
    case 1: cairo_matrix_init (to_turned, 0, 1, -1, 0, height, 0); break;
    case 2: cairo_matrix_init (to_turned, -1, 0, 0, -1, width, height); break;
    case 3: cairo_matrix_init (to_turned, 0, -1, 1, 0, 0, width); break;
    default: cairo_matrix_init_identity (to_turned); break;
    }

  cairo_set_matrix (cr, to_turned);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);

  return turned;
}

/* Turned 90°, 180°, 270°: read all the same, boxes on the turned image. */
static void
test_turned (void)
{
  cairo_surface_t *bill = draw_bill (FALSE);

  for (int quarter_turns = 1; quarter_turns < 4; quarter_turns++)
    {
      if (under_asan && quarter_turns != 2)
        continue;
      cairo_matrix_t to_turned;
      cairo_surface_t *turned = turn (bill, quarter_turns, &to_turned);
      g_autoptr(PortingOcrResult) result = NULL;

      g_test_message ("turned %d°", quarter_turns * 90);
      result = read_ok (turned);
      assert_words_read (result, name_and_address, 8, &to_turned);
      /* To stand upright it has to be turned back. */
      g_assert_cmpint (result->rotation, ==, (360 - quarter_turns * 90) % 360);
      cairo_surface_destroy (turned);
    }

  cairo_surface_destroy (bill);
}

/* (x, y) of the photo → where on the bill: the inverse of the camera. */
typedef struct
{
  double h[9];
} Homography;

/* The map taking the unit square's corners to @corners (x0,y0 … x3,y3:
 * top-left, top-right, bottom-right, bottom-left). */
static void
homography_from_square (Homography   *m,
                        const double *corners)
{
  double x0 = corners[0], y0 = corners[1], x1 = corners[2], y1 = corners[3];
  double x2 = corners[4], y2 = corners[5], x3 = corners[6], y3 = corners[7];
  double dx1 = x1 - x2, dx2 = x3 - x2, dy1 = y1 - y2, dy2 = y3 - y2;
  double sx = x0 - x1 + x2 - x3, sy = y0 - y1 + y2 - y3;
  double d = dx1 * dy2 - dx2 * dy1;
  double g = (sx * dy2 - dx2 * sy) / d;
  double h = (dx1 * sy - sx * dy1) / d;

  m->h[0] = x1 - x0 + g * x1; m->h[1] = x3 - x0 + h * x3; m->h[2] = x0;
  m->h[3] = y1 - y0 + g * y1; m->h[4] = y3 - y0 + h * y3; m->h[5] = y0;
  m->h[6] = g; m->h[7] = h; m->h[8] = 1;
}

static void
homography_apply (const Homography *m,
                  double            u,
                  double            v,
                  double           *x,
                  double           *y)
{
  double w = m->h[6] * u + m->h[7] * v + m->h[8];

  *x = (m->h[0] * u + m->h[1] * v + m->h[2]) / w;
  *y = (m->h[3] * u + m->h[4] * v + m->h[5]) / w;
}

/* The inverse map, by the adjugate: photo pixel → unit square. */
static void
homography_invert (const Homography *m,
                   Homography       *inverse)
{
  const double *a = m->h;
  double *b = inverse->h;

  b[0] = a[4] * a[8] - a[5] * a[7];
  b[1] = a[2] * a[7] - a[1] * a[8];
  b[2] = a[1] * a[5] - a[2] * a[4];
  b[3] = a[5] * a[6] - a[3] * a[8];
  b[4] = a[0] * a[8] - a[2] * a[6];
  b[5] = a[2] * a[3] - a[0] * a[5];
  b[6] = a[3] * a[7] - a[4] * a[6];
  b[7] = a[1] * a[6] - a[0] * a[7];
  b[8] = a[0] * a[4] - a[1] * a[3];
}

/* A 12-megapixel phone photo of the bill printed: 3024 × 4032, the page
 * tilted and in perspective on a dark desk, a lamp on one side, sensor
 * noise; through JPEG and the image loader like any photo. */
static cairo_surface_t *
photograph (cairo_surface_t *bill,
            Homography      *camera)
{
  static const double corners[8] = { 330, 420, 2790, 250, 2900, 3720, 180, 3880 };
  int width = 3024, height = 4032;
  int bill_width = cairo_image_surface_get_width (bill);
  int bill_height = cairo_image_surface_get_height (bill);
  cairo_surface_t *photo = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  guint32 *pixels;
  int stride;
  GRand *noise = g_rand_new_with_seed (12);
  Homography to_bill;

  homography_from_square (camera, corners);
  homography_invert (camera, &to_bill);
  cairo_surface_flush (photo);
  pixels = (guint32 *) (gpointer) cairo_image_surface_get_data (photo);
  stride = cairo_image_surface_get_stride (photo) / 4;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        double u, v, value;
        /* The lamp: bright at the top left, a third as bright at the bottom right. */
        double light = 1.0 - 0.6 * ((double) x / width * 0.4 + (double) y / height * 0.6);

        homography_apply (&to_bill, x + 0.5, y + 0.5, &u, &v);
        if (u >= 0 && u < 1 && v >= 0 && v < 1)
          {
            int bx = (int) (u * bill_width), by = (int) (v * bill_height);
            guint32 p = test_image_pixel (bill, bx, by);

            value = (((p >> 16) & 0xff) * 0.85 + 30) * light;
          }
        else
          value = 45 * light;

        value += g_rand_double_range (noise, -12, 12);
        value = CLAMP (value, 0, 255);
        pixels[(gsize) y * stride + x] = 0xff000000u | ((guint32) value << 16) |
                                         ((guint32) (value * 0.97) << 8) | (guint32) (value * 0.9);
      }

  g_rand_free (noise);
  cairo_surface_mark_dirty (photo);

  return photo;
}

static void
test_phone_photo (void)
{
  cairo_surface_t *bill;
  Homography camera;
  cairo_surface_t *photo;
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *decoded;
  g_autoptr(PortingOcrResult) result = NULL;

  if (under_asan)
    {
      g_test_skip ("12 megapixels are too slow to make and read under AddressSanitizer");
      return;
    }

  bill = draw_bill (FALSE);
  photo = photograph (bill, &camera);
  jpeg = test_image_encode_jpeg (photo, 85, 0);
  decoded = porting_image_decode (jpeg, "photo.jpg", NULL, &error);

  g_assert_no_error (error);
  cairo_surface_destroy (photo);
  g_assert_cmpint (cairo_image_surface_get_width (decoded) * cairo_image_surface_get_height (decoded), ==, 3024 * 4032);

  result = read_ok (decoded);
  g_assert_true (result->background_normalized);
  g_assert_cmpfloat (fabs (result->skew), >, 1.0);
  g_assert_cmpfloat (result->scale, <, 1.0);

  /* Each word of the name and address read, sure, and its highlight on
   * it in the photo: its box holds the word's centre where the camera put it. */
  for (guint i = 0; i < G_N_ELEMENTS (drawn); i++)
    {
      Drawn *known = &drawn[i];
      const PortingOcrWord *word;
      double x, y;

      homography_apply (&camera, (known->x1 + known->x2) / 2 / 1000, (known->y1 + known->y2) / 2 / 1300, &x, &y);
      word = find_word_near (result, known->text, x, y);
      if (word == NULL)
        g_error ("“%s” was not read", known->text);
      g_test_message ("%s: confidence %.2f, centre at %.0f,%.0f, box %.0f,%.0f–%.0f,%.0f", word->text,
                      word->confidence, x, y, word->x1, word->y1, word->x2, word->y2);
      g_assert_cmpfloat (word->confidence, >, 0.6);
      g_assert_cmpfloat (x, >, word->x1);
      g_assert_cmpfloat (x, <, word->x2);
      g_assert_cmpfloat (y, >, word->y1);
      g_assert_cmpfloat (y, <, word->y2);
    }

  cairo_surface_destroy (decoded);
  cairo_surface_destroy (bill);
}

typedef struct
{
  double        last;
  guint         calls;
  gboolean      increasing;
  GCancellable *cancel_at_first;
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  if (fraction < progress->last)
    progress->increasing = FALSE;
  progress->last = fraction;
  progress->calls++;

  if (progress->cancel_at_first != NULL && fraction > 0.2)
    g_cancellable_cancel (progress->cancel_at_first);
}

static void
test_progress (void)
{
  cairo_surface_t *bill = draw_bill (FALSE);
  Progress progress = { 0, 0, TRUE, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PortingOcrResult) result = porting_ocr_read (bill, on_progress, &progress, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (progress.increasing);
  /* Not only before and after: Tesseract's monitor reports as it reads. */
  g_assert_cmpuint (progress.calls, >, 5);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  cairo_surface_destroy (bill);
}

/* Cancelled while Tesseract reads (from its monitor), not after. */
static void
test_cancel (void)
{
  cairo_surface_t *bill = draw_bill (FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress progress = { 0, 0, TRUE, cancellable };
  g_autoptr(GError) error = NULL;
  g_autoptr(PortingOcrResult) result = NULL;

  result = porting_ocr_read (bill, on_progress, &progress, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (progress.last, <, 0.9);
  g_clear_error (&error);

  /* Already cancelled: nothing read. */
  result = porting_ocr_read (bill, NULL, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  cairo_surface_destroy (bill);
}

static gpointer
read_in_thread (gpointer data)
{
  return porting_ocr_read (data, NULL, NULL, NULL, NULL);
}

static void
test_threads (void)
{
  cairo_surface_t *bill = draw_bill (FALSE);
  GThread *threads[2];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("ocr", read_in_thread, bill);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(PortingOcrResult) result = g_thread_join (threads[i]);

      g_assert_nonnull (result);
      assert_words_read (result, name_and_address, 6, NULL);
    }

  cairo_surface_destroy (bill);
}

static void
test_blank (void)
{
  cairo_surface_t *blank = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 800);
  cairo_surface_t *tiny = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 3, 3);
  g_autoptr(PortingOcrResult) result = read_ok (blank);
  g_autoptr(PortingOcrResult) nothing = read_ok (tiny);

  g_assert_cmpuint (result->words->len, ==, 0);
  g_assert_cmpuint (nothing->words->len, ==, 0);
  cairo_surface_destroy (blank);
  cairo_surface_destroy (tiny);
}

static void
test_missing_language_data (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("TESSDATA_PREFIX"));
  g_autofree char *empty = g_dir_make_tmp ("test-ocr-XXXXXX", NULL);
  cairo_surface_t *bill = draw_bill (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortingOcrResult) result = NULL;

  g_setenv ("TESSDATA_PREFIX", empty, TRUE);
  g_assert_cmpstr (porting_ocr_get_data_dir (), ==, empty);
  result = porting_ocr_read (bill, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, PORTING_OCR_ERROR, PORTING_OCR_ERROR_NO_LANGUAGE_DATA);
  g_assert_nonnull (strstr (error->message, "eng.traineddata"));
  g_assert_null (strchr (error->message, '\n'));

  if (saved != NULL)
    g_setenv ("TESSDATA_PREFIX", saved, TRUE);
  else
    g_unsetenv ("TESSDATA_PREFIX");
  g_rmdir (empty);
  cairo_surface_destroy (bill);
}

typedef struct
{
  GMainLoop *loop;
  GThread   *main_thread;
  guint      n_reports;
  double     last;
  gboolean   in_order;
  gboolean   done;
  gboolean   read_by_ocr;
  GError    *error;
} ReadAhead;

static void
on_document_progress (PortingDocument *document,
                      double           fraction,
                      gpointer         user_data)
{
  ReadAhead *read = user_data;

  /* On the main context of the caller, never on the reading thread. */
  g_assert_true (g_thread_self () == read->main_thread);
  if (fraction < read->last)
    read->in_order = FALSE;
  read->last = fraction;
  read->n_reports++;
}

static void
on_read (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ReadAhead *read = user_data;

  read->done = porting_document_read_text_finish (PORTING_DOCUMENT (object), result,
                                                  &read->read_by_ocr, &read->error);
  g_main_loop_quit (read->loop);
}

/* A screenshot opened as a document: read ahead on a worker thread, its
 * progress on the main loop, its words cached for the check. */
static void
test_document_read_ahead (void)
{
  cairo_surface_t *bill = draw_bill (FALSE);
  g_autoptr(GBytes) png = test_image_encode_png (bill);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortingDocument) document = porting_document_load_bytes (png, "bill.png", NULL, NULL, &error);
  g_autoptr(PortingPageText) page_text = NULL;
  ReadAhead read = { g_main_loop_new (NULL, FALSE), g_thread_self (), 0, 0, TRUE };

  g_assert_no_error (error);
  g_assert_false (porting_document_has_ocr_pages (document));

  porting_document_read_text_async (document, on_document_progress, &read, NULL, NULL, on_read, &read);
  g_main_loop_run (read.loop);
  g_assert_no_error (read.error);
  g_assert_true (read.done);
  g_assert_true (read.read_by_ocr);
  g_assert_true (read.in_order);
  g_assert_cmpuint (read.n_reports, >, 2);
  g_assert_true (porting_document_has_ocr_pages (document));

  /* Ready: no second reading. */
  page_text = porting_document_get_page_text (document, 0, PORTING_PAGE_TEXT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (page_text->text, "Quillfeather Bindery Inc"));

  g_main_loop_unref (read.loop);
  cairo_surface_destroy (bill);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ocr/screenshot", test_screenshot);
  g_test_add_func ("/ocr/dark-screenshot", test_dark_screenshot);
  g_test_add_func ("/ocr/turned", test_turned);
  g_test_add_func ("/ocr/phone-photo", test_phone_photo);
  g_test_add_func ("/ocr/progress", test_progress);
  g_test_add_func ("/ocr/cancel", test_cancel);
  g_test_add_func ("/ocr/threads", test_threads);
  g_test_add_func ("/ocr/blank", test_blank);
  g_test_add_func ("/ocr/missing-language-data", test_missing_language_data);
  g_test_add_func ("/ocr/document-read-ahead", test_document_read_ahead);

  return g_test_run ();
}
