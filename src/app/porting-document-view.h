/* porting-document-view.h — one document: its pages one under the other, zoom, highlights
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "porting-document.h"
#include "porting-field-match.h"

G_BEGIN_DECLS

typedef enum
{
  PORTING_DOCUMENT_VIEW_STATE_EMPTY,
  PORTING_DOCUMENT_VIEW_STATE_LOADING,
  PORTING_DOCUMENT_VIEW_STATE_NEEDS_PASSWORD,  /* waiting for the user to type it */
  PORTING_DOCUMENT_VIEW_STATE_FAILED,
  PORTING_DOCUMENT_VIEW_STATE_LOADED,
} PortingDocumentViewState;

#define PORTING_TYPE_DOCUMENT_VIEW_STATE (porting_document_view_state_get_type ())
GType porting_document_view_state_get_type (void) G_GNUC_CONST;

#define PORTING_TYPE_DOCUMENT_VIEW (porting_document_view_get_type ())
G_DECLARE_FINAL_TYPE (PortingDocumentView, porting_document_view, PORTING, DOCUMENT_VIEW, GtkWidget)

GtkWidget                *porting_document_view_new              (void);

/* Loads @file off the main loop; asks for a password inline when needed. */
void                      porting_document_view_load             (PortingDocumentView *self,
                                                                  GFile               *file,
                                                                  const char          *password);
void                      porting_document_view_set_document     (PortingDocumentView *self,
                                                                  PortingDocument     *document);
void                      porting_document_view_clear            (PortingDocumentView *self);
void                      porting_document_view_set_title        (PortingDocumentView *self,
                                                                  const char          *title);

PortingDocumentViewState  porting_document_view_get_state        (PortingDocumentView *self);
/* (nullable): set while loaded */
PortingDocument          *porting_document_view_get_document     (PortingDocumentView *self);
/* (nullable): the file loaded or being loaded */
GFile                    *porting_document_view_get_file         (PortingDocumentView *self);
/* (nullable): why loading failed, or why the password was refused */
const GError             *porting_document_view_get_error        (PortingDocumentView *self);

/* Zoom in percent of the page's real size on a 96 dpi screen. */
double                    porting_document_view_get_zoom         (PortingDocumentView *self);
void                      porting_document_view_set_zoom         (PortingDocumentView *self,
                                                                  double               zoom);
gboolean                  porting_document_view_get_fit_width    (PortingDocumentView *self);
void                      porting_document_view_set_fit_width    (PortingDocumentView *self,
                                                                  gboolean             fit_width);
/* 0-based page shown at the top of the view. */
guint                     porting_document_view_get_current_page (PortingDocumentView *self);
guint                     porting_document_view_get_n_pages      (PortingDocumentView *self);
/* (nullable): the widget of @page, for tests */
GtkWidget                *porting_document_view_get_page_widget  (PortingDocumentView *self,
                                                                  guint                page);

/* @rects: PortingRect in points, origin top-left of @page. set_ replaces the
 * page's highlights, add_ adds to them; NULL @rects clears the page. */
void                      porting_document_view_set_highlights   (PortingDocumentView *self,
                                                                  guint                page,
                                                                  GArray              *rects,
                                                                  PortingFieldStatus   status);
void                      porting_document_view_add_highlights   (PortingDocumentView *self,
                                                                  guint                page,
                                                                  GArray              *rects,
                                                                  PortingFieldStatus   status);
void                      porting_document_view_clear_highlights (PortingDocumentView *self);
/* What a screen reader reads on the pages (nullable). */
void                      porting_document_view_set_description  (PortingDocumentView *self,
                                                                  const char          *description);
/* Brings @rect of @page (points; NULL = the top of the page) into view. */
void                      porting_document_view_scroll_to        (PortingDocumentView *self,
                                                                  guint                page,
                                                                  const PortingRect   *rect);

/* Bytes of page textures kept at most. */
#define PORTING_DOCUMENT_VIEW_CACHE_BYTES (128 * 1024 * 1024)

G_END_DECLS
