/* porting-check-view-private.h — what the check view's files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-check-view.h"

G_BEGIN_DECLS

/* Where a field sits in both documents. */
typedef struct
{
  PortingField        field;
  PortingFieldStatus  status;
  int                 loa_page;
  GArray             *loa_rects;     /* of PortingRect; NULL when none */
  int                 proof_page;
  GArray             *proof_rects;
} FieldHits;

struct _PortingCheckView
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkWidget           *main_box;
  GtkWidget           *verdict_status;
  GtkWidget           *verdict_box;
  GtkSpinner          *verdict_spinner;
  GtkImage            *verdict_icon;
  GtkLabel            *verdict_label;
  GtkWidget           *open_another_button;
  GtkStack            *layout_stack;
  GtkPaned            *wide_paned;
  GtkWidget           *loa_pane;
  GtkWidget           *proof_pane;
  PortingDocumentView *loa_view;
  PortingDocumentView *proof_view;
  AdwViewStack        *narrow_stack;
  GtkWidget           *narrow_switcher;
  GtkWidget           *results_box;
  GtkWidget           *results_scroller;
  GtkListBox          *results_list;
  GtkListBox          *warnings_list;

  GCancellable        *cancellable;    /* the check of the documents shown */
  guint                n_read;         /* documents read ahead of the check */
  char                *reading_text;   /* "Reading the photo… 40 %" while OCR reads */
  PortingCheckResult  *result;
  GArray              *hits;           /* of FieldHits */
  GError              *check_error;
  GPtrArray           *rows;           /* AdwActionRow*, owned by results_list */

  char                *loa_title;
  char                *proof_title;

  guint                layout_idle_id;
  guint                narrow : 1;
  guint                hide_results : 1;
  guint                hide_verdict : 1;
  guint                proof_is_csr : 1;
};

typedef enum
{
  PROP_0,
  PROP_RESULT,
  PROP_BUSY,
  PROP_SHOW_RESULTS,
  PROP_SHOW_VERDICT,
  N_PROPS
} PortingCheckViewProp;

/* porting-check-view.c */
void        _porting_check_view_notify              (PortingCheckView     *self,
                                                     PortingCheckViewProp  prop);
void        _porting_check_view_emit_checked        (PortingCheckView     *self);
/* The sentence above the documents, from the documents' states and the check's. */
void        _porting_check_view_update_verdict      (PortingCheckView     *self);

/* porting-check-view-rows.c */
/* The fields a check shows, in order. */
extern const PortingField _porting_check_view_shown_fields[];
extern const guint        _porting_check_view_n_shown_fields;

/* "Name", "Address"… */
const char *_porting_check_view_get_field_title     (PortingField        field);
/* "Exact match", "Mismatch"… */
const char *_porting_check_view_get_status_word     (PortingFieldStatus  status);
/* A row for each field compared and each warning, or none without a result. */
void        _porting_check_view_show_results        (PortingCheckView    *self);

/* porting-check-view-reading.c */
/* Once both documents are open: reads them ahead, checks them and finds
 * the fields on their pages, off the main loop. */
void        _porting_check_view_maybe_start_check   (PortingCheckView    *self);
/* Forgets the check, running or done, and what it showed. */
void        _porting_check_view_cancel_check        (PortingCheckView    *self);

/* porting-check-view-text.c: the text of each page (for the first pages;
 * NULL for a page that cannot be read), off the main thread. */
GPtrArray  *_porting_check_view_dup_page_texts      (PortingDocument     *document,
                                                     GCancellable        *cancellable);
/* Tells a screen reader what was found on @view's document (@proof: the
 * invoice side) and each page's @texts (nullable). */
void        _porting_check_view_describe_document   (PortingDocumentView *view,
                                                     PortingCheckResult  *result,
                                                     gboolean             proof,
                                                     GPtrArray           *texts);

G_END_DECLS
