/* porting-ocr.c — words read from an image by Tesseract, through its C API
 *
 * The image is made grey and brought to a size Tesseract reads well and
 * fast; uneven light is evened out and a tilted page straightened with
 * Leptonica; a page that reads poorly is turned the way OSD says and read
 * again. Every box is then mapped back through what was done, to the
 * pixels of the image given, so that highlights land on the words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-ocr"

#include "config.h"

#include <dlfcn.h>
#include <glib/gi18n.h>
#include <leptonica/allheaders.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <tesseract/capi.h>

#include "porting-ocr.h"
#include "porting-ocr-private.h"

/* Small screenshots are read larger, big photos smaller: Tesseract reads
 * text best 20–40 pixels high, and its time grows with the pixels. */
#define MIN_LONG_SIDE 1600
#define MAX_LONG_SIDE 3400
#define MAX_UPSCALE 2.0
/* A first reading this poor may be of a page upside down or on its side. */
#define POOR_MEAN_CONFIDENCE 0.55
#define POOR_WORD_COUNT 4
#define MIN_OSD_CONFIDENCE 1.5
/* Tesseract stops there and keeps what it read; a file has 30 s in all.
 * Under AddressSanitizer (the tests' second pass) everything runs some
 * ten times slower, Tesseract's allocations most. */
#if defined(__SANITIZE_ADDRESS__)
# define DEADLINE_MS 180000
#else
# define DEADLINE_MS 20000
#endif

G_DEFINE_QUARK (porting-ocr-error-quark, porting_ocr_error)

/* ---- Language data, and one Tesseract per thread ------------------------ */

const char *
porting_ocr_get_data_dir (void)
{
  const char *prefix = g_getenv ("TESSDATA_PREFIX");

  return prefix != NULL && prefix[0] != '\0' ? prefix : PORTING_TESSDATA_DIR;
}

/* Each Tesseract is used by one thread at a time; idle ones wait in a
 * pool, so that a second document does not pay the loading again. */
typedef struct
{
  TessBaseAPI *api;
  char        *data_dir;
} Reader;

typedef struct
{
  const char        *languages;
  TessOcrEngineMode  mode;
  GMutex             lock;
  GCond              ready;
  GQueue             idle;       /* of Reader */
  guint              warming;    /* being loaded ahead of need */
} Pool;

#define MAX_IDLE_READERS 2

static Pool readers = { "eng+fra", OEM_LSTM_ONLY };
static Pool orienters = { "osd", OEM_TESSERACT_ONLY };

/* Tesseract's parameters are globals: set and read them one thread at a time. */
G_LOCK_DEFINE_STATIC (tesseract_init);

static void
reader_free (Reader *reader)
{
  if (reader == NULL)
    return;
  TessBaseAPIEnd (reader->api);
  TessBaseAPIDelete (reader->api);
  g_free (reader->data_dir);
  g_free (reader);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reader, reader_free)

static void
quiet_libraries_once (void)
{
  static gsize done = 0;

  /* Leptonica writes its warnings to stderr: ours are GErrors. */
  if (g_once_init_enter (&done))
    {
      setMsgSeverity (L_SEVERITY_NONE);
      g_once_init_leave (&done, 1);
    }
}

/* Tesseract's OpenMP threads wait by spinning: on two cores its own teams
 * made it seven times slower than one thread (bench-ocr), and how many
 * threads a dynamic team got followed the load average, so a reading could
 * run out of time on a busy machine and not on an idle one. No parallel
 * region is made active: one thread always, the same speed at any load.
 * The setting belongs to the calling thread's data environment: made by
 * each thread before it reads. libgomp is looked up, as Tesseract may be
 * built without it. */
static void
keep_openmp_to_one_thread (void)
{
  static void (*set_max_active_levels) (int) = NULL;
  static gsize looked_up = 0;

  if (g_once_init_enter (&looked_up))
    {
      set_max_active_levels = (void (*) (int)) dlsym (RTLD_DEFAULT, "omp_set_max_active_levels");
      g_once_init_leave (&looked_up, 1);
    }

  if (set_max_active_levels != NULL)
    set_max_active_levels (0);
}

static gboolean
has_language (const char *data_dir,
              const char *language)
{
  g_autofree char *name = g_strconcat (language, ".traineddata", NULL);
  g_autofree char *path = g_build_filename (data_dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static Reader *
reader_new (Pool        *pool,
            const char  *data_dir,
            GError     **error)
{
  /* Names, addresses and numbers are not dictionary words: the word lists
   * cost a fifth of the loading and changed nothing read. */
  static const char *const names[] = { "load_system_dawg", "load_freq_dawg" };
  static const char *const values[] = { "0", "0" };
  g_auto(GStrv) each = g_strsplit (pool->languages, "+", -1);
  TessBaseAPI *api;
  Reader *reader;
  int status;

  for (guint i = 0; each[i] != NULL; i++)
    if (!has_language (data_dir, each[i]))
      {
        g_set_error (error, PORTING_OCR_ERROR, PORTING_OCR_ERROR_NO_LANGUAGE_DATA,
                     /* Translators: %s.traineddata is a file name, the second %s a folder */
                     _("Images cannot be read: the text recognition data “%s.traineddata” is missing from %s"),
                     each[i], data_dir);
        return NULL;
      }

  quiet_libraries_once ();

  G_LOCK (tesseract_init);
  api = TessBaseAPICreate ();
  /* Its messages go nowhere: what matters comes back as a GError. */
  TessBaseAPISetVariable (api, "debug_file", "/dev/null");
  status = TessBaseAPIInit4 (api, data_dir, pool->languages, pool->mode, NULL, 0,
                             (char **) names, (char **) values,
                             pool == &readers ? G_N_ELEMENTS (names) : 0, FALSE);
  /* Light-on-dark pages are turned over as a whole, first. */
  if (status == 0 && pool == &readers)
    TessBaseAPISetVariable (api, "tessedit_do_invert", "0");
  G_UNLOCK (tesseract_init);

  if (status != 0)
    {
      TessBaseAPIDelete (api);
      g_set_error (error, PORTING_OCR_ERROR, PORTING_OCR_ERROR_NO_LANGUAGE_DATA,
                   _("Images cannot be read: the text recognition data in %s cannot be loaded"),
                   data_dir);
      return NULL;
    }

  reader = g_new0 (Reader, 1);
  reader->api = api;
  reader->data_dir = g_strdup (data_dir);

  return reader;
}

static Reader *
pool_take (Pool    *pool,
           GError **error)
{
  const char *data_dir = porting_ocr_get_data_dir ();
  Reader *reader = NULL;

  g_mutex_lock (&pool->lock);
  for (;;)
    {
      while (reader == NULL && !g_queue_is_empty (&pool->idle))
        {
          reader = g_queue_pop_head (&pool->idle);
          if (g_strcmp0 (reader->data_dir, data_dir) != 0)
            g_clear_pointer (&reader, reader_free);
        }

      /* One being loaded ahead is nearer than a new one. */
      if (reader != NULL || pool->warming == 0)
        break;
      g_cond_wait (&pool->ready, &pool->lock);
    }
  g_mutex_unlock (&pool->lock);

  if (reader != NULL)
    return reader;

  return reader_new (pool, data_dir, error);
}

static void
pool_give_back (Pool   *pool,
                Reader *reader)
{
  g_mutex_lock (&pool->lock);
  if (g_queue_get_length (&pool->idle) < MAX_IDLE_READERS)
    g_queue_push_tail (&pool->idle, g_steal_pointer (&reader));
  g_cond_broadcast (&pool->ready);
  g_mutex_unlock (&pool->lock);

  reader_free (reader);
}

static gpointer
warm_up_thread (gpointer data)
{
  g_autoptr(GError) error = NULL;
  Reader *reader = reader_new (&readers, porting_ocr_get_data_dir (), &error);

  if (reader == NULL)
    g_debug ("Not loaded ahead: %s", error->message);

  g_mutex_lock (&readers.lock);
  if (reader != NULL)
    g_queue_push_tail (&readers.idle, reader);
  readers.warming--;
  g_cond_broadcast (&readers.ready);
  g_mutex_unlock (&readers.lock);

  return NULL;
}

/* Leaving the process while a Tesseract loads pulls its globals from under
 * it (a double free inside Tesseract under AddressSanitizer): programs call
 * this before main() returns, and exit() calls it too, ahead of the static
 * destructors libtesseract registered when it was loaded. An ELF destructor
 * would run after them. */
void
porting_ocr_wait_for_loading (void)
{
  g_mutex_lock (&readers.lock);
  while (readers.warming > 0)
    g_cond_wait (&readers.ready, &readers.lock);
  g_mutex_unlock (&readers.lock);
}

void
porting_ocr_warm_up (void)
{
  static gsize wait_at_exit = 0;

  if (g_once_init_enter (&wait_at_exit))
    {
      atexit (porting_ocr_wait_for_loading);
      g_once_init_leave (&wait_at_exit, 1);
    }

  g_mutex_lock (&readers.lock);
  if (!g_queue_is_empty (&readers.idle) || readers.warming > 0)
    {
      g_mutex_unlock (&readers.lock);
      return;
    }
  readers.warming++;
  g_mutex_unlock (&readers.lock);

  g_thread_unref (g_thread_new ("porting-ocr-load", warm_up_thread, NULL));
}

/* ---- Progress and cancellation through Tesseract's monitor -------------- */

typedef struct
{
  GCancellable           *cancellable;
  PortingOcrProgressFunc  progress;
  gpointer                user_data;
  double                  from;     /* the share of the whole this reading covers */
  double                  to;
} Monitor;

static void
report (Monitor *monitor,
        double   fraction)
{
  if (monitor->progress != NULL)
    monitor->progress (CLAMP (fraction, 0.0, 1.0), monitor->user_data);
}

static bool
on_cancel (void *cancel_this,
           int   words)
{
  Monitor *monitor = cancel_this;

  return g_cancellable_is_cancelled (monitor->cancellable);
}

static bool
on_progress (ETEXT_DESC *description,
             int         left,
             int         right,
             int         top,
             int         bottom)
{
  Monitor *monitor = TessMonitorGetCancelThis (description);
  /* LSTM recognition runs its one pass from 0 to 70. */
  double done = MIN (TessMonitorGetProgress (description) / 70.0, 1.0);

  report (monitor, monitor->from + (monitor->to - monitor->from) * done);
  return true;
}

/* ---- Reading one prepared image ------------------------------------------ */

static gboolean
is_blank_word (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
has_letter_or_digit (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Tesseract's usual slips in a sans-serif face: the pronoun I read as a
 * bar, an l as a capital I; and specks of noise read as punctuation. */
static void
mend_slips (GArray *words)
{
  for (guint i = 0; i < words->len; i++)
    {
      PortingOcrWord *word = &g_array_index (words, PortingOcrWord, i);
      const PortingOcrWord *next = i + 1 < words->len ? &g_array_index (words, PortingOcrWord, i + 1) : NULL;

      if (strcmp (word->text, "|") == 0)
        {
          if (next != NULL && next->line == word->line && g_unichar_islower (g_utf8_get_char (next->text)))
            {
              g_free (word->text);
              word->text = g_strdup ("I");
              continue;
            }
          g_array_remove_index (words, i--);
          continue;
        }

      if (!has_letter_or_digit (word->text) && word->confidence < 0.5)
        {
          g_array_remove_index (words, i--);
          continue;
        }

      /* A capital, then lower case: the I after the capital is an l
       * ("EImwood", "EIlen"). Only there: "McIntosh" keeps its I. */
      if (g_ascii_isupper (word->text[0]) && word->text[1] == 'I' && g_ascii_islower (word->text[2]))
        word->text[1] = 'l';
    }
}

/* Words in Tesseract's reading order, boxes in @pix's pixels. */
static GArray *
recognize (TessBaseAPI   *api,
           PIX           *pix,
           Monitor       *monitor,
           gint64         deadline,
           gboolean      *complete,
           GError       **error)
{
  ETEXT_DESC *description;
  TessResultIterator *iterator;
  GArray *words;
  int status;
  int block = -1, paragraph = -1, line = -1;

  keep_openmp_to_one_thread ();
  TessBaseAPISetPageSegMode (api, PSM_AUTO);
  TessBaseAPISetImage2 (api, pix);
  TessBaseAPISetSourceResolution (api, 300);

  description = TessMonitorCreate ();
  TessMonitorSetCancelFunc (description, on_cancel);
  TessMonitorSetCancelThis (description, monitor);
  TessMonitorSetProgressFunc (description, on_progress);
  TessMonitorSetDeadlineMSecs (description, (int) MAX (1000, (deadline - g_get_monotonic_time ()) / 1000));

  status = TessBaseAPIRecognize (api, description);
  *complete = TessMonitorGetProgress (description) >= 70 || status == 0;
  TessMonitorDelete (description);

  if (g_cancellable_set_error_if_cancelled (monitor->cancellable, error))
    {
      TessBaseAPIClear (api);
      return NULL;
    }

  words = g_array_new (FALSE, FALSE, sizeof (PortingOcrWord));
  g_array_set_clear_func (words, (GDestroyNotify) _porting_ocr_word_clear);

  iterator = TessBaseAPIGetIterator (api);
  if (iterator != NULL)
    {
      TessPageIterator *page_iterator = TessResultIteratorGetPageIterator (iterator);

      do
        {
          PortingOcrWord word = { 0 };
          char *text;
          int left, top, right, bottom;

          if (TessPageIteratorIsAtBeginningOf (page_iterator, RIL_BLOCK))
            block++;
          if (TessPageIteratorIsAtBeginningOf (page_iterator, RIL_PARA))
            paragraph++;
          if (TessPageIteratorIsAtBeginningOf (page_iterator, RIL_TEXTLINE))
            line++;

          text = TessResultIteratorGetUTF8Text (iterator, RIL_WORD);
          if (text == NULL)
            continue;
          if (is_blank_word (text) || !g_utf8_validate (text, -1, NULL) ||
              !TessPageIteratorBoundingBox (page_iterator, RIL_WORD, &left, &top, &right, &bottom))
            {
              TessDeleteText (text);
              continue;
            }

          word.text = g_strdup (text);
          TessDeleteText (text);
          word.x1 = left;
          word.y1 = top;
          word.x2 = right;
          word.y2 = bottom;
          word.confidence = CLAMP (TessResultIteratorConfidence (iterator, RIL_WORD) / 100.0, 0.0, 1.0);
          word.block = (guint) MAX (block, 0);
          word.paragraph = (guint) MAX (paragraph, 0);
          word.line = (guint) MAX (line, 0);
          g_array_append_val (words, word);
        }
      while (TessResultIteratorNext (iterator, RIL_WORD));

      TessResultIteratorDelete (iterator);
    }

  TessBaseAPIClear (api);
  mend_slips (words);
  return words;
}

static double
mean_confidence (GArray *words)
{
  double sum = 0;

  for (guint i = 0; i < words->len; i++)
    sum += g_array_index (words, PortingOcrWord, i).confidence;

  return words->len > 0 ? sum / words->len : 0;
}

static gboolean
reads_poorly (GArray *words)
{
  return words->len < POOR_WORD_COUNT || mean_confidence (words) < POOR_MEAN_CONFIDENCE;
}

static double
score (GArray *words)
{
  return words->len * mean_confidence (words);
}

/* Tesseract reads a page on its side line by line down the page: most of
 * its words then stand taller than they are wide. */
static gboolean
lies_sideways (GArray *words)
{
  guint long_words = 0, standing = 0;

  for (guint i = 0; i < words->len; i++)
    {
      const PortingOcrWord *word = &g_array_index (words, PortingOcrWord, i);

      if (g_utf8_strlen (word->text, -1) < 3)
        continue;
      long_words++;
      if (word->y2 - word->y1 > word->x2 - word->x1)
        standing++;
    }

  return long_words > 0 && standing * 2 > long_words;
}

/* How many quarter turns clockwise make the page upright, from OSD on a
 * smaller copy; -1 when OSD cannot tell (or has no data). */
static int
detect_quarter_turns (PIX    *pix,
                      double *confidence)
{
  g_autoptr(GError) error = NULL;
  Reader *osd;
  PIX *small;
  double factor = 1600.0 / MAX (pixGetWidth (pix), pixGetHeight (pix));
  int degrees = 0;
  float orientation_confidence = 0, script_confidence = 0;
  const char *script = NULL;
  BOOL found;

  osd = pool_take (&orienters, &error);
  if (osd == NULL)
    {
      g_debug ("No orientation detection: %s", error->message);
      return -1;
    }

  small = factor < 1 ? pixScaleAreaMap (pix, (float) factor, (float) factor) : pixClone (pix);
  TessBaseAPISetPageSegMode (osd->api, PSM_OSD_ONLY);
  TessBaseAPISetImage2 (osd->api, small);
  TessBaseAPISetSourceResolution (osd->api, 300);
  found = TessBaseAPIDetectOrientationScript (osd->api, &degrees, &orientation_confidence,
                                              &script, &script_confidence);
  TessBaseAPIClear (osd->api);
  pool_give_back (&orienters, osd);
  pixDestroy (&small);

  if (!found)
    return -1;

  *confidence = orientation_confidence;
  g_debug ("OSD: page at %d°, confidence %.2f (%s)", degrees, orientation_confidence,
           script != NULL ? script : "no script");

  /* OSD says how far the page is turned clockwise: turn it back. */
  return ((360 - degrees) % 360) / 90;
}

/* ---- The whole reading --------------------------------------------------- */

static double
choose_scale (int width,
              int height)
{
  int long_side = MAX (width, height);

  if (long_side < MIN_LONG_SIDE)
    return MIN (MAX_UPSCALE, (double) MIN_LONG_SIDE / long_side);
  if (long_side > MAX_LONG_SIDE)
    return (double) MAX_LONG_SIDE / long_side;
  return 1.0;
}

/* Boxes in the image read (@read_width × @read_height) to the image given,
 * and to the upright page: that image read turned by @more_turns, at the
 * scale of the image given. */
static void
map_words_back (GArray                 *words,
                const PortingOcrAffine *to_read,
                double                  scale,
                int                     more_turns,
                int                     read_width,
                int                     read_height,
                double                 *upright_to_image)
{
  PortingOcrAffine back;
  PortingOcrAffine upright;
  cairo_matrix_t unscale;

  _porting_ocr_affine_invert (to_read, &back);
  cairo_matrix_init_identity (&upright);
  _porting_ocr_affine_turn (&upright, more_turns, read_width, read_height);
  cairo_matrix_init_scale (&unscale, 1 / scale, 1 / scale);
  cairo_matrix_multiply (&upright, &upright, &unscale);

  for (guint i = 0; i < words->len; i++)
    {
      PortingOcrWord *word = &g_array_index (words, PortingOcrWord, i);

      word->upright_x1 = word->x1;
      word->upright_y1 = word->y1;
      word->upright_x2 = word->x2;
      word->upright_y2 = word->y2;
      _porting_ocr_affine_map_box (&upright, &word->upright_x1, &word->upright_y1,
                                   &word->upright_x2, &word->upright_y2);
      _porting_ocr_affine_map_box (&back, &word->x1, &word->y1, &word->x2, &word->y2);
    }

  {
    cairo_matrix_t to_image;

    _porting_ocr_affine_invert (&upright, &to_image);
    cairo_matrix_multiply (&to_image, &to_image, &back);
    upright_to_image[0] = to_image.xx;
    upright_to_image[1] = to_image.yx;
    upright_to_image[2] = to_image.xy;
    upright_to_image[3] = to_image.yy;
    upright_to_image[4] = to_image.x0;
    upright_to_image[5] = to_image.y0;
  }
}

PortingOcrResult *
porting_ocr_read (cairo_surface_t         *surface,
                  PortingOcrProgressFunc   progress,
                  gpointer                 user_data,
                  GCancellable            *cancellable,
                  GError                 **error)
{
  g_autoptr(PortingOcrResult) result = NULL;
  g_autoptr(GArray) words = NULL;
  g_autoptr(Reader) reader = NULL;
  Monitor monitor = { cancellable, progress, user_data, 0.15, 0.85 };
  PortingOcrAffine to_read;
  gint64 deadline;
  PIX *grey = NULL;
  PIX *prepared = NULL;
  int width, height;
  gboolean complete = TRUE;
  int read_turns = 0;          /* how the image kept was turned before reading */
  int read_width, read_height;

  g_return_val_if_fail (surface != NULL, NULL);
  g_return_val_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE, NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  result = g_new0 (PortingOcrResult, 1);
  result->words = g_array_new (FALSE, FALSE, sizeof (PortingOcrWord));
  g_array_set_clear_func (result->words, (GDestroyNotify) _porting_ocr_word_clear);
  result->complete = TRUE;
  result->upright_to_image[0] = result->upright_to_image[3] = 1;

  if (width < 8 || height < 8)
    return g_steal_pointer (&result);   /* nothing to read */

  report (&monitor, 0.0);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* Tesseract loads on one core while the image is made ready on the other. */
  porting_ocr_warm_up ();

  /* Grey, at the size Tesseract reads best. */
  result->scale = choose_scale (width, height);
  grey = _porting_ocr_grey_from_surface (surface, result->scale);
  _porting_ocr_affine_scale (&to_read, result->scale);
  if (grey != NULL)
    prepared = _porting_ocr_prepare (grey, &result->inverted, &result->background_normalized,
                                     &result->skew, &result->cleaned, &to_read);

  /* Taken even when it will not be used: no loading is left running. */
  {
    gint64 start = g_get_monotonic_time ();

    reader = pool_take (&readers, error);
    g_debug ("Tesseract ready %.3f s after the image", (g_get_monotonic_time () - start) / 1e6);
  }

  /* The time a page may take to read: its loading aside. */
  deadline = g_get_monotonic_time () + (gint64) DEADLINE_MS * 1000;

  if (reader == NULL || prepared == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      if (reader != NULL && prepared == NULL)
        g_set_error (error, PORTING_OCR_ERROR, PORTING_OCR_ERROR_FAILED,
                     _("The image is too large to be read"));
      if (reader != NULL)
        pool_give_back (&readers, g_steal_pointer (&reader));
      pixDestroy (&prepared);
      pixDestroy (&grey);
      return NULL;
    }
  report (&monitor, 0.15);
  read_width = pixGetWidth (prepared);
  read_height = pixGetHeight (prepared);

  /* One threshold for the page splits a photo's paper from its desk, not its
   * ink from its paper: there, thresholds by neighbourhood (Sauvola). */
  TessBaseAPISetVariable (reader->api, "thresholding_method", result->background_normalized ? "2" : "0");
  words = recognize (reader->api, prepared, &monitor, deadline, &complete, error);
  g_debug ("Read in %.3f s: %u words, mean confidence %.2f",
           (g_get_monotonic_time () - deadline) / 1e6 + DEADLINE_MS / 1000.0,
           words != NULL ? words->len : 0, words != NULL ? mean_confidence (words) : 0);
  if (words == NULL)
    {
      pool_give_back (&readers, g_steal_pointer (&reader));
      pixDestroy (&prepared);
      pixDestroy (&grey);
      return NULL;
    }

  /* Upside down, or on its side: turn it the way OSD says, and read again. */
  if (complete && !g_cancellable_is_cancelled (cancellable) &&
      (reads_poorly (words) || lies_sideways (words)))
    {
      double confidence = 0;
      int osd_turns = detect_quarter_turns (prepared, &confidence);
      int candidates[2] = { 0, 0 };
      guint n_candidates = 0;

      if (osd_turns > 0 && confidence >= MIN_OSD_CONFIDENCE)
        candidates[n_candidates++] = osd_turns;
      else if (lies_sideways (words))
        {
          candidates[n_candidates++] = 1;
          candidates[n_candidates++] = 3;
        }
      else if (osd_turns < 0)
        candidates[n_candidates++] = 2;

      monitor.from = 0.85;
      monitor.to = 0.98;
      for (guint i = 0; i < n_candidates; i++)
        {
          /* Turned, then made ready again: a tilt is only seen on a page upright. */
          PIX *turned = pixRotateOrth (grey, candidates[i]);
          PIX *turned_ready = NULL;
          PortingOcrAffine turned_to_read;
          g_autoptr(GArray) again = NULL;
          gboolean again_complete = TRUE;
          gboolean inverted, normalized, cleaned;
          double skew;

          _porting_ocr_affine_scale (&turned_to_read, result->scale);
          _porting_ocr_affine_turn (&turned_to_read, candidates[i], pixGetWidth (grey), pixGetHeight (grey));
          if (turned != NULL)
            turned_ready = _porting_ocr_prepare (turned, &inverted, &normalized, &skew, &cleaned, &turned_to_read);
          pixDestroy (&turned);
          if (turned_ready == NULL)
            continue;

          TessBaseAPISetVariable (reader->api, "thresholding_method", normalized ? "2" : "0");
          again = recognize (reader->api, turned_ready, &monitor, deadline, &again_complete, error);
          if (again == NULL)
            {
              pool_give_back (&readers, g_steal_pointer (&reader));
              pixDestroy (&turned_ready);
              pixDestroy (&prepared);
              pixDestroy (&grey);
              return NULL;
            }

          if (score (again) > score (words))
            {
              g_clear_pointer (&words, g_array_unref);
              words = g_steal_pointer (&again);
              to_read = turned_to_read;
              complete = again_complete;
              result->rotation = candidates[i] * 90;
              result->inverted = inverted;
              result->background_normalized = normalized;
              result->skew = skew;
              result->cleaned = cleaned;
              read_turns = candidates[i];
              read_width = pixGetWidth (turned_ready);
              read_height = pixGetHeight (turned_ready);
            }
          pixDestroy (&turned_ready);
        }

      /* Tesseract may read a page on its side well as it is: it still was. */
      if (osd_turns > 0 && confidence >= MIN_OSD_CONFIDENCE)
        {
          result->rotation = osd_turns * 90;
          result->rotation_confidence = confidence;
        }
    }
  pixDestroy (&prepared);
  pixDestroy (&grey);
  pool_give_back (&readers, g_steal_pointer (&reader));

  map_words_back (words, &to_read, result->scale, (result->rotation / 90 - read_turns + 4) % 4,
                  read_width, read_height, result->upright_to_image);
  g_clear_pointer (&result->words, g_array_unref);
  result->words = g_steal_pointer (&words);
  result->complete = complete;
  result->mean_confidence = mean_confidence (result->words);
  report (&monitor, 1.0);

  return g_steal_pointer (&result);
}

void
porting_ocr_result_free (PortingOcrResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->words, g_array_unref);
  g_free (result);
}
