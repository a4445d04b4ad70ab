/* make-fuzz-seeds.c — the generated part of the fuzzers' seed corpus: every
 * image format (whole, cut short, a bomb's header) and the hostile PDFs of
 * test-hostile-files at sizes a fuzzer can mutate
 *
 * usage: make-fuzz-seeds DIR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "image-test-util.h"
#include "pdf-test-util.h"

static void
write_seed (const char *dir,
            const char *name,
            GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (bytes == NULL)
    return;
  test_write_bytes (path, bytes);
  g_bytes_unref (bytes);
}

int
main (int   argc,
      char *argv[])
{
  cairo_surface_t *image;
  GBytes *png, *jpeg;

  if (argc != 2)
    {
      g_printerr ("usage: %s DIR\n", argv[0]);
      return 1;
    }
  g_mkdir_with_parents (argv[1], 0755);

  image = test_image_new_marked (48, 32);
  png = test_image_encode_png (image);
  jpeg = test_image_encode_jpeg (image, 80, 6);
  write_seed (argv[1], "truncated.png", test_bytes_truncated (png, g_bytes_get_size (png) / 2));
  write_seed (argv[1], "truncated.jpg", test_bytes_truncated (jpeg, g_bytes_get_size (jpeg) / 2));
  write_seed (argv[1], "marked.png", png);
  write_seed (argv[1], "marked-exif-6.jpg", jpeg);
  write_seed (argv[1], "marked-lossless.webp", test_image_encode_webp (image, -1));
  write_seed (argv[1], "marked.webp", test_image_encode_webp (image, 60));
  write_seed (argv[1], "marked.heic", test_image_encode_heic (image, 50));
  write_seed (argv[1], "bomb.png", test_image_png_bomb (50000, 50000, 2048));
  cairo_surface_destroy (image);

  write_seed (argv[1], "text.pdf", test_pdf_text_page ("Bill To\nQuillfeather Bindery Inc\n77 Lantern Row"));
  write_seed (argv[1], "loop.pdf", test_pdf_page_tree_loop ());
  write_seed (argv[1], "nested.pdf", test_pdf_nested (300, FALSE));
  write_seed (argv[1], "nested-contents.pdf", test_pdf_nested (300, TRUE));
  write_seed (argv[1], "pages.pdf", test_pdf_many_pages (40));
  write_seed (argv[1], "inflating.pdf", test_pdf_inflating_content (4 * 1024 * 1024, "BT /F1 12 Tf 72 720 Td (A) Tj ET\n"));
  write_seed (argv[1], "forms.pdf", test_pdf_form_fan_out (4, 3, "Quillfeather"));

  return 0;
}
