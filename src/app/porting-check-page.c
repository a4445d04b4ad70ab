/* porting-check-page.c — the Document Check page: pick an LOA and an invoice, compare them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-check-page"

#include "config.h"

#include <glib/gi18n.h>

#include "porting-accessible.h"
#include "porting-check-page.h"

#define MAX_RECENT 10
#define MAX_RECENT_SHOWN 8

typedef enum
{
  SIDE_LOA,
  SIDE_PROOF,
} Side;

struct _PortingCheckPage
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  GtkWidget            *loa_slot;
  GtkWidget            *proof_slot;
  GtkLabel             *loa_slot_label;
  GtkLabel             *proof_slot_label;
  AdwSplitButton       *loa_slot_button;
  AdwSplitButton       *proof_slot_button;
  AdwSplitButton       *loa_button;
  AdwSplitButton       *proof_button;
  PortingCheckView     *check_view;

  GSettings            *settings;    /* NULL when the schema is not installed */
  GFile                *files[2];    /* by Side */
  GtkFileChooserNative *chooser;
  Side                  chooser_side;
};

G_DEFINE_FINAL_TYPE (PortingCheckPage, porting_check_page, GTK_TYPE_WIDGET)

/* Recent documents: LOAs and bills apart, each side offers its own. */

static const char * const recent_keys[] = {
  [SIDE_LOA] = "recent-loas",
  [SIDE_PROOF] = "recent-proofs",
};

static void
remember_file (PortingCheckPage *self,
               Side              side,
               GFile            *file)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  if (self->settings == NULL)
    return;

  recent = g_settings_get_strv (self->settings, recent_keys[side]);
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, uri);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    {
      if (g_str_equal (recent[i], uri))
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, recent_keys[side], (const char * const *) updated);
}

static GMenuModel *
build_recent_menu (PortingCheckPage *self,
                   Side              side,
                   const char       *action)
{
  g_auto(GStrv) recent = NULL;
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  if (self->settings != NULL)
    recent = g_settings_get_strv (self->settings, recent_keys[side]);

  for (guint i = 0; recent != NULL && recent[i] != NULL && i < MAX_RECENT_SHOWN; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GMenuItem) item = NULL;

      if (name == NULL)
        continue;

      /* Underscores in file names are not mnemonics. */
      {
        g_autoptr(GString) label = g_string_new (name);

        g_string_replace (label, "_", "__", 0);
        item = g_menu_item_new (label->str, NULL);
      }
      g_menu_item_set_action_and_target (item, action, "s", recent[i]);
      g_menu_append_item (section, item);
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Documents"), "check-page.none");

      g_menu_append_item (section, item);
    }

  g_menu_append_section (menu, side == SIDE_LOA ? _("Recent LOAs") : _("Recent Invoices and CSRs"),
                         G_MENU_MODEL (section));

  return G_MENU_MODEL (menu);
}

static void
update_recent_menus (PortingCheckPage *self)
{
  g_autoptr(GMenuModel) loa_menu = build_recent_menu (self, SIDE_LOA, "check-page.open-recent-loa");
  g_autoptr(GMenuModel) proof_menu = build_recent_menu (self, SIDE_PROOF, "check-page.open-recent-proof");

  adw_split_button_set_menu_model (self->loa_slot_button, loa_menu);
  adw_split_button_set_menu_model (self->loa_button, loa_menu);
  adw_split_button_set_menu_model (self->proof_slot_button, proof_menu);
  adw_split_button_set_menu_model (self->proof_button, proof_menu);
}

/* Slots */

static void
update_slot_label (PortingCheckPage *self,
                   Side              side)
{
  GtkLabel *label = side == SIDE_LOA ? self->loa_slot_label : self->proof_slot_label;
  g_autofree char *name = NULL;

  if (self->files[side] == NULL)
    {
      gtk_label_set_label (label, side == SIDE_LOA ? _("PDF, or drop it here")
                                                   : _("PDF or image, or drop it here"));
      return;
    }

  name = g_file_get_basename (self->files[side]);
  gtk_label_set_label (label, name);
}

/* The button the focus was on goes with the page it was on: the focus goes
 * to the first control of the page shown (the verdict, on the check). */
static void
show_page (PortingCheckPage *self,
           const char       *name,
           GtkWidget        *first)
{
  GtkWidget *shown = gtk_stack_get_visible_child (self->stack);
  gboolean had_focus = shown != NULL && porting_accessible_has_focus (shown);

  gtk_stack_set_visible_child_name (self->stack, name);
  if (had_focus && gtk_stack_get_visible_child (self->stack) != shown)
    porting_accessible_focus_first (first);
}

static void
set_file (PortingCheckPage *self,
          Side              side,
          GFile            *file)
{
  gboolean checking = g_str_equal (gtk_stack_get_visible_child_name (self->stack), "check");

  g_set_object (&self->files[side], file);
  remember_file (self, side, file);
  update_slot_label (self, side);

  if (self->files[SIDE_LOA] == NULL || self->files[SIDE_PROOF] == NULL)
    return;

  /* Only the side that changed opens again. */
  if (checking)
    porting_check_view_load (self->check_view,
                             side == SIDE_LOA ? file : NULL,
                             side == SIDE_PROOF ? file : NULL);
  else
    porting_check_view_load (self->check_view, self->files[SIDE_LOA], self->files[SIDE_PROOF]);

  show_page (self, "check", GTK_WIDGET (self->check_view));
}

/* Opening */

static void
on_chooser_response (PortingCheckPage     *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        set_file (self, self->chooser_side, file);
    }

  g_clear_object (&self->chooser);
}

static void
open_file_dialog (PortingCheckPage *self,
                  Side              side)
{
  static const char *const image_types[] = { "image/png", "image/jpeg", "image/webp", "image/heic", "image/heif" };
  static const char *const image_suffixes[] = { "png", "jpg", "jpeg", "webp", "heic", "heif" };
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser_side = side;
  self->chooser = gtk_file_chooser_native_new (side == SIDE_LOA ? _("Open Letter of Authorization")
                                                                : _("Open Invoice or CSR"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  /* Screenshots and phone photos are read by OCR, a signed LOA photographed too. */
  gtk_file_filter_set_name (documents, _("PDF Documents and Images"));
  gtk_file_filter_add_mime_type (documents, "application/pdf");
  gtk_file_filter_add_suffix (documents, "pdf");
  for (guint i = 0; i < G_N_ELEMENTS (image_types); i++)
    gtk_file_filter_add_mime_type (documents, image_types[i]);
  for (guint i = 0; i < G_N_ELEMENTS (image_suffixes); i++)
    gtk_file_filter_add_suffix (documents, image_suffixes[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), documents);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);

  if (self->files[side] != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->files[side]);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_loa_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_file_dialog (PORTING_CHECK_PAGE (widget), SIDE_LOA);
}

static void
open_proof_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_file_dialog (PORTING_CHECK_PAGE (widget), SIDE_PROOF);
}

/* Ctrl+O, from anywhere in the window while the page is shown: the
 * document still missing, the LOA first. */
static gboolean
open_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  PortingCheckPage *self = PORTING_CHECK_PAGE (widget);

  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  open_file_dialog (self, self->files[SIDE_LOA] != NULL && self->files[SIDE_PROOF] == NULL
                          ? SIDE_PROOF : SIDE_LOA);
  return TRUE;
}

static void
open_recent_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PortingCheckPage *self = PORTING_CHECK_PAGE (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  set_file (self, g_str_equal (action_name, "check-page.open-recent-loa") ? SIDE_LOA : SIDE_PROOF, file);
}

/* A document the check view could not open: pick another one for its side. */
static void
on_open_another_file (PortingCheckPage *self,
                      gboolean          proof,
                      PortingCheckView *view)
{
  open_file_dialog (self, proof ? SIDE_PROOF : SIDE_LOA);
}

static void
new_check_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  porting_check_page_reset (PORTING_CHECK_PAGE (widget));
}

/* Drag and drop */

static GSList *
files_from_value (const GValue *value)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return g_slist_copy_deep (g_value_get_boxed (value), (GCopyFunc) g_object_ref, NULL);
  if (G_VALUE_HOLDS (value, G_TYPE_FILE) && g_value_get_object (value) != NULL)
    return g_slist_prepend (NULL, g_value_dup_object (value));

  return NULL;
}

static gboolean
name_looks_like_loa (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = name != NULL ? g_utf8_strdown (name, -1) : NULL;

  return folded != NULL && (strstr (folded, "loa") != NULL || strstr (folded, "authori") != NULL);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  PortingCheckPage *self = PORTING_CHECK_PAGE (user_data);
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GSList *files = files_from_value (value);
  Side side;

  if (files == NULL)
    return FALSE;

  if (files->next != NULL)
    {
      /* Two files at once: the LOA is the one named like one, else the first. */
      GFile *first = files->data;
      GFile *second = files->next->data;
      gboolean swap = !name_looks_like_loa (first) && name_looks_like_loa (second);

      set_file (self, SIDE_LOA, swap ? second : first);
      set_file (self, SIDE_PROOF, swap ? first : second);
    }
  else
    {
      if (widget == self->loa_slot)
        side = SIDE_LOA;
      else if (widget == self->proof_slot)
        side = SIDE_PROOF;
      else
        side = x < gtk_widget_get_width (widget) / 2.0 ? SIDE_LOA : SIDE_PROOF;

      set_file (self, side, files->data);
    }

  g_slist_free_full (files, g_object_unref);

  return TRUE;
}

static void
add_drop_target (PortingCheckPage *self,
                 GtkWidget        *widget)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
}

/* GObject */

static void
porting_check_page_dispose (GObject *object)
{
  PortingCheckPage *self = PORTING_CHECK_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), PORTING_TYPE_CHECK_PAGE);

  G_OBJECT_CLASS (porting_check_page_parent_class)->dispose (object);
}

static void
porting_check_page_finalize (GObject *object)
{
  PortingCheckPage *self = PORTING_CHECK_PAGE (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->files[SIDE_LOA]);
  g_clear_object (&self->files[SIDE_PROOF]);

  G_OBJECT_CLASS (porting_check_page_parent_class)->finalize (object);
}

static void
porting_check_page_class_init (PortingCheckPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = porting_check_page_dispose;
  object_class->finalize = porting_check_page_finalize;

  g_type_ensure (PORTING_TYPE_CHECK_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Porting/porting-check-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PortingCheckPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckPage, loa_slot);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckPage, proof_slot);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckPage, loa_slot_label);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckPage, proof_slot_label);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckPage, loa_slot_button);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckPage, proof_slot_button);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckPage, loa_button);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckPage, proof_button);
  gtk_widget_class_bind_template_child (widget_class, PortingCheckPage, check_view);

  gtk_widget_class_install_action (widget_class, "check-page.open-loa", NULL, open_loa_activated);
  gtk_widget_class_install_action (widget_class, "check-page.open-proof", NULL, open_proof_activated);
  gtk_widget_class_install_action (widget_class, "check-page.open-recent-loa", "s", open_recent_activated);
  gtk_widget_class_install_action (widget_class, "check-page.open-recent-proof", "s", open_recent_activated);
  gtk_widget_class_install_action (widget_class, "check-page.new-check", NULL, new_check_activated);
}

static void
porting_check_page_init (PortingCheckPage *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (source != NULL && (schema = g_settings_schema_source_lookup (source, BASE_ID, TRUE)) != NULL &&
      g_settings_schema_has_key (schema, recent_keys[SIDE_LOA]))
    {
      self->settings = g_settings_new (BASE_ID);
      for (guint i = 0; i < G_N_ELEMENTS (recent_keys); i++)
        {
          g_autofree char *signal = g_strconcat ("changed::", recent_keys[i], NULL);

          g_signal_connect_object (self->settings, signal, G_CALLBACK (update_recent_menus), self, G_CONNECT_SWAPPED);
        }
    }
  update_recent_menus (self);

  add_drop_target (self, self->loa_slot);
  add_drop_target (self, self->proof_slot);
  add_drop_target (self, GTK_WIDGET (self->check_view));
  g_signal_connect_object (self->check_view, "open-another-file", G_CALLBACK (on_open_another_file),
                           self, G_CONNECT_SWAPPED);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_o, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (open_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

GtkWidget *
porting_check_page_new (void)
{
  return g_object_new (PORTING_TYPE_CHECK_PAGE, NULL);
}

/**
 * porting_check_page_open:
 * @loa: (nullable): the Letter of Authorization
 * @proof: (nullable): the invoice or Customer Service Record
 */
void
porting_check_page_open (PortingCheckPage *self,
                         GFile            *loa,
                         GFile            *proof)
{
  g_return_if_fail (PORTING_IS_CHECK_PAGE (self));
  g_return_if_fail (!loa || G_IS_FILE (loa));
  g_return_if_fail (!proof || G_IS_FILE (proof));

  if (loa != NULL)
    set_file (self, SIDE_LOA, loa);
  if (proof != NULL)
    set_file (self, SIDE_PROOF, proof);
}

void
porting_check_page_reset (PortingCheckPage *self)
{
  g_return_if_fail (PORTING_IS_CHECK_PAGE (self));

  porting_check_view_clear (self->check_view);
  g_clear_object (&self->files[SIDE_LOA]);
  g_clear_object (&self->files[SIDE_PROOF]);
  update_slot_label (self, SIDE_LOA);
  update_slot_label (self, SIDE_PROOF);
  show_page (self, "empty", GTK_WIDGET (self->loa_slot_button));
}

PortingCheckView *
porting_check_page_get_check_view (PortingCheckPage *self)
{
  g_return_val_if_fail (PORTING_IS_CHECK_PAGE (self), NULL);

  return self->check_view;
}
