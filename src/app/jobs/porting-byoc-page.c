/* porting-byoc-page.c — Bring Your Own Carrier: when it fits, what it needs, and asking for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-byoc-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-byoc-form.h"
#include "porting-byoc-page-private.h"

G_DEFINE_FINAL_TYPE (PortingByocPage, porting_byoc_page, PORTING_TYPE_JOB_PAGE)

/* ---- What the form says ------------------------------------------------ */

/* Shows what stops the inquiry: nothing before a first try to send it,
 * then as the fields change. Each number also shows its own verdict in the
 * editor as it is typed. Returns the first problem's field, or NULL. */
static GtkWidget *
show_problems (PortingByocPage *self)
{
  PortingJobPage *page = PORTING_JOB_PAGE (self);
  g_autoptr(GPtrArray) problems = porting_form_check (porting_job_page_get_form (page));
  const char *numbers_problem = self->show_required ? porting_form_problems_get_message (problems, "numbers") : NULL;
  PortingFormProblem *first = porting_form_problems_get_first (problems);

  gtk_label_set_label (self->numbers_problem_label, numbers_problem != NULL ? numbers_problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->numbers_problem_label), numbers_problem != NULL);
  porting_job_page_show_messages (page, self->show_required ? problems : NULL, TRUE);

  return first != NULL ? porting_job_page_get_field_widget (page, first->field) : NULL;
}

static void
porting_byoc_page_form_changed (PortingJobPage *page,
                                GParamSpec     *pspec)
{
  show_problems (PORTING_BYOC_PAGE (page));
}

static void
porting_byoc_page_draft_applied (PortingJobPage *page,
                                 JsonObject     *draft)
{
  PORTING_BYOC_PAGE (page)->show_required = FALSE;
}

/**
 * porting_byoc_page_set_numbers:
 * @numbers: (array zero-terminated=1): numbers as written
 *
 * Adds @numbers to the form's list, skipping those already in it.
 */
void
porting_byoc_page_set_numbers (PortingByocPage    *self,
                               const char * const *numbers)
{
  g_return_if_fail (PORTING_IS_BYOC_PAGE (self));

  porting_byoc_form_add_numbers (PORTING_BYOC_FORM (porting_job_page_get_form (PORTING_JOB_PAGE (self))), numbers);
}

/* ---- Submitting -------------------------------------------------------- */

static gboolean
porting_byoc_page_check (PortingJobPage *page)
{
  PortingByocPage *self = PORTING_BYOC_PAGE (page);
  GtkWidget *at_fault;

  self->show_required = TRUE;
  if ((at_fault = show_problems (self)) == NULL)
    return TRUE;

  gtk_widget_grab_focus (at_fault);
  return FALSE;
}

PortingRequest *
_porting_byoc_page_build_request (PortingByocPage *self)
{
  g_return_val_if_fail (PORTING_IS_BYOC_PAGE (self), NULL);

  if (!porting_byoc_page_check (PORTING_JOB_PAGE (self)))
    return NULL;

  return porting_form_to_request (porting_job_page_get_form (PORTING_JOB_PAGE (self)));
}

static void
porting_byoc_page_submitted (PortingJobPage *page,
                             PortingRequest *stored)
{
  PORTING_JOB_PAGE_CLASS (porting_byoc_page_parent_class)->submitted (page, stored);
  porting_job_page_show_toast (page, _("BYOC inquiry sent"));
}

gboolean
porting_byoc_page_submit (PortingByocPage *self)
{
  g_return_val_if_fail (PORTING_IS_BYOC_PAGE (self), FALSE);

  return porting_byoc_page_check (PORTING_JOB_PAGE (self)) &&
         porting_job_page_send (PORTING_JOB_PAGE (self));
}

static void
on_submit_clicked (PortingByocPage *self,
                   GtkButton       *button)
{
  porting_byoc_page_submit (self);
}

static void
on_entry_activated (PortingByocPage *self,
                    AdwEntryRow     *row)
{
  porting_byoc_page_submit (self);
}

/* ---- Object ------------------------------------------------------------ */

GtkWidget *
porting_byoc_page_new (PortingDraftStore *draft_store)
{
  return g_object_new (PORTING_TYPE_BYOC_PAGE, "draft-store", draft_store, NULL);
}

PortingDraftStore *
porting_byoc_page_get_draft_store (PortingByocPage *self)
{
  g_return_val_if_fail (PORTING_IS_BYOC_PAGE (self), NULL);

  return porting_job_page_get_draft_store (PORTING_JOB_PAGE (self));
}

void
porting_byoc_page_set_intake_session (PortingByocPage      *self,
                                      PortingIntakeSession *session)
{
  g_return_if_fail (PORTING_IS_BYOC_PAGE (self));

  porting_job_page_set_intake_session (PORTING_JOB_PAGE (self), session);
}

static void
porting_byoc_page_class_init (PortingByocPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PortingJobPageClass *page_class = PORTING_JOB_PAGE_CLASS (klass);

  page_class->draft_flow = "byoc";
  page_class->form_type = PORTING_TYPE_BYOC_FORM;
  page_class->form_changed = porting_byoc_page_form_changed;
  page_class->draft_applied = porting_byoc_page_draft_applied;
  page_class->check = porting_byoc_page_check;
  page_class->submitted = porting_byoc_page_submitted;

  g_type_ensure (PORTING_TYPE_NUMBERS_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Porting/porting-byoc-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PortingByocPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PortingByocPage, compare_squeezer);
  gtk_widget_class_bind_template_child (widget_class, PortingByocPage, numbers_editor);
  gtk_widget_class_bind_template_child (widget_class, PortingByocPage, numbers_problem_label);
  gtk_widget_class_bind_template_child (widget_class, PortingByocPage, sip_provider_row);
  gtk_widget_class_bind_template_child (widget_class, PortingByocPage, notes_row);
  gtk_widget_class_bind_template_child (widget_class, PortingByocPage, submit_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_clicked);
}

static void
porting_byoc_page_init (PortingByocPage *self)
{
  PortingJobPage *page = PORTING_JOB_PAGE (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  porting_job_page_bind (page, "numbers", self->numbers_editor, "text");
  porting_job_page_bind (page, "sip-provider", self->sip_provider_row, "text");
  porting_job_page_bind (page, "notes", self->notes_row, "text");
}
