/* porting-job-page.h — what the job pages (port in and out, transfer, inquiries) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "porting-draft-store.h"
#include "porting-form.h"
#include "porting-intake-session.h"
#include "porting-request-tracker.h"
#include "porting-request.h"
#include "porting-submit-dialog.h"

G_BEGIN_DECLS

#define PORTING_TYPE_JOB_PAGE (porting_job_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (PortingJobPage, porting_job_page, PORTING, JOB_PAGE, AdwBin)

/**
 * PortingJobPageClass:
 * @draft_flow: the name of the page's draft ("port-in")
 * @form_type: the #PortingForm the page fills in
 * @tracked_key: with @tracked_kind, the request the page sends is followed
 *   until it is answered (see #PortingRequestTracker); NULL for a page that
 *   sends and forgets (an inquiry)
 * @form_changed: a field of the form changed (@pspec; NULL for all of them,
 *   once a draft is in): show what the form says
 * @draft_applied: the form took @draft (NULL: nothing); the page puts in the
 *   parts of it that are its own
 * @check: whether the form can be sent, saying why not; the default says
 *   the first problem in a toast
 * @submit: sends the form; the default sends it through the submit dialog,
 *   followed by the tracker when there is one
 * @submitted: an inquiry was stored; the default forgets the draft and
 *   empties the form
 * @tracker_changed: the request followed changed (there is one, or none)
 * @tracker_refreshed: a new copy of it came from the service; @previous
 *   is the one it replaces (nullable)
 * @discard_draft: the customer asked to start again from nothing (the
 *   "Draft restored" toast's Discard); the default forgets the draft and
 *   empties the form, saying so
 *
 * A job page owns its draft (the #PortingDraftStore it is given, or the
 * settings' one), the form the customer fills in (every drafted field is
 * written to the draft as it changes), and the request it sends. Its
 * template puts an #AdwToastOverlay as the page's child.
 */
struct _PortingJobPageClass
{
  AdwBinClass         parent_class;

  const char         *draft_flow;
  GType               form_type;
  PortingRequestKind  tracked_kind;
  const char         *tracked_key;

  void     (*form_changed)  (PortingJobPage *self,
                             GParamSpec     *pspec);
  void     (*draft_applied) (PortingJobPage *self,
                             JsonObject     *draft);
  gboolean (*check)         (PortingJobPage *self);
  void     (*submit)        (PortingJobPage *self);
  void     (*submitted)     (PortingJobPage *self,
                             PortingRequest *stored);
  void     (*tracker_changed)   (PortingJobPage *self);
  void     (*tracker_refreshed) (PortingJobPage *self,
                                 PortingRequest *previous);
  void     (*discard_draft)     (PortingJobPage *self);

  /*< private >*/
  gpointer padding[7];
};

PortingDraftStore     *porting_job_page_get_draft_store    (PortingJobPage       *self);
/* (transfer none): made at the first call, of the class's form type */
PortingForm           *porting_job_page_get_form           (PortingJobPage       *self);
/* (nullable): for pages that follow what they send */
PortingRequestTracker *porting_job_page_get_tracker        (PortingJobPage       *self);
AdwToastOverlay       *porting_job_page_get_toast_overlay  (PortingJobPage       *self);
/* Cancelled when the page goes. */
GCancellable          *porting_job_page_get_cancellable    (PortingJobPage       *self);
/* @button (a Refresh button) is insensitive while the tracker refreshes. */
void                   porting_job_page_set_refresh_button (PortingJobPage       *self,
                                                            GtkWidget            *button);
/* (nullable): the request followed, as the service stored it */
PortingRequest        *porting_job_page_get_request        (PortingJobPage       *self);
/* Asks the service for the request followed again (what Refresh does). */
void                   porting_job_page_refresh            (PortingJobPage       *self);
void                   porting_job_page_show_toast         (PortingJobPage       *self,
                                                            const char           *title);
/* The session inquiries are sent through; NULL: the window's application's. */
void                   porting_job_page_set_intake_session (PortingJobPage       *self,
                                                            PortingIntakeSession *session);
/* Whether a draft is going into the form: its changes are not the customer's. */
gboolean               porting_job_page_get_restoring      (PortingJobPage       *self);
/* Puts @draft (NULL: nothing) into the form and the page. */
void                   porting_job_page_apply_draft        (PortingJobPage       *self,
                                                            JsonObject           *draft);
/* Forgets the draft and empties the form. ("job-page.discard-draft" asks
 * the class's discard_draft.) */
void                   porting_job_page_discard_draft      (PortingJobPage       *self);
/* Writes what the draft store has not saved yet, at once. */
void                   porting_job_page_save_draft         (PortingJobPage       *self);
void                   porting_job_page_submit             (PortingJobPage       *self);
/* Sends the form's request as it is, without the check: through the
 * tracker, or as an inquiry. Returns whether it went to the submit dialog. */
gboolean               porting_job_page_send               (PortingJobPage       *self);

/* Binds @property of @widget both ways to the form's @field, and lets
 * porting_job_page_show_messages() say @field's problems under @widget when
 * it is a row of a boxed list. */
void                   porting_job_page_bind               (PortingJobPage       *self,
                                                            const char           *field,
                                                            gpointer              widget,
                                                            const char           *property);
/* @row says the problems of @field (not bound: a date, a file). */
void                   porting_job_page_add_message_row    (PortingJobPage       *self,
                                                            const char           *field,
                                                            GtkWidget            *row);
/* (nullable): the widget of @field, to take the focus */
GtkWidget             *porting_job_page_get_field_widget   (PortingJobPage       *self,
                                                            const char           *field);
/* Says the messages of @problems (element-type PortingFormProblem) under
 * their rows, and clears the others; those of empty fields only with
 * @with_missing (after a first try to send). */
void                   porting_job_page_show_messages      (PortingJobPage       *self,
                                                            GPtrArray            *problems,
                                                            gboolean              with_missing);

/* Says under the form what @problem is still missing (nothing with a NULL
 * @problem) and lets it be sent only when nothing is. */
void                   porting_job_page_show_problem       (GtkLabel             *missing_label,
                                                            GtkButton            *submit_button,
                                                            const char           *problem);

G_END_DECLS
