/* bench-ocr.c — porting-ocr against `tesseract IMAGE -` on a screenshot and a 12 MP photo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-ocr [IMAGE…]            compare (the project's OCR documents when none given)
 * bench-ocr --read IMAGE        one reading, as a process of its own (what is timed)
 *
 * Each command runs as a fresh process, so all pay their start-up and the
 * loading of their language data: `tesseract IMAGE -` (English only, its
 * default), the same with OMP_THREAD_LIMIT=1, `bench-ocr --read` (porting-ocr
 * alone, English and French, as the app reads) and `porting-cli
 * check-documents --loa LOA --proof IMAGE` (the whole check: the LOA read,
 * the image decoded and read, the fields matched). Runs are interleaved; the
 * median wall time, the range and the peak RSS of each are printed with the
 * ratio to tesseract's. Goal <= 1.0, bar 1.5. Prints figures; never fails on them.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "porting-document.h"
#include "porting-ocr.h"

#define N_RUNS 5

typedef struct
{
  const char *label;
  char       *argv[8];
  char       *env_limit;      /* "OMP_THREAD_LIMIT=1" or NULL */
  double      seconds[N_RUNS];
  long        max_rss_kib[N_RUNS];
  guint       n_ok;
} Command;

static int
read_one (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PortingDocument) document = porting_document_load (file, NULL, NULL, &error);
  g_autoptr(PortingOcrResult) result = NULL;
  cairo_surface_t *surface;

  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  /* A PDF page as the check renders it for OCR: 300 dpi. */
  surface = porting_document_render_page (document, 0,
                                          porting_document_get_kind (document) == PORTING_DOCUMENT_KIND_PDF ? 300.0 / 72 : 1.0,
                                          NULL, &error);
  if (surface == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  result = porting_ocr_read (surface, NULL, NULL, NULL, &error);
  cairo_surface_destroy (surface);
  if (result == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  printf ("%u words, mean confidence %.2f\n", result->words->len, result->mean_confidence);
  return 0;
}

static gboolean
run_once (Command *command,
          guint    index)
{
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  int status = 0;
  pid_t pid = fork ();

  if (pid < 0)
    return FALSE;

  if (pid == 0)
    {
      int null_fd = open ("/dev/null", O_WRONLY);

      if (null_fd >= 0)
        {
          dup2 (null_fd, STDOUT_FILENO);
          dup2 (null_fd, STDERR_FILENO);
        }
      if (command->env_limit != NULL)
        putenv (command->env_limit);
      execvp (command->argv[0], command->argv);
      _exit (127);
    }

  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      return FALSE;

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return FALSE;

  command->seconds[index] = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  command->max_rss_kib[index] = usage.ru_maxrss;
  command->n_ok++;
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median_of (double *values,
           guint   n)
{
  double sorted[N_RUNS];

  memcpy (sorted, values, n * sizeof (double));
  qsort (sorted, n, sizeof (double), compare_doubles);
  return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

static void
compare (const char *self,
         const char *image,
         const char *loa)
{
  g_autofree char *tesseract = g_find_program_in_path ("tesseract");
  g_autofree char *name = g_path_get_basename (image);
  const char *cli = g_getenv ("PORTING_CLI");
  Command commands[] = {
    { "tesseract IMAGE -", { tesseract, (char *) image, (char *) "-", NULL } },
    { "tesseract, OMP_THREAD_LIMIT=1", { tesseract, (char *) image, (char *) "-", NULL }, (char *) "OMP_THREAD_LIMIT=1" },
    { "porting-ocr (eng+fra)", { (char *) self, (char *) "--read", (char *) image, NULL } },
    { "porting-cli check-documents", { (char *) cli, (char *) "check-documents", (char *) "--loa", (char *) loa,
                                       (char *) "--proof", (char *) image, NULL } },
  };
  guint n_commands = cli != NULL && loa != NULL ? G_N_ELEMENTS (commands) : G_N_ELEMENTS (commands) - 1;
  double baseline = 0;

  if (tesseract == NULL)
    {
      printf ("%s: tesseract is not installed, no baseline\n", name);
      return;
    }

  for (guint run = 0; run < N_RUNS; run++)
    for (guint i = 0; i < n_commands; i++)
      if (!run_once (&commands[i], commands[i].n_ok))
        printf ("%s: %s failed\n", name, commands[i].label);

  printf ("\n%s (%d runs each, interleaved; median [min–max] wall time, median peak RSS)\n", name, N_RUNS);
  for (guint i = 0; i < n_commands; i++)
    {
      Command *command = &commands[i];
      double rss[N_RUNS], lowest = G_MAXDOUBLE, highest = 0, median;

      if (command->n_ok == 0)
        continue;
      for (guint k = 0; k < command->n_ok; k++)
        {
          rss[k] = command->max_rss_kib[k];
          lowest = MIN (lowest, command->seconds[k]);
          highest = MAX (highest, command->seconds[k]);
        }
      median = median_of (command->seconds, command->n_ok);
      if (i == 0)
        baseline = median;

      printf ("  %-32s %6.2f s [%.2f–%.2f]  %6.0f MiB", command->label, median, lowest, highest,
              median_of (rss, command->n_ok) / 1024);
      if (i > 0 && baseline > 0)
        printf ("   %.2f× tesseract", median / baseline);
      printf ("\n");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *self = NULL;
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");

  if (argc == 3 && g_str_equal (argv[1], "--read"))
    return read_one (argv[2]);

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);

  printf ("OCR: porting-ocr against tesseract, each a fresh process (goal <= 1.0x, bar 1.5x)\n");

  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        compare (self, argv[i], NULL);
      return 0;
    }

  if (srcdir == NULL)
    {
      g_printerr ("G_TEST_SRCDIR is not set: give images\n");
      return 1;
    }

  {
    const char *images[] = { "screenshot-1x.png", "screenshot-2x.png", "photo-12mp.jpg" };
    g_autofree char *loa = g_build_filename (srcdir, "documents", "ocr", "cobblestone-loa.pdf", NULL);

    for (guint i = 0; i < G_N_ELEMENTS (images); i++)
      {
        g_autofree char *path = g_build_filename (srcdir, "documents", "ocr", images[i], NULL);

        compare (self, path, loa);
      }
  }

  return 0;
}
