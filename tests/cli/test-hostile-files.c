/* test-hostile-files.c — porting-cli check-documents on files made to hurt:
 * each made here by a small generator, each run under 512 MiB of address
 * space and 30 s, each answered with exit 2 and one line (or a clean result)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "asan-test-util.h"
#include "image-test-util.h"
#include "pdf-test-util.h"
#include "porting-loa-writer.h"

#define MAX_ADDRESS_SPACE ((rlim_t) 512 * 1024 * 1024)

/* 30 s a file, as DESIGN says. Under AddressSanitizer every allocation is
 * slow: Tesseract loading ahead for a cut image's good header (the process
 * waits for it before leaving) took 17 to 25 s there on a busy machine. */
#ifdef UNDER_ASAN
# define MAX_SECONDS 120
#else
# define MAX_SECONDS 30
#endif

typedef struct
{
  char   *dir;
  char   *loa;
} Fixture;

typedef struct
{
  int     status;     /* exit code, or -1 */
  char   *err;
  double  seconds;
  glong   max_rss_kib;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) loa = NULL;
  PortingLoaWriterData *loa_data = porting_loa_writer_data_new ();

  fixture->dir = g_dir_make_tmp ("test-hostile-XXXXXX", &error);
  g_assert_no_error (error);

  loa_data->customer_name = g_strdup ("Quillfeather Bindery Inc");
  loa_data->authorized_person = g_strdup ("Odile Marchetti");
  loa_data->street = g_strdup ("77 Lantern Row");
  loa_data->unit = g_strdup ("Suite 12");
  loa_data->city = g_strdup ("Duluth");
  loa_data->region = g_strdup ("MN");
  loa_data->postal_code = g_strdup ("55802");
  loa_data->country = g_strdup ("US");
  loa_data->carrier = g_strdup ("Lakeshore Telco");
  g_ptr_array_add (loa_data->numbers, g_strdup ("+12185550147"));
  loa_data->typed_signature = g_strdup ("Odile Marchetti");

  fixture->loa = g_build_filename (fixture->dir, "loa.pdf", NULL);
  loa = g_file_new_for_path (fixture->loa);
  g_assert_true (porting_loa_writer_write (loa_data, loa, &error));
  g_assert_no_error (error);
  porting_loa_writer_data_free (loa_data);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->loa);
}

static void
limit_child (gpointer user_data)
{
  /* AddressSanitizer reserves terabytes of shadow memory: no address-space
   * limit there, and its own overhead in the peak. */
#ifndef UNDER_ASAN
  struct rlimit limit = { MAX_ADDRESS_SPACE, MAX_ADDRESS_SPACE };

  setrlimit (RLIMIT_AS, &limit);
#endif
}

/* porting-cli check-documents --loa LOA --proof @proof, limited, timed, measured. */
static void
run_check (Fixture    *fixture,
           const char *proof,
           Run        *run)
{
  const char *cli = g_getenv ("PORTING_CLI");
  const char *argv[] = { cli, "check-documents", "--loa", fixture->loa, "--proof", proof, "--json", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) err = g_string_new (NULL);
  struct rusage usage = { 0 };
  gint64 start = g_get_monotonic_time ();
  GPid pid;
  int err_fd;
  int wait_status = 0;
  char buffer[4096];
  gssize n;

  g_assert_nonnull (cli);
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                           G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                           limit_child, NULL, &pid, NULL, NULL, &err_fd, &error));
  g_assert_no_error (error);

  /* Waits up to the limit, then kills it: a test that fails, never one that hangs. */
  for (;;)
    {
      pid_t done = wait4 (pid, &wait_status, WNOHANG, &usage);

      if (done == pid)
        break;
      g_assert_cmpint (done, ==, 0);
      if (g_get_monotonic_time () - start > (gint64) MAX_SECONDS * G_USEC_PER_SEC)
        {
          kill (pid, SIGKILL);
          wait4 (pid, &wait_status, 0, &usage);
          g_test_message ("porting-cli took more than %d s on %s", MAX_SECONDS, proof);
          break;
        }
      g_usleep (10000);
    }

  while ((n = read (err_fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (err, buffer, n);
  close (err_fd);
  g_spawn_close_pid (pid);

  run->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  run->max_rss_kib = usage.ru_maxrss;
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  run->err = g_string_free (g_steal_pointer (&err), FALSE);

  g_test_message ("%s: exit %d in %.2f s, peak %ld MiB: %s", proof, run->status, run->seconds,
                  run->max_rss_kib / 1024, run->err);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            GBytes     *bytes)
{
  char *path = g_build_filename (fixture->dir, name, NULL);

  test_write_bytes (path, bytes);
  return path;
}

/* Exit 2, one line naming the file and saying @why; within the limits. */
static void
assert_refused (Fixture    *fixture,
                const char *name,
                GBytes     *bytes,
                const char *why)
{
  g_autofree char *path = write_file (fixture, name, bytes);
  g_auto(Run) run = { 0 };
  const char *newline;

  run_check (fixture, path, &run);

  g_assert_cmpint (run.status, ==, 2);
  newline = strchr (run.err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline + 1, ==, "");
  g_assert_nonnull (strstr (run.err, name));
  g_assert_nonnull (strstr (run.err, why));
  g_assert_cmpfloat (run.seconds, <, MAX_SECONDS);
#ifndef UNDER_ASAN
  g_assert_cmpint (run.max_rss_kib, <, 512 * 1024);
#endif

  /* The same file as the LOA: the same answer. */
  {
    const char *cli = g_getenv ("PORTING_CLI");
    const char *argv[] = { cli, "check-documents", "--loa", path, "--proof", fixture->loa, NULL };
    g_autofree char *err = NULL;
    int wait_status = 0;
    g_autoptr(GError) error = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                                 limit_child, NULL, NULL, &err, &wait_status, &error));
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (wait_status));
    g_assert_cmpint (WEXITSTATUS (wait_status), ==, 2);
    g_assert_nonnull (strstr (err, why));
  }
}

static void
test_png_bombs (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) square = test_image_png_bomb (50000, 50000, 400 * 1024);
  g_autoptr(GBytes) tall = test_image_png_bomb (46341, 100000, 400 * 1024);
  g_autoptr(GBytes) just_over = test_image_png_bomb (10001, 10000, 64 * 1024);

  assert_refused (fixture, "bill-50000x50000.png", square, "is too large an image (50000 × 50000 pixels");
  assert_refused (fixture, "bill-46341x100000.png", tall, "is too large an image (46341 × 100000 pixels");
  assert_refused (fixture, "bill-10001x10000.png", just_over, "at most 100 megapixels");
}

static void
test_truncated_images (Fixture       *fixture,
                       gconstpointer  data)
{
  cairo_surface_t *page = test_image_new_marked (900, 1200);
  g_autoptr(GBytes) png = test_image_encode_png (page);
  g_autoptr(GBytes) jpeg = test_image_encode_jpeg (page, 85, 0);
  g_autoptr(GBytes) png_half = test_bytes_truncated (png, g_bytes_get_size (png) / 2);
  g_autoptr(GBytes) jpeg_half = test_bytes_truncated (jpeg, g_bytes_get_size (jpeg) / 2);

  cairo_surface_destroy (page);
  assert_refused (fixture, "screenshot-cut.png", png_half, "is damaged and cannot be read");
  assert_refused (fixture, "photo-cut.jpg", jpeg_half, "is damaged and cannot be read");
}

static void
test_page_tree_loop (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) pdf = test_pdf_page_tree_loop ();

  assert_refused (fixture, "loop.pdf", pdf, "is damaged and cannot be read");
}

static void
test_nested (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GBytes) in_resources = test_pdf_nested (200000, FALSE);
  g_autoptr(GBytes) in_contents = test_pdf_nested (200000, TRUE);

  assert_refused (fixture, "nested.pdf", in_resources, "is damaged and cannot be read");
  assert_refused (fixture, "nested-contents.pdf", in_contents, "is damaged and cannot be read");
}

static void
test_many_pages (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) pdf = test_pdf_many_pages (100000);

  assert_refused (fixture, "pages.pdf", pdf, "has too many pages (100000; at most 10000)");
}

static void
test_inflating_content (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GBytes) text = test_pdf_inflating_content (G_GUINT64_CONSTANT (1) << 30,
                                                       "BT /F1 12 Tf 72 720 Td (A) Tj ET\n");
  g_autoptr(GBytes) spaces = test_pdf_inflating_content (G_GUINT64_CONSTANT (1) << 30, " ");
  /* Small enough to pass the stream limits, but 1M glyphs on one spot. */
  g_autoptr(GBytes) glyphs = test_pdf_inflating_content (24 * 1024 * 1024, "(A) '\n");

  g_assert_cmpuint (g_bytes_get_size (text), <, 8 * 1024 * 1024);
  assert_refused (fixture, "inflates-text.pdf", text, "is too large");
  assert_refused (fixture, "inflates-spaces.pdf", spaces, "is too large");
  assert_refused (fixture, "glyphs.pdf", glyphs, "is too large");
}

static void
test_form_fan_out (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Six forms each drawing the next ten times: 100,000 texts on one page. */
  g_autoptr(GBytes) pdf = test_pdf_form_fan_out (6, 10, "Quillfeather Bindery Inc");

  assert_refused (fixture, "forms.pdf", pdf, "is too large");
}

/* Not every odd file is hostile: these read, and exit 0. */
static void
test_valid (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GBytes) bill = test_pdf_text_page ("Lakeshore Telco\nBill To\nQuillfeather Bindery Inc\n"
                                               "77 Lantern Row, Suite 12\nDuluth, MN 55802");
  g_autoptr(GBytes) pages = test_pdf_many_pages (300);
  /* One form drawn by the page: a letterhead, not an attack. */
  g_autoptr(GBytes) form = test_pdf_form_fan_out (2, 1, "Quillfeather Bindery Inc");
  struct { const char *name; GBytes *bytes; } valid[] = {
    { "bill.pdf", bill }, { "pages.pdf", pages }, { "form.pdf", form },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autofree char *path = write_file (fixture, valid[i].name, valid[i].bytes);
      g_auto(Run) run = { 0 };

      run_check (fixture, path, &run);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/hostile/png-bombs", test_png_bombs);
  ADD ("/hostile/truncated-images", test_truncated_images);
  ADD ("/hostile/page-tree-loop", test_page_tree_loop);
  ADD ("/hostile/nested", test_nested);
  ADD ("/hostile/many-pages", test_many_pages);
  ADD ("/hostile/inflating-content", test_inflating_content);
  ADD ("/hostile/form-fan-out", test_form_fan_out);
  ADD ("/hostile/valid", test_valid);

#undef ADD

  return g_test_run ();
}
