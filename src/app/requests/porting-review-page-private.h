/* porting-review-page-private.h — the review page's insides, for its four files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "porting-intake-monitor.h"
#include "porting-review.h"
#include "porting-review-page.h"

G_BEGIN_DECLS

struct _PortingReviewPage
{
  GtkWidget             parent_instance;

  PortingIntakeMonitor *monitor;
  GCancellable         *cancellable;      /* the queue */
  GCancellable         *open_cancellable; /* downloads, PIN and review of the open request */
  PortingRequest       *request;          /* open */
  char                 *open_when_listed; /* the id to open once the queue has it */
  GFile                *loa;
  GFile                *proof;
  char                 *documents_dir;    /* private to the open request, deleted with it */
  GHashTable           *regulatory;       /* document name → GFile, once asked for */
  GPtrArray            *document_windows; /* the regulatory documents open */
  guint                 downloads_pending;
  GError               *download_error;
  guint                 reviewing : 1;    /* a decision is waiting for its undo window, or on its way */
  guint                 workspace : 1;

  /* The decision waiting for its undo window to close (§ the toast). */
  PortingReview        *pending_review;
  PortingIntakeClient  *pending_client;   /* the one of the decision, whatever came since */
  char                 *pending_id;
  AdwToast             *undo_toast;
  guint                 undo_seconds;

  /* The wireless PIN while shown: never anywhere but here and the row. */
  char                 *pin;
  guint                 pin_timeout_id;
  guint                 pin_seconds;
  GCancellable         *pin_cancellable;

  /* Template widgets */
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkListBox           *queue_list;
  GtkWidget            *queue_empty_label;
  GtkListBox           *progress_list;
  GtkWidget            *progress_title;
  GtkLabel             *review_title;
  GtkLabel             *review_subtitle;
  GtkWidget            *back_button;
  GtkToggleButton      *fit_page_button;
  GtkToggleButton      *panel_button;
  AdwFlap              *flap;
  GtkStack             *documents_stack;
  GtkSpinner           *download_spinner;
  AdwStatusPage        *download_error_page;
  AdwStatusPage        *no_documents_page;
  PortingCheckView     *check_view;
  GtkWidget            *panel;
  AdwPreferencesGroup  *request_group;
  GtkWidget            *wireless_group;
  AdwActionRow         *wireless_account_row;
  AdwActionRow         *pin_row;
  GtkButton            *pin_button;
  AdwPreferencesGroup  *documents_group;
  AdwActionRow         *name_row;
  AdwActionRow         *address_row;
  GtkSwitch            *name_switch;
  GtkSwitch            *address_switch;
  GtkWidget            *answer_group;
  AdwEntryRow          *provider_sid_row;
  AdwEntryRow          *subaccount_sid_row;
  AdwEntryRow          *note_row;
  AdwEntryRow          *reason_row;
  GtkLabel             *sid_error_label;
  GtkWidget            *csr_box;
  GtkTextView          *csr_view;
  GtkWidget            *history_group;
  GtkListBox           *history_list;
  GtkLabel             *hint_label;
  GtkWidget            *more_button;
  GtkWidget            *ask_button;
  GtkWidget            *reject_button;
  GtkWidget            *approve_button;
  GtkWidget            *carrier_button;
  GtkWidget            *schedule_button;
  GtkPopover           *schedule_popover;
  GtkCalendar          *foc_calendar;
  GtkWidget            *schedule_confirm_button;
  GtkWidget            *complete_button;

  GPtrArray            *request_rows;     /* rows added to request_group */
  GPtrArray            *check_rows;       /* rows added to documents_group */
};

/* porting-review-page.c: the queue */
PortingIntakeSession *_porting_review_page_get_session     (PortingReviewPage *self);
PortingIntakeClient  *_porting_review_page_get_client      (PortingReviewPage *self);
void      _porting_review_page_set_workspace               (PortingReviewPage *self,
                                                            gboolean           workspace);

/* porting-review-page-request.c: the request open, its details and documents */
void      _porting_review_page_class_init_request          (GtkWidgetClass    *widget_class);
void      _porting_review_page_fill_request                (PortingReviewPage *self);
void      _porting_review_page_fill_history                (PortingReviewPage *self);
void      _porting_review_page_download                    (PortingReviewPage *self);
void      _porting_review_page_delete_documents            (PortingReviewPage *self);
void      _porting_review_page_close_request               (PortingReviewPage *self);
gboolean  _porting_review_page_has_documents               (PortingReviewPage *self);
/* Asks the service for the open request again (its history after a PIN read). */
void      _porting_review_page_reload_request              (PortingReviewPage *self);

/* A name for a file of @documents_dir that keeps the customer's own. */
char     *_porting_review_page_dup_safe_file_name          (const char        *name,
                                                            const char        *fallback);
/* ".pdf", ".png" or ".jpg": what the service accepts */
const char *_porting_review_page_extension_for             (const char        *content_type);

/* porting-review-page-regulatory.c: the regulatory documents, opened on request */
void      _porting_review_page_add_regulatory_button       (PortingReviewPage *self,
                                                            AdwActionRow      *row,
                                                            JsonObject        *entry);
/* Their files, downloaded or on their way (for deleting them). */
void      _porting_review_page_steal_regulatory_files      (PortingReviewPage *self,
                                                            GPtrArray         *files);
void      _porting_review_page_close_document_windows      (PortingReviewPage *self);

/* porting-review-page-pin.c: the wireless PIN, shown on request */
void      _porting_review_page_class_init_pin              (GtkWidgetClass    *widget_class);
void      _porting_review_page_reset_pin                   (PortingReviewPage *self);

/* porting-review-page-decision.c: what staff decide and answer */
void      _porting_review_page_class_init_decision         (GtkWidgetClass    *widget_class);
void      _porting_review_page_update_form                 (PortingReviewPage *self);
void      _porting_review_page_reset_form                  (PortingReviewPage *self);
/* A decision still in its undo window goes now (the page goes away). */
void      _porting_review_page_flush_pending               (PortingReviewPage *self);
/* What the answer must hold for this kind of request */
gboolean  _porting_review_needs_provider_sid               (PortingRequest    *request);
gboolean  _porting_review_needs_subaccount_sid             (PortingRequest    *request);
gboolean  _porting_review_needs_csr                        (PortingRequest    *request);

G_END_DECLS
