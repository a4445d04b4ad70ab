/* porting-byoc-page.c — Bring Your Own Carrier: when it fits, what it needs, and asking for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-byoc-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-byoc-page-private.h"
#include "porting-job-page.h"
#include "porting-phone-number.h"
#include "porting-request-ui.h"
#include "porting-row-message.h"
#include "porting-submit-dialog.h"

#define DRAFT_FLOW "byoc"

enum {
  PROP_0,
  PROP_DRAFT_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PortingByocPage, porting_byoc_page, ADW_TYPE_BIN)

static const char *
row_text (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static void
show_toast (PortingByocPage *self,
            const char      *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* ---- Validation -------------------------------------------------------- */

/* Shows what stops the inquiry: nothing before a first try to send it,
 * then as the fields change. Each number also shows its own verdict in the
 * editor as it is typed. Returns the first field at fault, or NULL. */
static GtkWidget *
show_problems (PortingByocPage *self)
{
  g_autofree char *numbers_problem = NULL;
  const char *sip_provider_problem = NULL;

  if (self->show_required)
    {
      numbers_problem = porting_numbers_editor_dup_problem (self->numbers_editor);
      if (porting_text_is_blank (row_text (self->sip_provider_row)))
        sip_provider_problem = _("Name the carrier or SIP provider your numbers stay with.");
    }

  gtk_label_set_label (self->numbers_problem_label, numbers_problem != NULL ? numbers_problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->numbers_problem_label), numbers_problem != NULL);
  porting_row_set_message (GTK_WIDGET (self->sip_provider_row), sip_provider_problem);

  if (numbers_problem != NULL)
    return GTK_WIDGET (self->numbers_editor);
  if (sip_provider_problem != NULL)
    return GTK_WIDGET (self->sip_provider_row);
  return NULL;
}

/* ---- Fields and drafts ------------------------------------------------- */

static void
on_field_changed (PortingByocPage *self,
                  GtkEditable     *editable)
{
  const char *key = g_object_get_data (G_OBJECT (editable), "draft-key");

  if (self->restoring)
    return;

  porting_draft_store_set_string (self->draft_store, DRAFT_FLOW, key, gtk_editable_get_text (editable));

  if (editable == GTK_EDITABLE (self->sip_provider_row))
    show_problems (self);
}

static void
on_numbers_changed (PortingByocPage      *self,
                    PortingNumbersEditor *editor)
{
  if (!self->restoring)
    {
      g_autofree char *text = porting_numbers_editor_dup_text (editor);

      porting_draft_store_set_string (self->draft_store, DRAFT_FLOW, "numbers", text);
    }
  show_problems (self);
}

/* Puts every field as @draft says; NULL empties the form. */
static void
apply_draft (PortingByocPage *self,
             JsonObject      *draft)
{
  self->restoring = TRUE;
  porting_numbers_editor_set_text (self->numbers_editor, porting_draft_get_string (draft, "numbers"));
  gtk_editable_set_text (GTK_EDITABLE (self->sip_provider_row), porting_draft_get_string (draft, "sip-provider"));
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), porting_draft_get_string (draft, "notes"));
  self->restoring = FALSE;

  self->show_required = FALSE;
  show_problems (self);
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
  g_autoptr(GPtrArray) present = NULL;
  g_autofree char *typed = NULL;
  g_autoptr(GString) text = NULL;

  g_return_if_fail (PORTING_IS_BYOC_PAGE (self));

  typed = porting_numbers_editor_dup_text (self->numbers_editor);
  text = g_string_new (g_strchomp (typed));
  present = porting_phone_number_parse_list (text->str, NULL);

  for (guint i = 0; numbers != NULL && numbers[i] != NULL; i++)
    {
      g_autoptr(PortingPhoneNumber) number = porting_phone_number_parse (numbers[i], NULL);
      g_autofree char *written = g_strstrip (g_strdup (numbers[i]));
      gboolean known = FALSE;

      if (porting_text_is_blank (written))
        continue;

      for (guint j = 0; j < present->len && !known; j++)
        {
          PortingPhoneNumber *other = g_ptr_array_index (present, j);

          known = number->e164 != NULL ? g_strcmp0 (number->e164, other->e164) == 0
                                       : g_strcmp0 (written, other->input) == 0;
        }
      if (known)
        continue;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* E.164 is what the form asks for: write the number so. */
      g_string_append (text, number->valid ? number->e164 : written);
      g_ptr_array_add (present, g_steal_pointer (&number));
    }

  porting_numbers_editor_set_text (self->numbers_editor, text->str);
}

/* ---- Submitting -------------------------------------------------------- */

PortingRequest *
_porting_byoc_page_build_request (PortingByocPage *self)
{
  g_autoptr(PortingRequest) request = NULL;
  g_auto(GStrv) numbers = NULL;
  g_autofree char *sip_provider = NULL;
  g_autofree char *notes = NULL;
  GtkWidget *at_fault;

  g_return_val_if_fail (PORTING_IS_BYOC_PAGE (self), NULL);

  self->show_required = TRUE;
  if ((at_fault = show_problems (self)) != NULL)
    {
      gtk_widget_grab_focus (at_fault);
      return NULL;
    }

  numbers = porting_numbers_editor_dup_e164 (self->numbers_editor);

  sip_provider = g_strstrip (g_strdup (row_text (self->sip_provider_row)));
  notes = g_strstrip (g_strdup (row_text (self->notes_row)));

  request = porting_request_new (PORTING_REQUEST_KIND_BYOC_INQUIRY);
  porting_request_set_numbers (request, (const char * const *) numbers);
  porting_request_set_string (request, "sip_provider", sip_provider);
  porting_request_set_string (request, "notes", notes);

  return g_steal_pointer (&request);
}

static void
on_submitted (PortingSubmitDialog *dialog,
              PortingRequest      *stored,
              PortingByocPage     *self)
{
  /* The service has it: the draft has done its job. */
  porting_draft_store_discard (self->draft_store, DRAFT_FLOW);
  apply_draft (self, NULL);
  show_toast (self, _("BYOC inquiry sent"));
}

gboolean
porting_byoc_page_submit (PortingByocPage *self)
{
  g_autoptr(PortingRequest) request = NULL;
  PortingSubmitDialog *dialog;

  g_return_val_if_fail (PORTING_IS_BYOC_PAGE (self), FALSE);

  request = _porting_byoc_page_build_request (self);
  if (request == NULL)
    return FALSE;

  dialog = porting_job_page_submit_inquiry (GTK_WIDGET (self), self->toast_overlay, self->session, request);
  if (dialog != NULL)
    g_signal_connect_object (dialog, "submitted", G_CALLBACK (on_submitted), self, 0);

  return dialog != NULL;
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

  return self->draft_store;
}

void
porting_byoc_page_set_intake_session (PortingByocPage      *self,
                                      PortingIntakeSession *session)
{
  g_return_if_fail (PORTING_IS_BYOC_PAGE (self));
  g_return_if_fail (session == NULL || PORTING_IS_INTAKE_SESSION (session));

  g_set_object (&self->session, session);
}

static void
porting_byoc_page_constructed (GObject *object)
{
  PortingByocPage *self = PORTING_BYOC_PAGE (object);
  g_autoptr(JsonObject) draft = NULL;

  G_OBJECT_CLASS (porting_byoc_page_parent_class)->constructed (object);

  draft = porting_job_page_load_draft (&self->draft_store, DRAFT_FLOW);
  apply_draft (self, draft);
}

static void
porting_byoc_page_dispose (GObject *object)
{
  PortingByocPage *self = PORTING_BYOC_PAGE (object);

  porting_job_page_save_draft (self->draft_store);

  G_OBJECT_CLASS (porting_byoc_page_parent_class)->dispose (object);
}

static void
porting_byoc_page_finalize (GObject *object)
{
  PortingByocPage *self = PORTING_BYOC_PAGE (object);

  g_clear_object (&self->draft_store);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (porting_byoc_page_parent_class)->finalize (object);
}

static void
porting_byoc_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PortingByocPage *self = PORTING_BYOC_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT_STORE:
      g_value_set_object (value, self->draft_store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_byoc_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PortingByocPage *self = PORTING_BYOC_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT_STORE:
      g_set_object (&self->draft_store, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_byoc_page_class_init (PortingByocPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = porting_byoc_page_constructed;
  object_class->dispose = porting_byoc_page_dispose;
  object_class->finalize = porting_byoc_page_finalize;
  object_class->get_property = porting_byoc_page_get_property;
  object_class->set_property = porting_byoc_page_set_property;

  properties[PROP_DRAFT_STORE] =
    g_param_spec_object ("draft-store", NULL, NULL,
                         PORTING_TYPE_DRAFT_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Porting/porting-byoc-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PortingByocPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PortingByocPage, compare_squeezer);
  gtk_widget_class_bind_template_child (widget_class, PortingByocPage, numbers_editor);
  gtk_widget_class_bind_template_child (widget_class, PortingByocPage, numbers_problem_label);
  gtk_widget_class_bind_template_child (widget_class, PortingByocPage, sip_provider_row);
  gtk_widget_class_bind_template_child (widget_class, PortingByocPage, notes_row);
  gtk_widget_class_bind_template_child (widget_class, PortingByocPage, submit_button);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_numbers_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_clicked);
}

static void
porting_byoc_page_init (PortingByocPage *self)
{
  g_type_ensure (PORTING_TYPE_NUMBERS_EDITOR);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_set_data (G_OBJECT (self->sip_provider_row), "draft-key", (gpointer) "sip-provider");
  g_object_set_data (G_OBJECT (self->notes_row), "draft-key", (gpointer) "notes");
}
