/* porting-job-page.c — what the job pages (port in and out, transfer, inquiries) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-job-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-application.h"
#include "porting-job-page.h"

JsonObject *
porting_job_page_load_draft (PortingDraftStore **draft_store,
                             const char         *flow)
{
  g_return_val_if_fail (draft_store != NULL, NULL);
  g_return_val_if_fail (flow != NULL, NULL);

  if (*draft_store == NULL)
    *draft_store = porting_draft_store_new_for_settings (BASE_ID);

  return porting_draft_store_load (*draft_store, flow);
}

void
porting_job_page_save_draft (PortingDraftStore *draft_store)
{
  if (draft_store != NULL && porting_draft_store_is_dirty (draft_store))
    porting_draft_store_flush_sync (draft_store, NULL);
}

void
porting_job_page_show_problem (GtkLabel   *missing_label,
                               GtkButton  *submit_button,
                               const char *problem)
{
  g_return_if_fail (GTK_IS_LABEL (missing_label));
  g_return_if_fail (GTK_IS_BUTTON (submit_button));

  gtk_label_set_text (missing_label, problem != NULL ? problem : "");
  /* Narrow windows cut the sentence short: the tooltip has it whole. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (missing_label), problem);
  gtk_widget_set_sensitive (GTK_WIDGET (submit_button), problem == NULL);
}

PortingSubmitDialog *
porting_job_page_submit_inquiry (GtkWidget            *page,
                                 AdwToastOverlay      *toast_overlay,
                                 PortingIntakeSession *session,
                                 PortingRequest       *request)
{
  g_autoptr(GError) error = NULL;
  PortingSubmitDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (toast_overlay), NULL);
  g_return_val_if_fail (session == NULL || PORTING_IS_INTAKE_SESSION (session), NULL);
  g_return_val_if_fail (PORTING_IS_REQUEST (request), NULL);

  if (!porting_request_validate (request, NULL, &error))
    {
      adw_toast_overlay_add_toast (toast_overlay, adw_toast_new (error->message));
      return NULL;
    }

  root = gtk_widget_get_root (page);
  if (session != NULL)
    {
      dialog = porting_submit_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          session, request, NULL, NULL, NULL);
      gtk_window_present (GTK_WINDOW (dialog));
      porting_submit_dialog_send (dialog);
      return dialog;
    }

  if (GTK_IS_WINDOW (root) && PORTING_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (root))))
    return porting_submit_dialog_present (GTK_WINDOW (root), request, NULL, NULL, NULL);

  adw_toast_overlay_add_toast (toast_overlay,
                               adw_toast_new (_("The inquiry cannot be sent from here: open it in the Porting window.")));
  return NULL;
}
