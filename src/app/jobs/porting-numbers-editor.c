/* porting-numbers-editor.c — a pasted list of numbers, read as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-numbers-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "porting-accessible.h"
#include "porting-number-ui.h"
#include "porting-numbers-editor.h"
#include "porting-row-message.h"

struct _PortingNumbersEditor
{
  GtkWidget    parent_instance;

  GPtrArray   *numbers;    /* of PortingPhoneNumber */
  guint        n_valid;
  guint        n_invalid;
  guint        n_merged;
  guint        error_idle_id;
  guint        us_ca_only : 1;

  GtkWidget   *frame;
  GtkTextView *text_view;
  GtkLabel    *summary_label;
  GtkListBox  *list;
};

enum {
  PROP_0,
  PROP_TEXT,
  PROP_US_CA_ONLY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PortingNumbersEditor, porting_numbers_editor, GTK_TYPE_WIDGET)

static void
update_summary (PortingNumbersEditor *self)
{
  g_autofree char *count = NULL;
  g_autofree char *summary = NULL;

  count = g_strdup_printf (ngettext ("%u number", "%u numbers", self->n_valid), self->n_valid);
  summary = porting_numbers_describe (count, self->n_merged, self->n_invalid);

  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), self->numbers->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->numbers->len > 0);
}

static gboolean
number_is_error (PortingNumbersEditor *self,
                 PortingPhoneNumber   *number)
{
  return !number->valid || (self->us_ca_only && !porting_phone_number_is_us_or_ca (number));
}

static const char *
number_problem (PortingPhoneNumber *number)
{
  if (number->valid)
    return _("Outside the United States and Canada: it cannot be ported here.");

  return number->reason != NULL ? number->reason : _("Not a telephone number");
}

/* The numbers to fix, as the field's error. While the field is typed in,
 * only what is wrong, once ("1 number to fix: This number has too few
 * digits"): the number itself changes with every key, and a screen reader
 * speaks every new error of the field that has the focus. Which numbers
 * they are comes with the field when the focus is back on it. */
static void
update_error (PortingNumbersEditor *self)
{
  gboolean typing = porting_accessible_has_focus (GTK_WIDGET (self->text_view));
  g_autoptr(GPtrArray) problems = g_ptr_array_new ();
  g_autoptr(GString) error = g_string_new (NULL);
  guint n_errors = 0;

  for (guint i = 0; i < self->numbers->len; i++)
    {
      PortingPhoneNumber *number = g_ptr_array_index (self->numbers, i);
      const char *problem;

      if (!number_is_error (self, number))
        continue;

      n_errors++;
      problem = number_problem (number);
      if (!typing)
        {
          /* Translators: a number to fix, and what is wrong with it:
           * "555: This number has too few digits" */
          g_autofree char *line = g_strdup_printf (_("%s: %s"), number->input, problem);

          g_string_append_printf (error, "%s%s", error->len > 0 ? " " : "", line);
        }
      else if (!g_ptr_array_find_with_equal_func (problems, problem, g_str_equal, NULL))
        g_ptr_array_add (problems, (gpointer) problem);
    }

  if (n_errors == 0)
    {
      porting_field_set_error (GTK_WIDGET (self->text_view), NULL);
      return;
    }

  if (typing)
    {
      g_string_append_printf (error, ngettext ("%u number to fix:", "%u numbers to fix:", n_errors), n_errors);
      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (error, " %s", (const char *) g_ptr_array_index (problems, i));
    }

  porting_field_set_error (GTK_WIDGET (self->text_view), error->str);
}

static gboolean
update_error_idle_cb (gpointer user_data)
{
  PortingNumbersEditor *self = user_data;

  self->error_idle_id = 0;
  update_error (self);

  return G_SOURCE_REMOVE;
}

/* Once the focus is elsewhere: a screen reader only speaks a new error of
 * the field that has the focus, and it heard this one already. */
static void
on_text_view_focus_leave (PortingNumbersEditor *self)
{
  if (self->error_idle_id == 0)
    self->error_idle_id = g_idle_add (update_error_idle_cb, self);
}

static void
on_buffer_changed (PortingNumbersEditor *self,
                   GtkTextBuffer        *buffer)
{
  g_autofree char *text = porting_numbers_editor_dup_text (self);
  GtkWidget *child;

  g_clear_pointer (&self->numbers, g_ptr_array_unref);
  self->numbers = porting_phone_number_parse_list (text, NULL);
  self->n_merged = porting_numbers_count_merged (text, self->numbers);
  self->n_valid = 0;
  self->n_invalid = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < self->numbers->len; i++)
    {
      PortingPhoneNumber *number = g_ptr_array_index (self->numbers, i);
      gboolean outside = self->us_ca_only && number->valid && !porting_phone_number_is_us_or_ca (number);
      GtkWidget *row;

      if (outside)
        row = porting_number_row_new (number, "dialog-information-symbolic", "accent", number_problem (number));
      else
        row = porting_number_row_new (number, "emblem-ok-symbolic", "success", number->e164);
      /* Read with the list; the field says what to fix. */
      porting_accessible_set_row_read_only (row);
      gtk_list_box_append (self->list, row);

      if (!number->valid)
        self->n_invalid++;
      else if (!outside)
        self->n_valid++;
    }

  update_summary (self);
  update_error (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
porting_numbers_editor_dispose (GObject *object)
{
  PortingNumbersEditor *self = PORTING_NUMBERS_EDITOR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->error_idle_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (porting_numbers_editor_parent_class)->dispose (object);
}

static void
porting_numbers_editor_finalize (GObject *object)
{
  PortingNumbersEditor *self = PORTING_NUMBERS_EDITOR (object);

  g_clear_pointer (&self->numbers, g_ptr_array_unref);

  G_OBJECT_CLASS (porting_numbers_editor_parent_class)->finalize (object);
}

static void
porting_numbers_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PortingNumbersEditor *self = PORTING_NUMBERS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_take_string (value, porting_numbers_editor_dup_text (self));
      break;

    case PROP_US_CA_ONLY:
      g_value_set_boolean (value, self->us_ca_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_numbers_editor_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PortingNumbersEditor *self = PORTING_NUMBERS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      porting_numbers_editor_set_text (self, g_value_get_string (value));
      break;

    case PROP_US_CA_ONLY:
      if (self->us_ca_only != g_value_get_boolean (value))
        {
          self->us_ca_only = g_value_get_boolean (value);
          on_buffer_changed (self, NULL);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
porting_numbers_editor_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (PORTING_NUMBERS_EDITOR (widget)->text_view));
}

static void
porting_numbers_editor_class_init (PortingNumbersEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porting_numbers_editor_dispose;
  object_class->finalize = porting_numbers_editor_finalize;
  object_class->get_property = porting_numbers_editor_get_property;
  object_class->set_property = porting_numbers_editor_set_property;
  widget_class->grab_focus = porting_numbers_editor_grab_focus;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * PortingNumbersEditor:us-ca-only:
   *
   * Numbers of other countries are marked as not for this list, and not
   * counted among the valid ones.
   */
  properties[PROP_US_CA_ONLY] =
    g_param_spec_boolean ("us-ca-only", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PortingNumbersEditor::changed:
   *
   * The text changed and the numbers were read again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "numbers-editor");
}

static void
porting_numbers_editor_init (PortingNumbersEditor *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) porting_phone_number_free);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  gtk_text_view_set_input_purpose (self->text_view, GTK_INPUT_PURPOSE_PHONE);
  gtk_text_view_set_top_margin (self->text_view, 10);
  gtk_text_view_set_bottom_margin (self->text_view, 10);
  gtk_text_view_set_left_margin (self->text_view, 12);
  gtk_text_view_set_right_margin (self->text_view, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Numbers"), -1);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_object (focus, "leave", G_CALLBACK (on_text_view_focus_leave), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->text_view), focus);
  }

  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 96);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 200);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->text_view));

  self->frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (self->frame), scrolled);
  gtk_widget_add_css_class (self->frame, "view");
  gtk_widget_add_css_class (self->frame, "numbers-entry");
  gtk_widget_set_parent (self->frame, GTK_WIDGET (self));

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "caption");
  gtk_widget_set_margin_top (GTK_WIDGET (self->summary_label), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->summary_label), GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  porting_accessible_set_label (GTK_WIDGET (self->list), _("Numbers found"));
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
porting_numbers_editor_new (void)
{
  return g_object_new (PORTING_TYPE_NUMBERS_EDITOR, NULL);
}

char *
porting_numbers_editor_dup_text (PortingNumbersEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (PORTING_IS_NUMBERS_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
porting_numbers_editor_set_text (PortingNumbersEditor *self,
                                 const char           *text)
{
  g_return_if_fail (PORTING_IS_NUMBERS_EDITOR (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text != NULL ? text : "", -1);
}

GPtrArray *
porting_numbers_editor_get_numbers (PortingNumbersEditor *self)
{
  g_return_val_if_fail (PORTING_IS_NUMBERS_EDITOR (self), NULL);

  return self->numbers;
}

GStrv
porting_numbers_editor_dup_e164 (PortingNumbersEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PORTING_IS_NUMBERS_EDITOR (self), NULL);

  for (guint i = 0; i < self->numbers->len; i++)
    {
      PortingPhoneNumber *number = g_ptr_array_index (self->numbers, i);

      if (number->valid && number->e164 != NULL)
        g_strv_builder_add (builder, number->e164);
    }

  return g_strv_builder_end (builder);
}

guint
porting_numbers_editor_get_n_valid (PortingNumbersEditor *self)
{
  g_return_val_if_fail (PORTING_IS_NUMBERS_EDITOR (self), 0);
  return self->n_valid;
}

guint
porting_numbers_editor_get_n_invalid (PortingNumbersEditor *self)
{
  g_return_val_if_fail (PORTING_IS_NUMBERS_EDITOR (self), 0);
  return self->n_invalid;
}

guint
porting_numbers_editor_get_n_merged (PortingNumbersEditor *self)
{
  g_return_val_if_fail (PORTING_IS_NUMBERS_EDITOR (self), 0);
  return self->n_merged;
}

GtkTextView *
porting_numbers_editor_get_text_view (PortingNumbersEditor *self)
{
  g_return_val_if_fail (PORTING_IS_NUMBERS_EDITOR (self), NULL);
  return self->text_view;
}

GtkListBox *
porting_numbers_editor_get_list (PortingNumbersEditor *self)
{
  g_return_val_if_fail (PORTING_IS_NUMBERS_EDITOR (self), NULL);
  return self->list;
}

const char *
porting_numbers_editor_get_summary (PortingNumbersEditor *self)
{
  g_return_val_if_fail (PORTING_IS_NUMBERS_EDITOR (self), NULL);
  return gtk_label_get_text (self->summary_label);
}
