/* validate-ui-preload.c — lets GTK 4.8's gtk4-builder-tool validate our templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loaded with LD_PRELOAD into `gtk4-builder-tool validate FILE`. The tool
 * looks template parents up by name, and it checks signal handlers against
 * the symbols of its own program; GTK 4.10's tool accepts any handler name,
 * 4.8's fails on the first one. So, before the tool's main():
 *
 * - the libadwaita template parents are registered, and the class of the
 *   template when PORTING_VALIDATE_TYPE names it ("porting_port_in_page"):
 *   the tool then builds a real instance, from the copy of the file compiled
 *   into the resources (every type, property, handler and binding checked
 *   with the class's own callbacks), then reads FILE itself over it;
 * - gtk_builder_new() gives the tool a builder whose scope takes any
 *   handler name, as the newer tool's does;
 * - warnings and criticals are fatal: a property that cannot be parsed is
 *   only a warning in GtkBuilder, and the tool's own log writer never
 *   aborts, so GLib's default writer (which does) is kept.
 *
 * Without a display the tool cannot start: the test is skipped (77).
 */

#define G_LOG_DOMAIN "validate-ui"

#include "config.h"

#include <adwaita.h>
#include <dlfcn.h>
#include <unistd.h>

#define VALIDATE_TYPE_SCOPE (validate_scope_get_type ())
G_DECLARE_FINAL_TYPE (ValidateScope, validate_scope, VALIDATE, SCOPE, GtkBuilderCScope)

struct _ValidateScope
{
  GtkBuilderCScope parent_instance;
};

static void
ignore_signal (void)
{
}

static GClosure *
validate_scope_create_closure (GtkBuilderScope        *scope,
                               GtkBuilder             *builder,
                               const char             *function_name,
                               GtkBuilderClosureFlags  flags,
                               GObject                *object,
                               GError                **error)
{
  return g_cclosure_new (ignore_signal, NULL, NULL);
}

static void
validate_scope_scope_init (GtkBuilderScopeInterface *iface)
{
  iface->create_closure = validate_scope_create_closure;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (ValidateScope, validate_scope, GTK_TYPE_BUILDER_CSCOPE,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDER_SCOPE, validate_scope_scope_init))

static void
validate_scope_class_init (ValidateScopeClass *klass)
{
}

static void
validate_scope_init (ValidateScope *self)
{
}

/* Takes the place of GTK's for the tool's calls. */
GtkBuilder *
gtk_builder_new (void)
{
  g_autoptr(GtkBuilderScope) scope = g_object_new (VALIDATE_TYPE_SCOPE, NULL);

  return g_object_new (GTK_TYPE_BUILDER, "scope", scope, NULL);
}

/* Takes the place of GLib's for the tool's one call. */
void
g_log_set_writer_func (GLogWriterFunc func,
                       gpointer       user_data,
                       GDestroyNotify user_data_free)
{
  if (user_data_free != NULL)
    user_data_free (user_data);
}

__attribute__((constructor))
static void
validate_ui_preload_init (void)
{
  const char *type_prefix = g_getenv ("PORTING_VALIDATE_TYPE");

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipped\n");
      _exit (77);
    }

  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  g_type_ensure (ADW_TYPE_BIN);
  g_type_ensure (ADW_TYPE_WINDOW);
  g_type_ensure (ADW_TYPE_APPLICATION_WINDOW);
  g_type_ensure (ADW_TYPE_PREFERENCES_WINDOW);

  if (type_prefix != NULL && *type_prefix != '\0')
    {
      g_autofree char *symbol = g_strconcat (type_prefix, "_get_type", NULL);
      GType (*get_type) (void) = (GType (*) (void)) dlsym (RTLD_DEFAULT, symbol);

      if (get_type == NULL)
        {
          g_printerr ("%s: no such type function\n", symbol);
          _exit (1);
        }
      g_type_ensure (get_type ());
    }
}
