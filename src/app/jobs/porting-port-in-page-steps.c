/* porting-port-in-page-steps.c — moving between the port-in steps: the
 * navigation bar, where the focus goes, the keys for Next and Back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-port-in-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-accessible.h"
#include "porting-port-in-page-private.h"
#include "porting-row-message.h"

static const char * const step_names[PORTING_PORT_IN_N_STEPS] = {
  "numbers", "before", "loa", "proof", "check", "details", "review",
};

/* ---- Steps --------------------------------------------------------------- */

guint
_porting_port_in_page_get_visible_step (PortingPortInPage *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < PORTING_PORT_IN_N_STEPS; i++)
    if (g_strcmp0 (name, step_names[i]) == 0)
      return i;

  return PORTING_PORT_IN_N_STEPS;
}

gboolean
_porting_port_in_page_step_is_complete (PortingPortInPage  *self,
                                        guint               step,
                                        char              **reason)
{
  g_autoptr(GPtrArray) problems = NULL;

  g_return_val_if_fail (PORTING_IS_PORT_IN_PAGE (self), FALSE);

  problems = porting_port_in_form_check_step (self->form, step);
  if (reason != NULL)
    *reason = porting_form_problems_dup_summary (problems);

  return problems->len == 0;
}

const char *
_porting_port_in_page_get_message (PortingPortInPage *self,
                                   GtkWidget         *row)
{
  g_return_val_if_fail (PORTING_IS_PORT_IN_PAGE (self), NULL);

  return porting_row_get_message (row);
}

static void
update_step_dots (PortingPortInPage *self,
                  guint              step)
{
  guint i = 0;

  for (GtkWidget *dot = gtk_widget_get_first_child (GTK_WIDGET (self->step_dots));
       dot != NULL;
       dot = gtk_widget_get_next_sibling (dot), i++)
    {
      if (i <= step)
        gtk_widget_add_css_class (dot, "done");
      else
        gtk_widget_remove_css_class (dot, "done");
    }
}

void
_porting_port_in_page_update_navigation (PortingPortInPage *self)
{
  guint step = _porting_port_in_page_get_visible_step (self);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *reason = NULL;

  if (step >= PORTING_PORT_IN_N_STEPS)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->next_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->submit_button), FALSE);
      gtk_label_set_text (self->missing_label, "");
      return;
    }

  /* Empty fields get no message (the customer has not been there yet):
   * the line by Next names them instead. */
  problems = porting_port_in_form_check_step (self->form, step);
  reason = porting_form_problems_dup_summary (problems);
  porting_job_page_show_messages (PORTING_JOB_PAGE (self), problems, FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), step > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), step < PORTING_PORT_IN_STEP_REVIEW);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), reason == NULL && !self->writing_loa);
  gtk_widget_set_visible (GTK_WIDGET (self->submit_button), step == PORTING_PORT_IN_STEP_REVIEW);
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), !self->submitting);
  gtk_label_set_text (self->missing_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), reason != NULL);
  /* A screen reader finding Next greyed out hears why. */
  porting_field_set_hint (GTK_WIDGET (self->next_button), reason);
}

/* Whether the keyboard is on the steps: nowhere, in the step shown, or on
 * Back, Next or Submit (not in the sidebar or the header). */
gboolean
_porting_port_in_page_focus_is_on_steps (PortingPortInPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus == NULL ||
         focus == GTK_WIDGET (self->next_button) ||
         focus == GTK_WIDGET (self->back_button) ||
         focus == GTK_WIDGET (self->submit_button) ||
         gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stack));
}

/* Keyboard and screen reader users go on at the top of the new step, not on
 * a Next button that may just have turned insensitive (losing the focus),
 * nor where the stack put the focus as it switched: that was before the
 * step filled in (on the check, the documents' empty pane, which goes away
 * as they open, leaving the focus on a "GtkPaned"). */
void
_porting_port_in_page_focus_step (PortingPortInPage *self,
            gboolean           was_on_steps)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);

  if (!was_on_steps || root == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) || child == NULL)
    return;

  /* From nothing, Tab forward is the step's first control. */
  gtk_root_set_focus (root, NULL);
  gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
}

void
_porting_port_in_page_show_step (PortingPortInPage *self,
                                 guint              step)
{
  gboolean restoring = porting_job_page_get_restoring (PORTING_JOB_PAGE (self));
  g_autofree char *count = NULL;
  GtkStackPage *page;
  gboolean checking;
  gboolean was_on_steps;

  step = MIN (step, PORTING_PORT_IN_N_STEPS - 1);

  if (step == PORTING_PORT_IN_STEP_REVIEW)
    _porting_port_in_page_rebuild_review (self);

  was_on_steps = _porting_port_in_page_focus_is_on_steps (self);
  gtk_stack_set_visible_child_name (self->stack, step_names[step]);
  page = gtk_stack_get_page (self->stack, gtk_stack_get_visible_child (self->stack));

  gtk_label_set_text (self->step_title_label, gtk_stack_page_get_title (page));
  /* Translators: "Step 3 of 7" */
  count = g_strdup_printf (_("Step %u of %u"), step + 1, (guint) PORTING_PORT_IN_N_STEPS);
  gtk_label_set_text (self->step_count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->step_dots), TRUE);
  update_step_dots (self, step);

  g_object_get (self->form, "checking", &checking, NULL);
  if (step == PORTING_PORT_IN_STEP_CHECK && porting_port_in_form_get_check_result (self->form) == NULL && !checking)
    _porting_port_in_page_start_check (self);

  if (!restoring)
    porting_draft_store_set_int (porting_job_page_get_draft_store (PORTING_JOB_PAGE (self)),
                                 PORTING_JOB_PAGE_GET_CLASS (self)->draft_flow, "step", step);

  _porting_port_in_page_update_navigation (self);

  if (!restoring)
    _porting_port_in_page_focus_step (self, was_on_steps);

  _porting_port_in_page_notify_step (self);
}

static void
on_back_clicked (PortingPortInPage *self,
                 GtkButton         *button)
{
  guint step = _porting_port_in_page_get_visible_step (self);

  if (step > 0 && step < PORTING_PORT_IN_N_STEPS)
    _porting_port_in_page_show_step (self, step - 1);
}

/* Ctrl+Enter, Alt+→ and Alt+← do what Next and Back do, when they can. */
static gboolean
step_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  PortingPortInPage *self = PORTING_PORT_IN_PAGE (widget);
  GtkButton *button = g_variant_get_boolean (args) ? self->next_button : self->back_button;

  if (!gtk_widget_get_mapped (GTK_WIDGET (button)) || !gtk_widget_is_sensitive (GTK_WIDGET (button)))
    return FALSE;

  g_signal_emit_by_name (button, "clicked");
  return TRUE;
}

void
_porting_port_in_page_init_steps (PortingPortInPage *self)
{
  static const struct { guint keyval; GdkModifierType modifiers; gboolean next; } keys[] = {
    { GDK_KEY_Return, GDK_CONTROL_MASK, TRUE },
    { GDK_KEY_KP_Enter, GDK_CONTROL_MASK, TRUE },
    { GDK_KEY_ISO_Enter, GDK_CONTROL_MASK, TRUE },
    { GDK_KEY_Right, GDK_ALT_MASK, TRUE },
    { GDK_KEY_KP_Right, GDK_ALT_MASK, TRUE },
    { GDK_KEY_Left, GDK_ALT_MASK, FALSE },
    { GDK_KEY_KP_Left, GDK_ALT_MASK, FALSE },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Before the fields: a text view takes Ctrl+Enter for a new line. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (keys[i].keyval, keys[i].modifiers),
                                                                           gtk_callback_action_new (step_key_cb, NULL, NULL),
                                                                           "b", keys[i].next));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
on_next_clicked (PortingPortInPage *self,
                 GtkButton         *button)
{
  guint step = _porting_port_in_page_get_visible_step (self);
  gboolean import_loa;

  if (step >= PORTING_PORT_IN_STEP_REVIEW || !_porting_port_in_page_step_is_complete (self, step, NULL))
    return;

  g_object_get (self->form, "import-loa", &import_loa, NULL);
  if (step == PORTING_PORT_IN_STEP_LOA && !import_loa)
    {
      _porting_port_in_page_write_loa (self);
      return;
    }

  _porting_port_in_page_show_step (self, step + 1);
}

void
_porting_port_in_page_class_init_steps (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);
}
