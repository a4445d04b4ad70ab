/* ui-test-util.c — what every UI test program does the same way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ui-test-util"

#include "config.h"

#include <glib/gstdio.h>

#include "intake-test-util.h"
#include "ui-test-util.h"

static char *test_home;

void
ui_test_init (int    *argc,
              char ***argv)
{
  static const char * const xdg_vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  g_autofree char *program = g_path_get_basename ((*argv)[0]);
  g_autofree char *template = g_strconcat (program, "-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;

  /* gtk_test_init() ignores G_TEST_OPTION_ISOLATE_DIRS: drafts, LOAs, the
   * outbox and requests land in a home of the test's own. */
  test_home = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (xdg_vars); i++)
    {
      g_autofree char *dir = g_build_filename (test_home, xdg_vars[i], NULL);

      g_setenv (xdg_vars[i], dir, TRUE);
    }
  g_setenv ("HOME", test_home, TRUE);

  ui_test_use_intake (NULL, UI_TEST_TOKEN);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

const char *
ui_test_get_home (void)
{
  g_assert_nonnull (test_home);
  return test_home;
}

void
ui_test_finish (void)
{
  g_autoptr(GFile) home = g_file_new_for_path (ui_test_get_home ());

  ui_test_delete_tree (home);
  g_clear_pointer (&test_home, g_free);
}

void
ui_test_save_screenshot (GtkWidget  *window,
                         const char *name)
{
  const char *directory = g_getenv ("PORTING_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  graphene_rect_t bounds;

  if (directory == NULL || *directory == '\0')
    return;

  ui_test_wait_for_frames (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window), gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (window), gtk_widget_get_height (window));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, &bounds);
  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (directory, file_name, NULL);
  g_assert_cmpint (g_mkdir_with_parents (directory, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

/* ---- Waiting ------------------------------------------------------------ */

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
ui_test_wait_for (UiTestCondition condition,
                  gpointer        data)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add (UI_TEST_WAIT_TIMEOUT_MS, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout_id);

  return condition (data);
}

void
ui_test_settle (void)
{
  /* Bounded: a spinner or a blinking cursor always has a frame pending. */
  for (int i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
frame_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
two_frames_drawn (gpointer data)
{
  return *(guint *) data >= 2;
}

void
ui_test_wait_for_frames (GtkWidget *widget)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, frame_tick_cb, &frames, NULL);

  gtk_widget_queue_draw (widget);
  ui_test_wait_for (two_frames_drawn, &frames);
  gtk_widget_remove_tick_callback (widget, id);
  ui_test_settle ();
}

gboolean
ui_test_widget_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

gboolean
ui_test_switch_is_on (gpointer gtk_switch)
{
  return gtk_switch_get_active (GTK_SWITCH (gtk_switch));
}

gboolean
ui_test_is_null (gpointer pointer_location)
{
  return *(gpointer *) pointer_location == NULL;
}

/* ---- Files -------------------------------------------------------------- */

GFile *
ui_test_fixture_file (const char *name)
{
  const char *dir = g_getenv ("PORTING_FIXTURES_DIR");

  g_assert_nonnull (dir);
  return g_file_new_build_filename (dir, name, NULL);
}

char *
ui_test_draft_path (const char *flow)
{
  g_autofree char *name = g_strconcat (flow, ".json", NULL);

  return g_build_filename (g_get_user_data_dir (), APP_ID, "drafts", name, NULL);
}

void
ui_test_delete_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    ui_test_delete_tree (child);
  g_file_delete (file, NULL, NULL);
}

/* ---- Windows ------------------------------------------------------------ */

PortingApplication *
ui_test_application_new (void)
{
  PortingApplication *app = porting_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

PortingWindow *
ui_test_open_window (PortingApplication *app)
{
  PortingWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = PORTING_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_true (ui_test_wait_for (ui_test_widget_is_mapped, window));
  ui_test_settle ();
  return window;
}

GtkWindow *
ui_test_window_with (GtkWidget *child,
                     int        width,
                     int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  g_assert_true (ui_test_wait_for (ui_test_widget_is_mapped, child));
  ui_test_settle ();
  return window;
}

void
ui_test_destroy_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  ui_test_settle ();
}

GtkWidget *
ui_test_find_descendant (GtkWidget  *root,
                         GType       type,
                         const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (css_class == NULL || gtk_widget_has_css_class (child, css_class)))
        return child;
      if ((found = ui_test_find_descendant (child, type, css_class)) != NULL)
        return found;
    }

  return NULL;
}

GtkLabel *
ui_test_find_label (GtkWidget        *root,
                    const char       *text,
                    UiTestLabelFlags  flags)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
          ((flags & UI_TEST_LABEL_MAPPED) == 0 || gtk_widget_get_mapped (child)))
        {
          const char *label = gtk_label_get_text (GTK_LABEL (child));

          if ((flags & UI_TEST_LABEL_PREFIX) != 0 ? g_str_has_prefix (label, text) : g_str_equal (label, text))
            return GTK_LABEL (child);
        }
      if ((found = ui_test_find_label (child, text, flags)) != NULL)
        return found;
    }

  return NULL;
}

GtkWindow *
ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* ---- Submitting to a real porting-intake -------------------------------- */

void
ui_test_use_intake (const char *url,
                    const char *token)
{
  if (url != NULL)
    g_setenv ("PORTING_INTAKE_URL", url, TRUE);
  else
    g_unsetenv ("PORTING_INTAKE_URL");
  g_setenv ("PORTING_INTAKE_TOKEN", token, TRUE);
}

static gboolean
submit_dialog_done (gpointer data)
{
  GtkWindow *dialog = ui_test_find_toplevel (PORTING_TYPE_SUBMIT_DIALOG);

  return dialog != NULL &&
         !g_str_equal (porting_submit_dialog_get_state (PORTING_SUBMIT_DIALOG (dialog)), "sending");
}

static gboolean
submit_dialog_gone_or_failed (gpointer data)
{
  GtkWindow *dialog = ui_test_find_toplevel (PORTING_TYPE_SUBMIT_DIALOG);

  return dialog == NULL ||
         (!g_str_equal (porting_submit_dialog_get_state (PORTING_SUBMIT_DIALOG (dialog)), "sending") &&
          !g_str_equal (porting_submit_dialog_get_state (PORTING_SUBMIT_DIALOG (dialog)), "receipt"));
}

void
ui_test_expect_dialog_closed (void)
{
  GtkWindow *dialog;

  g_assert_true (ui_test_wait_for (submit_dialog_gone_or_failed, NULL));
  dialog = ui_test_find_toplevel (PORTING_TYPE_SUBMIT_DIALOG);
  if (dialog != NULL)
    g_error ("Not sent: %s", porting_submit_dialog_get_message (PORTING_SUBMIT_DIALOG (dialog)));
  ui_test_settle ();
}

PortingRequest *
ui_test_expect_receipt (void)
{
  PortingSubmitDialog *dialog;
  PortingRequest *stored;
  AdwActionRow *id_row;

  g_assert_true (ui_test_wait_for (submit_dialog_done, NULL));
  dialog = PORTING_SUBMIT_DIALOG (ui_test_find_toplevel (PORTING_TYPE_SUBMIT_DIALOG));
  if (!g_str_equal (porting_submit_dialog_get_state (dialog), "receipt"))
    g_error ("Not sent: %s", porting_submit_dialog_get_message (dialog));

  stored = porting_submit_dialog_get_stored (dialog);
  g_assert_nonnull (stored);
  g_assert_nonnull (porting_request_get_id (stored));
  /* The receipt shows the reference the service gave (PRT-7K3F-Q2), not its UUID. */
  id_row = ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), PORTING_TYPE_SUBMIT_DIALOG, "id_row"));
  g_assert_nonnull (porting_request_get_reference (stored));
  g_assert_true (g_str_has_prefix (porting_request_get_reference (stored), "PRT-"));
  g_assert_cmpstr (adw_action_row_get_subtitle (id_row), ==, porting_request_get_reference (stored));

  g_object_ref (stored);
  ui_test_destroy_window (GTK_WINDOW (dialog));
  return stored;
}

JsonArray *
ui_test_stored_requests (const char *url,
                         const char *token)
{
  const char * const argv[] = { "requests", "--url", url, "--token", token, NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonNode *root;

  if (test_run_cli (&out, &err, argv) != 0)
    g_error ("porting-cli requests failed: %s", err);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_OBJECT (root) && json_object_has_member (json_node_get_object (root), "requests"))
    root = json_object_get_member (json_node_get_object (root), "requests");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));

  return json_array_ref (json_node_get_array (root));
}

JsonObject *
ui_test_find_stored (const char *url,
                     const char *token,
                     const char *kind)
{
  g_autoptr(JsonArray) requests = ui_test_stored_requests (url, token);
  JsonObject *found = NULL;

  for (guint i = 0; i < json_array_get_length (requests); i++)
    {
      JsonObject *request = json_array_get_object_element (requests, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (request, "kind", ""), kind) == 0)
        {
          g_assert_null (found); /* one submission, one request */
          found = request;
        }
    }

  return found != NULL ? json_object_ref (found) : NULL;
}

/* ---- The port-in page in a window of its own ---------------------------- */

void
ui_test_port_in_open (UiTestPortIn *f)
{
  f->page = PORTING_PORT_IN_PAGE (porting_port_in_page_new (NULL));
  f->window = ui_test_window_with (GTK_WIDGET (f->page), 1000, 760);
}

void
ui_test_port_in_close (UiTestPortIn *f)
{
  ui_test_destroy_window (f->window);
  f->window = NULL;
  f->page = NULL;
}

void
ui_test_port_in_setup (UiTestPortIn  *f,
                       gconstpointer  data)
{
  g_autofree char *path = ui_test_draft_path ("port-in");

  g_unlink (path);
  ui_test_port_in_open (f);
}

void
ui_test_port_in_teardown (UiTestPortIn  *f,
                          gconstpointer  data)
{
  if (f->window != NULL)
    ui_test_port_in_close (f);
}

void
ui_test_add_port_in (const char       *path,
                     UiTestPortInFunc  test)
{
  g_test_add_vtable (path, sizeof (UiTestPortIn), NULL,
                     (GTestFixtureFunc) ui_test_port_in_setup,
                     (GTestFixtureFunc) test,
                     (GTestFixtureFunc) ui_test_port_in_teardown);
}

typedef struct
{
  UiTestPortIn *f;
  guint         step;
} StepWait;

static gboolean
page_is_at_step (gpointer data)
{
  StepWait *wait = data;

  return porting_port_in_page_get_step (wait->f->page) == wait->step;
}

gboolean
ui_test_port_in_wait_for_step (UiTestPortIn *f,
                               guint         step)
{
  StepWait wait = { f, step };

  return ui_test_wait_for (page_is_at_step, &wait);
}

gboolean
ui_test_port_in_check_finished (gpointer page)
{
  PortingPortInPage *self = page;
  gboolean checking;

  g_object_get (self->form, "checking", &checking, NULL);
  return !checking && (porting_port_in_form_get_check_result (self->form) != NULL || self->check_error != NULL);
}

gboolean
ui_test_port_in_request_saved (gpointer page)
{
  return ((PortingPortInPage *) page)->last_request != NULL;
}

/* ---- Keys ------------------------------------------------------------------ */

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers);

  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == gdk_keyval_to_lower (keyval) &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

static gboolean
run_shortcuts (GtkShortcutController *controller,
               guint                  keyval,
               GdkModifierType        modifiers)
{
  GListModel *shortcuts = G_LIST_MODEL (controller);
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  gboolean handled = FALSE;

  if (widget == NULL || !gtk_widget_is_sensitive (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (shortcuts) && !handled; i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);

      if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, modifiers))
        handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                gtk_shortcut_get_arguments (shortcut));
    }

  return handled;
}

static gboolean
is_managed (GtkEventController *controller)
{
  return GTK_IS_SHORTCUT_CONTROLLER (controller) &&
         gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) != GTK_SHORTCUT_SCOPE_LOCAL;
}

/* The controllers of @widget in @phase take the key, until one does. */
static gboolean
deliver (GtkWidget       *widget,
         GtkPropagationPhase phase,
         gboolean         is_target,
         guint            keyval,
         GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      GtkPropagationPhase controller_phase = gtk_event_controller_get_propagation_phase (controller);
      const char *name = gtk_event_controller_get_name (controller);

      if (!(controller_phase == phase || (is_target && phase == GTK_PHASE_BUBBLE && controller_phase == GTK_PHASE_TARGET)))
        continue;
      if (is_managed (controller) || (name != NULL && g_str_has_prefix (name, "gtk-shortcut-manager")))
        continue;

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, modifiers, &handled);
      else if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        handled = run_shortcuts (GTK_SHORTCUT_CONTROLLER (controller), keyval, modifiers);
    }

  return handled;
}

/* What the window's shortcut manager does: the managed shortcuts of every
 * widget in it, whichever has the focus. */
static gboolean
run_managed_shortcuts (GtkWidget       *widget,
                       guint            keyval,
                       GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (is_managed (controller))
        handled = run_shortcuts (GTK_SHORTCUT_CONTROLLER (controller), keyval, modifiers);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && !handled;
       child = gtk_widget_get_next_sibling (child))
    handled = run_managed_shortcuts (child, keyval, modifiers);

  return handled;
}

/* GTK 4 has no public way to put key events into a window: a key press is
 * delivered the way GTK delivers one, to the controllers, shortcuts and
 * keybindings of the focus and its ancestors in their phases, then the
 * window's managed shortcuts, then the application's accelerators. */
gboolean
ui_test_send_key (GtkWindow       *window,
                  guint            keyval,
                  GdkModifierType  modifiers)
{
  GtkApplication *app = gtk_window_get_application (window);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  gboolean handled = FALSE;

  for (GtkWidget *widget = focus != NULL ? focus : GTK_WIDGET (window);
       widget != NULL;
       widget = gtk_widget_get_parent (widget))
    g_ptr_array_insert (path, 0, widget);

  for (guint i = 0; i < path->len && !handled; i++)
    handled = deliver (g_ptr_array_index (path, i), GTK_PHASE_CAPTURE, FALSE, keyval, modifiers);

  for (guint i = path->len; i > 0 && !handled; i--)
    handled = deliver (g_ptr_array_index (path, i - 1), GTK_PHASE_BUBBLE, i == path->len, keyval, modifiers);

  if (!handled)
    handled = run_managed_shortcuts (GTK_WIDGET (window), keyval, modifiers);

  if (!handled && app != NULL)
    {
      g_autofree char *accel = gtk_accelerator_name (keyval, modifiers);
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (app, accel);

      for (guint i = 0; actions[i] != NULL && !handled; i++)
        handled = gtk_widget_activate_action_variant (focus != NULL ? focus : GTK_WIDGET (window), actions[i], NULL);
    }

  ui_test_settle ();
  return handled;
}
