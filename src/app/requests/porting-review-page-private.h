/* porting-review-page-private.h — the review page's insides, for its three files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-intake-monitor.h"
#include "porting-review-page.h"

G_BEGIN_DECLS

struct _PortingReviewPage
{
  GtkWidget             parent_instance;

  PortingIntakeMonitor *monitor;
  GCancellable         *cancellable;      /* the queue */
  GCancellable         *open_cancellable; /* downloads and the review of the open request */
  GPtrArray            *queue;            /* of PortingRequest, being gathered then shown */
  guint                 queue_step;
  PortingRequest       *request;          /* open */
  GFile                *loa;
  GFile                *proof;
  guint                 downloads_pending;
  GError               *download_error;
  guint                 reviewing : 1;

  /* Template widgets */
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkListBox           *queue_list;
  GtkLabel             *review_title;
  GtkLabel             *review_subtitle;
  GtkStack             *documents_stack;
  GtkSpinner           *download_spinner;
  AdwStatusPage        *download_error_page;
  PortingCheckView     *check_view;
  AdwPreferencesGroup  *request_group;
  GtkWidget            *documents_group;
  AdwActionRow         *name_row;
  AdwActionRow         *address_row;
  GtkSwitch            *name_switch;
  GtkSwitch            *address_switch;
  GtkWidget            *answer_group;
  AdwEntryRow          *provider_sid_row;
  AdwEntryRow          *subaccount_sid_row;
  AdwEntryRow          *note_row;
  GtkLabel             *sid_error_label;
  GtkWidget            *csr_box;
  GtkTextView          *csr_view;
  AdwEntryRow          *reason_row;
  GtkLabel             *hint_label;
  GtkWidget            *approve_button;
  GtkWidget            *reject_button;

  GPtrArray            *request_rows;     /* rows added to request_group */
};

/* porting-review-page.c: the queue */
PortingIntakeSession *_porting_review_page_get_session     (PortingReviewPage *self);
PortingIntakeClient  *_porting_review_page_get_client      (PortingReviewPage *self);

/* porting-review-page-request.c: the request open, its details and documents */
void      _porting_review_page_class_init_request          (GtkWidgetClass    *widget_class);
void      _porting_review_page_fill_request                (PortingReviewPage *self);
void      _porting_review_page_download                    (PortingReviewPage *self);
void      _porting_review_page_delete_documents            (PortingReviewPage *self);
void      _porting_review_page_close_request               (PortingReviewPage *self);
gboolean  _porting_review_page_has_documents               (PortingReviewPage *self);

/* porting-review-page-decision.c: what staff decide and answer */
void      _porting_review_page_class_init_decision         (GtkWidgetClass    *widget_class);
void      _porting_review_page_update_form                 (PortingReviewPage *self);
/* What the answer must hold for this kind of request */
gboolean  _porting_review_needs_provider_sid               (PortingRequest    *request);
gboolean  _porting_review_needs_subaccount_sid             (PortingRequest    *request);
gboolean  _porting_review_needs_csr                        (PortingRequest    *request);

G_END_DECLS
