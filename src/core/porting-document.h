/* porting-document.h — a PDF or an image, its pages, their text and positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <cairo.h>

#include "porting-page-text.h"

G_BEGIN_DECLS

#define PORTING_DOCUMENT_ERROR (porting_document_error_quark ())

typedef enum
{
  PORTING_DOCUMENT_ERROR_NOT_FOUND,
  PORTING_DOCUMENT_ERROR_EMPTY,
  PORTING_DOCUMENT_ERROR_NOT_SUPPORTED,   /* neither PDF nor PNG/JPEG/WebP/HEIC, whatever its name */
  PORTING_DOCUMENT_ERROR_DAMAGED,
  PORTING_DOCUMENT_ERROR_NEEDS_PASSWORD,  /* protected, no password given */
  PORTING_DOCUMENT_ERROR_WRONG_PASSWORD,  /* protected, the password given is wrong */
  PORTING_DOCUMENT_ERROR_TOO_LARGE,
  PORTING_DOCUMENT_ERROR_FAILED,
} PortingDocumentError;

typedef enum
{
  PORTING_DOCUMENT_KIND_PDF,
  PORTING_DOCUMENT_KIND_IMAGE,
} PortingDocumentKind;

typedef enum
{
  PORTING_PAGE_TEXT_FLAGS_NONE  = 0,
  PORTING_PAGE_TEXT_FLAGS_WORDS = 1 << 0,   /* also fill PortingPageText.words (slower) */
} PortingPageTextFlags;

/* A fillable form's field (AcroForm), as a viewer left it. */
typedef enum
{
  PORTING_PDF_FIELD_TEXT,
  PORTING_PDF_FIELD_CHOICE,     /* a list or combo box: @value is the chosen item(s) */
  PORTING_PDF_FIELD_CHECK,      /* a check box or radio button: @checked */
  PORTING_PDF_FIELD_SIGNATURE,
  PORTING_PDF_FIELD_OTHER,
} PortingPdfFieldKind;

typedef struct
{
  PortingPdfFieldKind  kind;
  guint                 page;            /* 0-based */
  PortingRect           rect;            /* points, origin top-left */
  char                 *name;            /* fully qualified: "loa.customer.name" */
  char                 *partial_name;    /* "name" */
  char                 *alternate_name;  /* the tooltip (TU), often the label; NULL when none */
  char                 *value;           /* text or chosen item(s), trimmed; NULL when empty */
  double                font_size;       /* 0 = automatic */
  gboolean              multiline;
  gboolean              checked;
  gboolean              is_signed;       /* a signature field holding a digital signature */
} PortingPdfField;

/* Called on the calling thread, in page order; return FALSE to stop early. */
typedef gboolean (*PortingPageTextFunc) (PortingPageText *page_text,
                                         gpointer         user_data);

#define PORTING_TYPE_DOCUMENT (porting_document_get_type ())
G_DECLARE_FINAL_TYPE (PortingDocument, porting_document, PORTING, DOCUMENT, GObject)

GQuark               porting_document_error_quark    (void);

/* Blocking: for worker threads, tests and the command line. */
PortingDocument     *porting_document_load           (GFile                *file,
                                                      const char           *password,
                                                      GCancellable         *cancellable,
                                                      GError              **error);
PortingDocument     *porting_document_load_bytes     (GBytes               *bytes,
                                                      const char           *display_name,
                                                      const char           *password,
                                                      GCancellable         *cancellable,
                                                      GError              **error);
void                 porting_document_load_async     (GFile                *file,
                                                      const char           *password,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
PortingDocument     *porting_document_load_finish    (GAsyncResult         *result,
                                                      GError              **error);

/* NULL for a document loaded from bytes. */
GFile               *porting_document_get_file       (PortingDocument      *self);
PortingDocumentKind  porting_document_get_kind       (PortingDocument      *self);
guint                porting_document_get_n_pages    (PortingDocument      *self);
/* In points (1/72 in); an image is one page, one point per pixel. */
void                 porting_document_get_page_size  (PortingDocument      *self,
                                                      guint                 page,
                                                      double               *width,
                                                      double               *height);

/* Thread-safe; results are cached. Images have empty text (no OCR). */
PortingPageText     *porting_document_get_page_text  (PortingDocument      *self,
                                                      guint                 page,
                                                      PortingPageTextFlags  flags,
                                                      GCancellable         *cancellable,
                                                      GError              **error);

/* Called on the main context of the caller of porting_document_read_text_async(). */
typedef void (*PortingDocumentProgressFunc) (PortingDocument *document,
                                             double           fraction,
                                             gpointer         user_data);

/* Reads the text of the first pages on a worker thread (and caches it), by
 * OCR where they have none: what the check will then find ready.
 * @progress reports OCR's; finish says whether OCR read any page. */
void                 porting_document_read_text_async  (PortingDocument             *self,
                                                        PortingDocumentProgressFunc  progress,
                                                        gpointer                     progress_data,
                                                        GDestroyNotify               progress_destroy,
                                                        GCancellable                *cancellable,
                                                        GAsyncReadyCallback          callback,
                                                        gpointer                     user_data);
gboolean             porting_document_read_text_finish (PortingDocument             *self,
                                                        GAsyncResult                *result,
                                                        gboolean                    *read_by_ocr,
                                                        GError                     **error);
/* Whether a page of @self was read by OCR (so far). */
gboolean             porting_document_has_ocr_pages    (PortingDocument             *self);

/* Where text[start, end) of @page_text is seen on the rendered page: for a
 * page read by OCR (laid out upright), through how it was turned and tilted. */
GArray              *porting_document_get_highlight_rects (PortingDocument *self,
                                                           PortingPageText *page_text,
                                                           guint            start,
                                                           guint            end);

/* Extracts pages ahead on worker threads (both cores) and hands them to @func
 * in order on the calling thread; stops when @func returns FALSE. */
gboolean             porting_document_scan_text      (PortingDocument      *self,
                                                      PortingPageTextFlags  flags,
                                                      PortingPageTextFunc   func,
                                                      gpointer              user_data,
                                                      GCancellable         *cancellable,
                                                      GError              **error);

/* Thread-safe. The form fields of @page (PortingPdfField*, none for an
 * image); @with_signatures also looks for a digital signature in each
 * signature field. */
GPtrArray           *porting_document_get_form_fields (PortingDocument     *self,
                                                       guint                 page,
                                                       gboolean              with_signatures,
                                                       GError              **error);

/* Thread-safe. ARGB32, white behind the page, @scale device pixels per point. */
cairo_surface_t     *porting_document_render_page    (PortingDocument      *self,
                                                      guint                 page,
                                                      double                scale,
                                                      GCancellable         *cancellable,
                                                      GError              **error);

/**
 * PortingDocumentBandFunc:
 * @user_data: what was given with it
 *
 * Called on the rendering thread before each band of a page is rendered:
 * it may wait, so that the band runs when the machine is free.
 */
typedef void (*PortingDocumentBandFunc) (gpointer user_data);

/* Thread-safe. The same pixels as porting_document_render_page(), drawn
 * @band_rows rows at a time with @before_band before each. */
cairo_surface_t     *porting_document_render_page_in_bands (PortingDocument         *self,
                                                            guint                    page,
                                                            double                   scale,
                                                            int                      band_rows,
                                                            PortingDocumentBandFunc  before_band,
                                                            gpointer                 user_data,
                                                            GCancellable            *cancellable,
                                                            GError                 **error);

G_END_DECLS
