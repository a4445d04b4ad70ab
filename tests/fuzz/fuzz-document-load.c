/* fuzz-document-load.c — libFuzzer over the document and image loaders
 *
 * Each input is loaded as a file would be (told from its content: the PDF
 * guard then poppler, or an image decoder), then the first pages' text is
 * extracted with word boxes and the pages rendered small, as the check
 * view would; OCR is left out (see LLVMFuzzerInitialize). See README.md,
 * "Fuzzing".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "porting-document.h"

#define MAX_PAGES_READ 3

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);

/* OCR is not a loader, and a second of Tesseract an input would leave no
 * time to fuzz: without its language data, pages keep their text layer.
 * FUZZ_OCR=1 keeps it. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  if (g_getenv ("FUZZ_OCR") == NULL)
    g_setenv ("TESSDATA_PREFIX", "/nonexistent/tessdata", TRUE);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(PortingDocument) document = NULL;
  guint n_pages;

  document = porting_document_load_bytes (bytes, "fuzz", NULL, NULL, NULL);
  if (document == NULL)
    return 0;

  n_pages = MIN (porting_document_get_n_pages (document), MAX_PAGES_READ);
  for (guint page = 0; page < n_pages; page++)
    {
      g_autoptr(PortingPageText) page_text = NULL;
      cairo_surface_t *surface;
      double width = 0, height = 0;

      porting_document_get_page_size (document, page, &width, &height);
      page_text = porting_document_get_page_text (document, page, PORTING_PAGE_TEXT_FLAGS_WORDS, NULL, NULL);
      if (page_text != NULL && page_text->words->len > 0)
        {
          const PortingWord *last = &g_array_index (page_text->words, PortingWord, page_text->words->len - 1);
          g_autoptr(GArray) rects = porting_page_text_get_rects (page_text, 0, last->end);
        }

      /* Small: what is fuzzed is reading the page, not filling pixels. */
      surface = porting_document_render_page (document, page, MIN (0.25, 200.0 / MAX (1.0, MAX (width, height))),
                                              NULL, NULL);
      g_clear_pointer (&surface, cairo_surface_destroy);
    }

  return 0;
}
