/* porting-outbox.c — finished requests waiting for the network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-outbox"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "porting-outbox.h"

struct _PortingOutbox
{
  GObject     parent_instance;

  char       *directory;
  /* idempotency key → PIN; memory only */
  GHashTable *pins;
  gboolean    flushing;
};

G_DEFINE_TYPE (PortingOutbox, porting_outbox, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (PortingOutboxItem, porting_outbox_item, porting_outbox_item_copy, porting_outbox_item_free)

PortingOutboxItem *
porting_outbox_item_copy (const PortingOutboxItem *item)
{
  PortingOutboxItem *copy = g_new0 (PortingOutboxItem, 1);

  copy->idempotency_key = g_strdup (item->idempotency_key);
  copy->request = item->request ? porting_request_copy (item->request) : NULL;
  copy->loa = item->loa ? g_object_ref (item->loa) : NULL;
  copy->proof = item->proof ? g_object_ref (item->proof) : NULL;
  copy->regulatory = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; item->regulatory && i < item->regulatory->len; i++)
    g_ptr_array_add (copy->regulatory, g_object_ref (g_ptr_array_index (item->regulatory, i)));
  copy->queued_at = g_strdup (item->queued_at);
  return copy;
}

void
porting_outbox_item_free (PortingOutboxItem *item)
{
  if (item == NULL)
    return;
  g_free (item->idempotency_key);
  g_clear_object (&item->request);
  g_clear_object (&item->loa);
  g_clear_object (&item->proof);
  g_clear_pointer (&item->regulatory, g_ptr_array_unref);
  g_free (item->queued_at);
  g_free (item);
}

static void
free_pin (gpointer data)
{
  char *pin = data;

  if (pin != NULL)
    memset (pin, 0, strlen (pin));
  g_free (pin);
}

static void
porting_outbox_finalize (GObject *object)
{
  PortingOutbox *self = (PortingOutbox *) object;

  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->pins, g_hash_table_unref);

  G_OBJECT_CLASS (porting_outbox_parent_class)->finalize (object);
}

static void
porting_outbox_class_init (PortingOutboxClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = porting_outbox_finalize;
}

static void
porting_outbox_init (PortingOutbox *self)
{
  self->pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_pin);
}

PortingOutbox *
porting_outbox_new (const char *directory)
{
  PortingOutbox *self = g_object_new (PORTING_TYPE_OUTBOX, NULL);

  if (directory != NULL)
    self->directory = g_strdup (directory);
  else
    self->directory = g_build_filename (g_get_user_data_dir (), BASE_ID, "outbox", NULL);
  return self;
}

const char *
porting_outbox_get_directory (PortingOutbox *self)
{
  g_return_val_if_fail (PORTING_IS_OUTBOX (self), NULL);
  return self->directory;
}

static gboolean
key_is_safe (const char *key)
{
  /* The key names a file: allow what a UUID is made of, nothing else. */
  if (key == NULL || *key == '\0' || strlen (key) > 128)
    return FALSE;
  for (const char *p = key; *p; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        return FALSE;
    }
  return TRUE;
}

static char *
entry_path (PortingOutbox *self,
            const char    *key)
{
  g_autofree char *name = g_strconcat (key, ".json", NULL);

  return g_build_filename (self->directory, name, NULL);
}

static JsonNode *
file_node (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return json_node_init_null (json_node_alloc ());
  return json_node_init_string (json_node_alloc (), path);
}

gboolean
porting_outbox_add (PortingOutbox   *self,
                    PortingRequest  *request,
                    GFile           *loa,
                    GFile           *proof,
                    GPtrArray       *regulatory,
                    const char      *idempotency_key,
                    GError         **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  JsonArray *files;

  g_return_val_if_fail (PORTING_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (PORTING_IS_REQUEST (request), FALSE);

  if (!key_is_safe (idempotency_key))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The request could not be kept for later: its key is not valid."));
      return FALSE;
    }

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The request could not be kept for later in “%s”: %s"),
                   self->directory, g_strerror (saved_errno));
      return FALSE;
    }

  json_object_set_string_member (object, "idempotency_key", idempotency_key);
  g_autofree char *queued_at = g_date_time_format_iso8601 (now);
  json_object_set_string_member (object, "queued_at", queued_at);
  /* PORTING_REQUEST_JSON_DEFAULT: never the PIN on disk. */
  json_object_set_member (object, "request", porting_request_to_json_node (request, PORTING_REQUEST_JSON_DEFAULT));
  json_object_set_member (object, "loa", loa ? file_node (loa) : json_node_init_null (json_node_alloc ()));
  json_object_set_member (object, "proof", proof ? file_node (proof) : json_node_init_null (json_node_alloc ()));
  files = json_array_new ();
  for (guint i = 0; regulatory != NULL && i < regulatory->len; i++)
    json_array_add_element (files, file_node (g_ptr_array_index (regulatory, i)));
  json_object_set_array_member (object, "regulatory", files);

  root = json_node_init_object (json_node_alloc (), object);
  text = json_to_string (root, TRUE);
  path = entry_path (self, idempotency_key);

  if (!g_file_set_contents_full (path, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;

  if (porting_request_get_wireless_pin (request) != NULL)
    g_hash_table_replace (self->pins, g_strdup (idempotency_key),
                          g_strdup (porting_request_get_wireless_pin (request)));
  return TRUE;
}

static GFile *
file_from_member (JsonObject *object,
                  const char *member)
{
  const char *path = json_object_get_string_member_with_default (object, member, NULL);

  return path ? g_file_new_for_path (path) : NULL;
}

static PortingOutboxItem *
load_item (PortingOutbox *self,
           const char    *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PortingOutboxItem) item = g_new0 (PortingOutboxItem, 1);
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonNode *root;
  JsonNode *regulatory;
  const char *key;
  const char *pin;

  if (!json_parser_load_from_file (parser, path, &error) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_warning ("Skipping unreadable outbox entry %s: %s", path, error ? error->message : "not an object");
      return NULL;
    }

  object = json_node_get_object (root);
  key = json_object_get_string_member_with_default (object, "idempotency_key", NULL);
  if (!key_is_safe (key) || !json_object_has_member (object, "request"))
    return NULL;

  item->request = porting_request_new_from_json_node (json_object_get_member (object, "request"), NULL, &error);
  if (item->request == NULL)
    {
      g_warning ("Skipping unreadable outbox entry %s: %s", path, error->message);
      return NULL;
    }

  item->idempotency_key = g_strdup (key);
  item->queued_at = g_strdup (json_object_get_string_member_with_default (object, "queued_at", ""));
  item->loa = file_from_member (object, "loa");
  item->proof = file_from_member (object, "proof");
  item->regulatory = g_ptr_array_new_with_free_func (g_object_unref);
  regulatory = json_object_get_member (object, "regulatory");
  if (regulatory != NULL && JSON_NODE_HOLDS_ARRAY (regulatory))
    {
      JsonArray *array = json_node_get_array (regulatory);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *file_path = json_array_get_string_element (array, i);

          if (file_path != NULL)
            g_ptr_array_add (item->regulatory, g_file_new_for_path (file_path));
        }
    }

  pin = g_hash_table_lookup (self->pins, key);
  if (pin != NULL)
    porting_request_set_wireless_pin (item->request, pin);

  return g_steal_pointer (&item);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const PortingOutboxItem *item_a = *(PortingOutboxItem * const *) a;
  const PortingOutboxItem *item_b = *(PortingOutboxItem * const *) b;
  int cmp = g_strcmp0 (item_a->queued_at, item_b->queued_at);

  return cmp != 0 ? cmp : g_strcmp0 (item_a->idempotency_key, item_b->idempotency_key);
}

GPtrArray *
porting_outbox_list (PortingOutbox *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) porting_outbox_item_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (PORTING_IS_OUTBOX (self), NULL);

  dir = g_dir_open (self->directory, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      PortingOutboxItem *item;

      /* Leftover temporary files of an interrupted write end differently. */
      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (self->directory, name, NULL);
      item = load_item (self, path);
      if (item != NULL)
        g_ptr_array_add (items, item);
    }

  g_ptr_array_sort (items, compare_items);
  return g_steal_pointer (&items);
}

guint
porting_outbox_get_n_items (PortingOutbox *self)
{
  g_autoptr(GPtrArray) items = porting_outbox_list (self);

  return items->len;
}

void
porting_outbox_provide_pin (PortingOutbox *self,
                            const char    *idempotency_key,
                            const char    *pin)
{
  g_return_if_fail (PORTING_IS_OUTBOX (self));
  g_return_if_fail (idempotency_key != NULL);

  if (pin == NULL)
    g_hash_table_remove (self->pins, idempotency_key);
  else
    g_hash_table_replace (self->pins, g_strdup (idempotency_key), g_strdup (pin));
}

gboolean
porting_outbox_remove (PortingOutbox  *self,
                       const char     *idempotency_key,
                       GError        **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (PORTING_IS_OUTBOX (self), FALSE);

  if (!key_is_safe (idempotency_key))
    return TRUE;

  g_hash_table_remove (self->pins, idempotency_key);
  path = entry_path (self, idempotency_key);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("A sent request could not be removed from the outbox: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Flush */

typedef struct
{
  PortingIntakeClient *client;
  GPtrArray           *items;
  guint                next;
  GPtrArray           *sent;
} Flush;

static void
flush_free (Flush *flush)
{
  g_clear_object (&flush->client);
  g_clear_pointer (&flush->items, g_ptr_array_unref);
  g_clear_pointer (&flush->sent, g_ptr_array_unref);
  g_free (flush);
}

static void flush_next (GTask *task);

static void
flush_finished (GTask  *task,
                GError *error)
{
  PortingOutbox *self = g_task_get_source_object (task);
  Flush *flush = g_task_get_task_data (task);

  self->flushing = FALSE;
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_ptr_array_ref (flush->sent), (GDestroyNotify) g_ptr_array_unref);
  g_object_unref (task);
}

static void
flush_submit_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  PortingOutbox *self = g_task_get_source_object (task);
  Flush *flush = g_task_get_task_data (task);
  PortingOutboxItem *item = g_ptr_array_index (flush->items, flush->next - 1);
  g_autoptr(PortingRequest) stored = NULL;
  g_autoptr(GError) error = NULL;

  stored = porting_intake_client_submit_finish (PORTING_INTAKE_CLIENT (object), result, NULL, &error);
  if (stored == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_UNREACHABLE) ||
          g_error_matches (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_UNAUTHORIZED) ||
          g_error_matches (error, PORTING_INTAKE_ERROR, PORTING_INTAKE_ERROR_INSECURE))
        {
          flush_finished (task, g_steal_pointer (&error));
          return;
        }
      g_message ("Request %s kept in the outbox: %s", item->idempotency_key, error->message);
      flush_next (task);
      return;
    }

  if (!porting_outbox_remove (self, item->idempotency_key, &error))
    g_warning ("%s", error->message);
  g_ptr_array_add (flush->sent, g_steal_pointer (&stored));
  flush_next (task);
}

static void
flush_next (GTask *task)
{
  Flush *flush = g_task_get_task_data (task);

  while (flush->next < flush->items->len)
    {
      PortingOutboxItem *item = g_ptr_array_index (flush->items, flush->next++);

      if (porting_request_needs_pin (item->request))
        continue;

      porting_intake_client_submit_async (flush->client, item->request, item->loa, item->proof,
                                          item->regulatory, item->idempotency_key,
                                          g_task_get_cancellable (task), NULL, NULL,
                                          flush_submit_cb, task);
      return;
    }

  flush_finished (task, NULL);
}

void
porting_outbox_flush_async (PortingOutbox       *self,
                            PortingIntakeClient *client,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  Flush *flush;

  g_return_if_fail (PORTING_IS_OUTBOX (self));
  g_return_if_fail (PORTING_IS_INTAKE_CLIENT (client));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, porting_outbox_flush_async);

  flush = g_new0 (Flush, 1);
  flush->client = g_object_ref (client);
  flush->sent = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, flush, (GDestroyNotify) flush_free);

  if (self->flushing)
    {
      /* The running flush sends everything; sending again would race it. */
      g_task_return_pointer (task, g_ptr_array_ref (flush->sent), (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }

  self->flushing = TRUE;
  flush->items = porting_outbox_list (self);
  flush_next (task);
}

GPtrArray *
porting_outbox_flush_finish (PortingOutbox  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
