/* porting-document-private.h — what the document's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <poppler.h>

#include "porting-document.h"
#include "porting-ocr.h"

G_BEGIN_DECLS

/* porting-document-text.c; not thread-safe on one PopplerDocument. */
PortingPageText *_porting_pdf_page_get_text        (PopplerPage *poppler_page,
                                                    guint        page,
                                                    gboolean     keep_words);
GPtrArray       *_porting_pdf_page_get_form_fields (PopplerPage *poppler_page,
                                                    guint        page,
                                                    gboolean     with_signatures);

/* porting-document.c, for porting-document-scan.c */
PopplerDocument *_porting_document_open_view        (PortingDocument      *self,
                                                     GError              **error);
PortingPageText *_porting_document_lookup_text      (PortingDocument      *self,
                                                     guint                 page,
                                                     PortingPageTextFlags  flags);
PortingPageText *_porting_document_extract_text     (PopplerDocument      *poppler_document,
                                                     guint                 page,
                                                     PortingPageTextFlags  flags);
const char      *_porting_document_get_display_name (PortingDocument      *self);

/* porting-document.c, for porting-document-render.c: poppler is not
 * thread-safe on one PopplerDocument, whose lock this is. */
PopplerDocument *_porting_document_lock_poppler     (PortingDocument      *self);
void             _porting_document_unlock_poppler   (PortingDocument      *self);

/* What OCR has cost a document, and the one page it reads at a time. */
typedef struct
{
  GMutex      lock;       /* guards the counts and @placements */
  GMutex      reading;    /* held while a page is read */
  guint       pages_read;
  gint64      usec_spent;
  GHashTable *placements; /* page → 6 doubles: its upright model to the page as seen */
} PortingDocumentOcr;

/* porting-document.c, for porting-document-ocr.c */
PortingPageText    *_porting_document_get_page_text_full (PortingDocument        *self,
                                                          guint                   page,
                                                          PortingPageTextFlags    flags,
                                                          PortingOcrProgressFunc  progress,
                                                          gpointer                progress_data,
                                                          GCancellable           *cancellable,
                                                          GError                **error);
cairo_surface_t    *_porting_document_get_image          (PortingDocument      *self);
/* The share of @page that images cover, 0…1 (0 for an image document). */
double              _porting_document_get_image_coverage (PortingDocument      *self,
                                                          guint                 page);
PortingDocumentOcr *_porting_document_get_ocr            (PortingDocument      *self);
/* Returns the cached one when another thread got there first. Takes @page_text. */
PortingPageText    *_porting_document_store_text         (PortingDocument      *self,
                                                          PortingPageText      *page_text);

/* porting-document-ocr.c */
void                _porting_document_ocr_clear          (PortingDocumentOcr   *ocr);
gboolean            _porting_document_page_wants_ocr     (PortingDocument      *self,
                                                          PortingPageText      *text_layer);
PortingPageText    *_porting_document_read_by_ocr        (PortingDocument        *self,
                                                          guint                   page,
                                                          PortingPageText        *text_layer,
                                                          PortingPageTextFlags    flags,
                                                          PortingOcrProgressFunc  progress,
                                                          gpointer                progress_data,
                                                          GCancellable           *cancellable,
                                                          GError                **error);

G_END_DECLS
