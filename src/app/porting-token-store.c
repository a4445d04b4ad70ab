/* porting-token-store.c — intake access tokens in the Secret Service, never in a file
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-token-store"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "porting-token-store.h"

static const SecretSchema *
porting_token_schema (void)
{
  static const SecretSchema schema = {
    "org.example.Porting.Token", SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/* libsecret's own messages speak D-Bus; the customer gets a sentence and
 * the details go to the debug log. */
static GError *
keyring_error (GError *error)
{
  g_debug ("Secret Service: %s", error->message);
  return g_error_new (error->domain, error->code,
                      _("The access token could not be reached in the keyring. "
                        "Check that a keyring service is running and unlocked."));
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *token;

  token = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, keyring_error (error));
  else
    g_task_return_pointer (task, token, (GDestroyNotify) secret_password_free);
}

void
porting_token_store_lookup_async (const char          *intake_url,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (intake_url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, porting_token_store_lookup_async);

  secret_password_lookup (porting_token_schema (), cancellable,
                          lookup_cb, g_steal_pointer (&task),
                          "url", intake_url,
                          NULL);
}

/**
 * porting_token_store_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the token, or %NULL with no error
 *   when none is stored for that address. Free with g_free().
 */
char *
porting_token_store_lookup_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_autofree char *secret = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  secret = g_task_propagate_pointer (G_TASK (result), error);
  if (secret == NULL)
    return NULL;

  /* Hand out a normal string; the secret copy is wiped here. */
  {
    char *token = g_strdup (secret);
    secret_password_wipe (secret);
    return token;
  }
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, keyring_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

void
porting_token_store_save_async (const char          *intake_url,
                                const char          *token,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (intake_url != NULL);
  g_return_if_fail (token != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, porting_token_store_save_async);

  /* Translators: the label of the keyring item; %s is a web address */
  label = g_strdup_printf (_("Porting access token for %s"), intake_url);
  secret_password_store (porting_token_schema (), SECRET_COLLECTION_DEFAULT,
                         label, token, cancellable,
                         store_cb, g_steal_pointer (&task),
                         "url", intake_url,
                         NULL);
}

gboolean
porting_token_store_save_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE without an error only means nothing was stored. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, keyring_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

void
porting_token_store_clear_async (const char          *intake_url,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (intake_url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, porting_token_store_clear_async);

  secret_password_clear (porting_token_schema (), cancellable,
                         clear_cb, g_steal_pointer (&task),
                         "url", intake_url,
                         NULL);
}

gboolean
porting_token_store_clear_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
