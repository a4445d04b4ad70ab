/* porting-draft-store.c — what the user typed, saved as they type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-draft-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "porting-draft-store.h"

/* Modelled on GNOME Text Editor's session: a change marks the store dirty and
 * arms one timeout; when it fires, the dirty drafts are written by a worker
 * thread, atomically (temporary file + rename). One write job runs at a time,
 * so that an older state never lands after a newer one. */

struct _PortingDraftStore
{
  GObject     parent_instance;

  char       *directory;
  GHashTable *drafts;          /* flow → JsonObject */
  GHashTable *dirty_flows;     /* flow set: to write, or to delete when not in @drafts */
  GHashTable *known_flows;     /* flow set: read from disk already, or discarded */
  GHashTable *secret_keys;     /* key set */

  guint       save_delay;
  guint       save_source;
  guint       dirty : 1;
  guint       saving : 1;
  guint       save_again : 1;

  /* Shared with the worker thread. */
  GMutex      write_lock;
  GHashTable *written_seq;     /* path → sequence number of the last state written */
  guint64     next_seq;
};

typedef struct
{
  char    *path;
  GBytes  *contents;           /* NULL: delete the file */
  guint64  seq;
} DraftWrite;

enum {
  PROP_0,
  PROP_SAVE_DELAY,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PortingDraftStore, porting_draft_store, G_TYPE_OBJECT)

static void
draft_write_free (DraftWrite *write)
{
  g_free (write->path);
  g_clear_pointer (&write->contents, g_bytes_unref);
  g_free (write);
}

static char *
draft_path (PortingDraftStore *self,
            const char        *flow)
{
  g_autofree char *name = g_strconcat (flow, ".json", NULL);

  return g_build_filename (self->directory, name, NULL);
}

static GBytes *
serialize_draft (JsonObject *draft)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  gsize length = 0;
  char *data;

  json_node_set_object (root, draft);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);

  return g_bytes_new_take (data, length);
}

/* Builds the job for every dirty flow and clears the dirty state. */
static GPtrArray *
take_pending_writes (PortingDraftStore *self)
{
  GPtrArray *writes = g_ptr_array_new_with_free_func ((GDestroyNotify) draft_write_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->dirty_flows);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      DraftWrite *write = g_new0 (DraftWrite, 1);
      JsonObject *draft = g_hash_table_lookup (self->drafts, key);

      write->path = draft_path (self, key);
      write->contents = draft != NULL ? serialize_draft (draft) : NULL;

      g_mutex_lock (&self->write_lock);
      write->seq = ++self->next_seq;
      g_mutex_unlock (&self->write_lock);

      g_ptr_array_add (writes, write);
    }

  g_hash_table_remove_all (self->dirty_flows);
  self->dirty = FALSE;

  return writes;
}

static gboolean
perform_writes (PortingDraftStore  *self,
                GPtrArray          *writes,
                GError            **error)
{
  gboolean ret = TRUE;

  g_mutex_lock (&self->write_lock);

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder for drafts “%s”: %s"),
                   self->directory, g_strerror (saved_errno));
      g_mutex_unlock (&self->write_lock);
      return FALSE;
    }

  for (guint i = 0; i < writes->len; i++)
    {
      DraftWrite *write = g_ptr_array_index (writes, i);
      guint64 last = GPOINTER_TO_SIZE (g_hash_table_lookup (self->written_seq, write->path));
      g_autoptr(GError) local_error = NULL;

      /* A newer state of this draft was written already (flush_sync). */
      if (last > write->seq)
        continue;

      if (write->contents != NULL)
        {
          if (!g_file_set_contents_full (write->path,
                                         g_bytes_get_data (write->contents, NULL),
                                         g_bytes_get_size (write->contents),
                                         G_FILE_SET_CONTENTS_CONSISTENT,
                                         0600, &local_error))
            {
              g_warning ("Could not save a draft: %s", local_error->message);
              if (ret)
                g_propagate_error (error, g_steal_pointer (&local_error));
              ret = FALSE;
              continue;
            }
        }
      else if (g_unlink (write->path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_warning ("Could not delete the draft %s: %s", write->path, g_strerror (saved_errno));
          if (ret)
            g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                         _("Could not delete the draft: %s"), g_strerror (saved_errno));
          ret = FALSE;
          continue;
        }

      g_hash_table_insert (self->written_seq, g_strdup (write->path),
                           GSIZE_TO_POINTER ((gsize) write->seq));
    }

  g_mutex_unlock (&self->write_lock);

  return ret;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (perform_writes (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void start_save (PortingDraftStore *self);

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  PortingDraftStore *self = PORTING_DRAFT_STORE (object);
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("Draft save failed: %s", error->message);

  g_signal_emit (self, signals[SAVED], 0);

  if (self->save_again)
    {
      self->save_again = FALSE;
      start_save (self);
    }
}

static void
start_save (PortingDraftStore *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->saving)
    {
      self->save_again = TRUE;
      return;
    }

  if (g_hash_table_size (self->dirty_flows) == 0)
    {
      self->dirty = FALSE;
      return;
    }

  self->saving = TRUE;

  task = g_task_new (self, NULL, save_cb, NULL);
  g_task_set_source_tag (task, start_save);
  g_task_set_task_data (task, take_pending_writes (self), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, save_thread);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  PortingDraftStore *self = user_data;

  self->save_source = 0;
  start_save (self);

  return G_SOURCE_REMOVE;
}

static void
mark_dirty (PortingDraftStore *self,
            const char        *flow)
{
  g_hash_table_add (self->dirty_flows, g_strdup (flow));

  if (self->dirty)
    return;

  self->dirty = TRUE;

  g_assert (self->save_source == 0);
  self->save_source = g_timeout_add_full (G_PRIORITY_LOW, self->save_delay * 1000,
                                          save_timeout_cb, self, NULL);
}

static void
porting_draft_store_dispose (GObject *object)
{
  PortingDraftStore *self = PORTING_DRAFT_STORE (object);

  if (self->dirty || g_hash_table_size (self->dirty_flows) > 0)
    porting_draft_store_flush_sync (self, NULL);

  g_clear_handle_id (&self->save_source, g_source_remove);

  G_OBJECT_CLASS (porting_draft_store_parent_class)->dispose (object);
}

static void
porting_draft_store_finalize (GObject *object)
{
  PortingDraftStore *self = PORTING_DRAFT_STORE (object);

  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->drafts, g_hash_table_unref);
  g_clear_pointer (&self->dirty_flows, g_hash_table_unref);
  g_clear_pointer (&self->known_flows, g_hash_table_unref);
  g_clear_pointer (&self->secret_keys, g_hash_table_unref);
  g_clear_pointer (&self->written_seq, g_hash_table_unref);
  g_mutex_clear (&self->write_lock);

  G_OBJECT_CLASS (porting_draft_store_parent_class)->finalize (object);
}

static void
porting_draft_store_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PortingDraftStore *self = PORTING_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_SAVE_DELAY:
      g_value_set_uint (value, self->save_delay);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_draft_store_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PortingDraftStore *self = PORTING_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_SAVE_DELAY:
      porting_draft_store_set_save_delay (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
porting_draft_store_class_init (PortingDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = porting_draft_store_dispose;
  object_class->finalize = porting_draft_store_finalize;
  object_class->get_property = porting_draft_store_get_property;
  object_class->set_property = porting_draft_store_set_property;

  /* Bound to the GSettings key draft-save-delay by the application. */
  properties[PROP_SAVE_DELAY] =
    g_param_spec_uint ("save-delay", NULL, NULL,
                       0, 60, 1,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted on the main thread each time a write job has finished. */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
porting_draft_store_init (PortingDraftStore *self)
{
  self->directory = g_build_filename (g_get_user_data_dir (), APP_ID, "drafts", NULL);
  self->drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) json_object_unref);
  self->dirty_flows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->known_flows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->secret_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->written_seq = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->save_delay = 1;
  g_mutex_init (&self->write_lock);

  g_hash_table_add (self->secret_keys, g_strdup ("wireless-pin"));
}

PortingDraftStore *
porting_draft_store_new (void)
{
  return g_object_new (PORTING_TYPE_DRAFT_STORE, NULL);
}

guint
porting_draft_store_get_save_delay (PortingDraftStore *self)
{
  g_return_val_if_fail (PORTING_IS_DRAFT_STORE (self), 0);

  return self->save_delay;
}

void
porting_draft_store_set_save_delay (PortingDraftStore *self,
                                    guint              seconds)
{
  g_return_if_fail (PORTING_IS_DRAFT_STORE (self));

  if (self->save_delay == seconds)
    return;

  self->save_delay = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_DELAY]);
}

GFile *
porting_draft_store_get_file (PortingDraftStore *self,
                              const char        *flow)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (PORTING_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (flow != NULL, NULL);

  path = draft_path (self, flow);

  return g_file_new_for_path (path);
}

void
porting_draft_store_add_secret_key (PortingDraftStore *self,
                                    const char        *key)
{
  g_return_if_fail (PORTING_IS_DRAFT_STORE (self));
  g_return_if_fail (key != NULL);

  g_hash_table_add (self->secret_keys, g_strdup (key));
}

gboolean
porting_draft_store_is_secret_key (PortingDraftStore *self,
                                   const char        *key)
{
  g_return_val_if_fail (PORTING_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return g_hash_table_contains (self->secret_keys, key);
}

static JsonObject *
read_draft_file (PortingDraftStore *self,
                 const char        *flow)
{
  g_autofree char *path = draft_path (self, flow);
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  JsonNode *root;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_warning ("Could not read the draft %s: %s", path, error->message);
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, contents, length, &error))
    {
      g_warning ("Ignoring the damaged draft %s: %s", path, error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_warning ("Ignoring the draft %s: not a JSON object", path);
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

static JsonObject *
ensure_draft (PortingDraftStore *self,
              const char        *flow,
              gboolean           create)
{
  JsonObject *draft = g_hash_table_lookup (self->drafts, flow);

  if (draft == NULL && !g_hash_table_contains (self->known_flows, flow))
    {
      g_hash_table_add (self->known_flows, g_strdup (flow));
      draft = read_draft_file (self, flow);

      if (draft != NULL)
        {
          GHashTableIter iter;
          gpointer key;

          /* An older build may have written one: never keep it. */
          g_hash_table_iter_init (&iter, self->secret_keys);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            json_object_remove_member (draft, key);

          g_hash_table_insert (self->drafts, g_strdup (flow), draft);
        }
    }

  if (draft == NULL && create)
    {
      draft = json_object_new ();
      g_hash_table_insert (self->drafts, g_strdup (flow), draft);
    }

  return draft;
}

gboolean
porting_draft_store_set (PortingDraftStore *self,
                         const char        *flow,
                         const char        *key,
                         JsonNode          *value)
{
  g_autoptr(JsonNode) owned = value;
  JsonObject *draft;
  JsonNode *old;

  g_return_val_if_fail (PORTING_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (flow != NULL && *flow != '\0', FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (g_hash_table_contains (self->secret_keys, key))
    {
      g_debug ("Refusing to keep the secret key “%s” in a draft", key);
      return FALSE;
    }

  draft = ensure_draft (self, flow, TRUE);
  old = json_object_get_member (draft, key);

  if (owned == NULL)
    {
      if (old == NULL)
        return TRUE;
      json_object_remove_member (draft, key);
    }
  else
    {
      if (old != NULL && json_node_equal (old, owned))
        return TRUE;
      json_object_set_member (draft, key, g_steal_pointer (&owned));
    }

  mark_dirty (self, flow);

  return TRUE;
}

gboolean
porting_draft_store_set_string (PortingDraftStore *self,
                                const char        *flow,
                                const char        *key,
                                const char        *value)
{
  JsonNode *node = NULL;

  if (value != NULL)
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, value);
    }

  return porting_draft_store_set (self, flow, key, node);
}

gboolean
porting_draft_store_set_boolean (PortingDraftStore *self,
                                 const char        *flow,
                                 const char        *key,
                                 gboolean           value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_boolean (node, value);

  return porting_draft_store_set (self, flow, key, node);
}

gboolean
porting_draft_store_set_int (PortingDraftStore *self,
                             const char        *flow,
                             const char        *key,
                             gint64             value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);

  return porting_draft_store_set (self, flow, key, node);
}

JsonObject *
porting_draft_store_load (PortingDraftStore *self,
                          const char        *flow)
{
  JsonObject *draft;
  JsonObject *copy;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  g_return_val_if_fail (PORTING_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (flow != NULL, NULL);

  if (!(draft = ensure_draft (self, flow, FALSE)))
    return NULL;

  copy = json_object_new ();
  json_object_iter_init (&iter, draft);
  while (json_object_iter_next (&iter, &member, &node))
    json_object_set_member (copy, member, json_node_copy (node));

  return copy;
}

gboolean
porting_draft_store_is_dirty (PortingDraftStore *self)
{
  g_return_val_if_fail (PORTING_IS_DRAFT_STORE (self), FALSE);

  return self->dirty || self->saving;
}

void
porting_draft_store_discard (PortingDraftStore *self,
                             const char        *flow)
{
  g_return_if_fail (PORTING_IS_DRAFT_STORE (self));
  g_return_if_fail (flow != NULL);

  g_hash_table_remove (self->drafts, flow);
  g_hash_table_add (self->known_flows, g_strdup (flow));
  g_hash_table_add (self->dirty_flows, g_strdup (flow));

  /* Deleting does not wait for the delay: a discarded draft must not come back. */
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->dirty = TRUE;
  start_save (self);
}

gboolean
porting_draft_store_flush_sync (PortingDraftStore  *self,
                                GError            **error)
{
  g_autoptr(GPtrArray) writes = NULL;

  g_return_val_if_fail (PORTING_IS_DRAFT_STORE (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (g_hash_table_size (self->dirty_flows) == 0)
    {
      self->dirty = FALSE;
      return TRUE;
    }

  writes = take_pending_writes (self);

  return perform_writes (self, writes, error);
}

static JsonNode *
draft_value (JsonObject *draft,
             const char *key,
             GType       type)
{
  JsonNode *node = draft != NULL ? json_object_get_member (draft, key) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    return NULL;

  return node;
}

const char *
porting_draft_get_string (JsonObject *draft,
                          const char *key)
{
  JsonNode *node = draft_value (draft, key, G_TYPE_STRING);

  return node != NULL ? json_node_get_string (node) : "";
}

gboolean
porting_draft_get_boolean (JsonObject *draft,
                           const char *key,
                           gboolean    fallback)
{
  JsonNode *node = draft_value (draft, key, G_TYPE_BOOLEAN);

  return node != NULL ? json_node_get_boolean (node) : fallback;
}

gint64
porting_draft_get_int (JsonObject *draft,
                       const char *key)
{
  JsonNode *node = draft_value (draft, key, G_TYPE_INT64);

  return node != NULL ? json_node_get_int (node) : 0;
}

PortingDraftStore *
porting_draft_store_new_for_settings (const char *schema_id)
{
  PortingDraftStore *store = porting_draft_store_new ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_return_val_if_fail (schema_id != NULL, store);

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), schema_id, TRUE);
  if (schema != NULL)
    {
      GSettings *settings = g_settings_new (schema_id);

      g_settings_bind (settings, "draft-save-delay", store, "save-delay", G_SETTINGS_BIND_GET);
      g_object_set_data_full (G_OBJECT (store), "porting-draft-settings", settings, g_object_unref);
    }

  return store;
}
