/* porting-row-message.c — a short message under a row of a boxed list, and what a screen reader hears of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-row-message"

#include "config.h"

#include "porting-accessible.h"
#include "porting-row-message.h"

#define MESSAGE_KEY "porting-row-message"
#define FIELD_KEY "porting-field-state"

/* An error that comes while the field is typed in is told once the typing
 * pauses: not "Not a telephone number" at the first digit. */
#define TYPING_PAUSE_MS 1000

/* ---- Errors of a field, for assistive technologies ------------------------ */

typedef struct
{
  GtkWidget *field;       /* (unowned): holds this */
  char      *hint;
  char      *error;       /* told */
  char      *pending;     /* to tell when the typing pauses */
  guint      has_pending : 1;
  guint      pause_id;
  guint      leave_id;
} FieldState;

static void
field_state_free (gpointer data)
{
  FieldState *state = data;

  g_clear_handle_id (&state->pause_id, g_source_remove);
  g_clear_handle_id (&state->leave_id, g_source_remove);
  g_free (state->hint);
  g_free (state->error);
  g_free (state->pending);
  g_free (state);
}

/* Only what a screen reader is told about when the field has the focus: a
 * row and its text both describing the error, the error is said twice. */
static GtkWidget *
get_target (FieldState *state)
{
  return porting_accessible_get_focus_target (state->field);
}

static void
describe (FieldState *state)
{
  GtkWidget *target = get_target (state);
  const char *description = state->error;

  /* The hint was heard on the way in: a fixed error does not bring it
   * back while the field has the focus (it would be said again). */
  if (description == NULL && !porting_accessible_has_focus (target))
    description = state->hint;

  /* Only what changed is sent: a screen reader speaks every new
   * description of what has the focus. */
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (target),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

#if PORTING_ACCESSIBLE_HAS_INVALID_STATE
  if (state->error != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (target),
                                 GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                 -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_STATE_INVALID);
#endif
}

static void
tell_error (FieldState *state,
            const char *error)
{
  gboolean is_new = error != NULL && g_strcmp0 (error, state->error) != 0;

  g_free (state->error);
  state->error = g_strdup (error);
  describe (state);

  /* With the focus, the new description is what is heard. */
  if (is_new && !porting_accessible_has_focus (get_target (state)))
    porting_accessible_announce (state->field, error);
}

static void
tell_pending (FieldState *state)
{
  g_clear_handle_id (&state->pause_id, g_source_remove);
  if (!state->has_pending)
    return;

  state->has_pending = FALSE;
  tell_error (state, state->pending);
  g_clear_pointer (&state->pending, g_free);
}

static gboolean
typing_paused_cb (gpointer user_data)
{
  FieldState *state = user_data;

  state->pause_id = 0;
  tell_pending (state);

  return G_SOURCE_REMOVE;
}

/* Once the focus is elsewhere (a screen reader only speaks a new
 * description of what has the focus, and it heard this field already). */
static gboolean
left_cb (gpointer user_data)
{
  FieldState *state = user_data;

  state->leave_id = 0;
  tell_pending (state);
  describe (state);

  return G_SOURCE_REMOVE;
}

static void
on_target_leave (GtkEventControllerFocus *controller,
                 FieldState              *state)
{
  if (state->leave_id == 0)
    state->leave_id = g_idle_add (left_cb, state);
}

static FieldState *
ensure_field_state (GtkWidget *field)
{
  FieldState *state = g_object_get_data (G_OBJECT (field), FIELD_KEY);
  GtkEventController *focus;

  if (state != NULL)
    return state;

  state = g_new0 (FieldState, 1);
  state->field = field;
  g_object_set_data_full (G_OBJECT (field), FIELD_KEY, state, field_state_free);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_target_leave), state);
  gtk_widget_add_controller (get_target (state), focus);

  return state;
}

void
porting_field_set_hint (GtkWidget  *field,
                        const char *hint)
{
  FieldState *state;

  g_return_if_fail (GTK_IS_WIDGET (field));

  state = ensure_field_state (field);
  g_free (state->hint);
  state->hint = g_strdup (hint);
  describe (state);
}

void
porting_field_set_error (GtkWidget  *field,
                         const char *error)
{
  FieldState *state;

  g_return_if_fail (GTK_IS_WIDGET (field));

  state = g_object_get_data (G_OBJECT (field), FIELD_KEY);
  if (state == NULL && error == NULL)
    return;

  state = ensure_field_state (field);
  if (g_strcmp0 (state->has_pending ? state->pending : state->error, error) == 0)
    return;

  /* Typed in: told when the typing pauses, each key starts the wait again. */
  if (porting_accessible_has_focus (get_target (state)))
    {
      g_free (state->pending);
      state->pending = g_strdup (error);
      state->has_pending = TRUE;
      g_clear_handle_id (&state->pause_id, g_source_remove);
      state->pause_id = g_timeout_add (TYPING_PAUSE_MS, typing_paused_cb, state);
      return;
    }

  state->has_pending = FALSE;
  g_clear_pointer (&state->pending, g_free);
  g_clear_handle_id (&state->pause_id, g_source_remove);
  tell_error (state, error);
}

/* ---- The message under a row ---------------------------------------------- */

static GtkLabel *
ensure_label (GtkWidget *row)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), MESSAGE_KEY);
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *message_row;

  if (label != NULL)
    return label;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list) && GTK_IS_LIST_BOX_ROW (row), NULL);

  label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (label, 0);
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (GTK_WIDGET (label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (label), "caption");

  message_row = gtk_list_box_row_new ();
  /* Read with the field it is about, not a Tab stop of its own. */
  porting_accessible_set_row_read_only (message_row);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (message_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (message_row), GTK_WIDGET (label));
  gtk_widget_set_visible (message_row, FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (list), message_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);

  /* The list owns the label; the row only points at it. */
  g_object_set_data (G_OBJECT (row), MESSAGE_KEY, label);

  return label;
}

void
porting_row_set_message (GtkWidget  *row,
                         const char *message)
{
  GtkLabel *label;

  g_return_if_fail (GTK_IS_WIDGET (row));

  if (message == NULL && g_object_get_data (G_OBJECT (row), MESSAGE_KEY) == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      porting_field_set_error (row, NULL);
      return;
    }

  label = ensure_label (row);
  g_return_if_fail (label != NULL);

  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (label)), message != NULL);

  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  /* Screen readers read the message with the field, not as a row of its own. */
  porting_field_set_error (row, message);
}

const char *
porting_row_get_message (GtkWidget *row)
{
  GtkLabel *label;

  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);

  label = g_object_get_data (G_OBJECT (row), MESSAGE_KEY);
  if (label == NULL || !gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (label))))
    return NULL;

  return gtk_label_get_text (label);
}
