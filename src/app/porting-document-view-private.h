/* porting-document-view-private.h — what the files of PortingDocumentView share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-document-view.h"
#include "porting-render-job.h"

G_BEGIN_DECLS

/* CSS pixels per point at 100 %: a page at its real size on a 96 dpi screen. */
#define PIXELS_PER_POINT (96.0 / 72.0)
#define MIN_ZOOM 0.25
#define MAX_ZOOM 3.0

struct _PortingDocumentView
{
  GtkWidget                 parent_instance;

  /* Template widgets */
  GtkWidget                *main_box;
  GtkStack                 *stack;
  GtkSpinner               *spinner;
  AdwStatusPage            *error_page;
  AdwStatusPage            *password_page;
  GtkEditable              *password_entry;
  GtkWidget                *password_error_label;
  GtkScrolledWindow        *scroller;
  GtkWidget                *pages_box;
  GtkLabel                 *title_label;
  GtkLabel                 *file_label;
  GtkLabel                 *page_label;
  GtkLabel                 *zoom_label;
  GtkWidget                *zoom_out_button;
  GtkWidget                *zoom_in_button;
  GtkWidget                *zoom_button;

  PortingDocumentViewState  state;
  GFile                    *file;
  PortingDocument          *document;
  GError                   *error;
  GCancellable             *load_cancellable;

  GPtrArray                *pages;       /* PortingPageWidget*, owned by pages_box */
  GPtrArray                *jobs;        /* PortingRenderJob* or NULL, per page */
  gsize                     cache_bytes; /* of the textures the pages hold */
  guint                     first_visible;
  guint                     last_visible;
  guint                     current_page;

  double                    zoom;        /* 1.0 = 100 % */
  double                    anchor;      /* where to keep the view across a zoom; < 0 none */
  gboolean                  anchor_due;  /* the pages got their new size: scroll to it */

  guint                     update_idle_id;
  guint                     rescale_timeout_id;
  guint                     fill_timeout_id;

  /* A scroll_to() asked for before the pages had a place. */
  int                       pending_scroll_page;
  PortingRect               pending_scroll_rect;
  gboolean                  pending_scroll_has_rect;

  guint                     fit_width : 1;
  guint                     filling : 1;     /* a blank screen waits for its pages */
};

typedef enum
{
  PROP_0,
  PROP_STATE,
  PROP_DOCUMENT,
  PROP_FILE,
  PROP_ZOOM,
  PROP_FIT_WIDTH,
  PROP_CURRENT_PAGE,
  PROP_TITLE,
  N_PROPS
} PortingDocumentViewProp;

/* porting-document-view.c */
void     _porting_document_view_notify             (PortingDocumentView     *self,
                                                    PortingDocumentViewProp  prop);
void     _porting_document_view_update_labels      (PortingDocumentView     *self);

/* porting-document-view-pages.c */
void     _porting_document_view_init_pages         (PortingDocumentView     *self);
/* Renders what is on screen and next to it, cancels what scrolled away;
 * with @rescale, pages shown at another zoom are rendered again. */
void     _porting_document_view_update             (PortingDocumentView     *self,
                                                    gboolean                 rescale);
void     _porting_document_view_remove_pages       (PortingDocumentView     *self);
void     _porting_document_view_start_first_render (PortingDocumentView     *self,
                                                    PortingDocument         *document,
                                                    double                   page_width,
                                                    double                   page_height);
gboolean _porting_document_view_get_page_bounds    (PortingDocumentView     *self,
                                                    guint                    page,
                                                    graphene_rect_t         *bounds);

/* porting-document-view-zoom.c */
void     _porting_document_view_class_init_zoom    (GtkWidgetClass          *widget_class);
void     _porting_document_view_init_zoom          (PortingDocumentView     *self);
void     _porting_document_view_apply_zoom         (PortingDocumentView     *self,
                                                    double                   zoom,
                                                    gboolean                 fit_width);

G_END_DECLS
