/* porting-draft-store.h — what the user typed, saved as they type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PORTING_TYPE_DRAFT_STORE (porting_draft_store_get_type ())
G_DECLARE_FINAL_TYPE (PortingDraftStore, porting_draft_store, PORTING, DRAFT_STORE, GObject)

/* Drafts live in $XDG_DATA_HOME/APP_ID/drafts/<flow>.json. */
PortingDraftStore *porting_draft_store_new              (void);
/* Seconds between the first change and the write ("save-delay" property). */
guint              porting_draft_store_get_save_delay   (PortingDraftStore *self);
void               porting_draft_store_set_save_delay   (PortingDraftStore *self,
                                                         guint              seconds);
GFile             *porting_draft_store_get_file         (PortingDraftStore *self,
                                                         const char        *flow);

/* Keys whose values never reach the disk ("wireless-pin" is one already).
 * Setting one is refused: it returns FALSE and stores nothing. */
void               porting_draft_store_add_secret_key   (PortingDraftStore *self,
                                                         const char        *key);
gboolean           porting_draft_store_is_secret_key    (PortingDraftStore *self,
                                                         const char        *key);

/* Takes @value (floating-free JsonNode); NULL removes the key. Returns FALSE
 * when @key is secret. The write happens "save-delay" seconds later. */
gboolean           porting_draft_store_set              (PortingDraftStore *self,
                                                         const char        *flow,
                                                         const char        *key,
                                                         JsonNode          *value);
gboolean           porting_draft_store_set_string       (PortingDraftStore *self,
                                                         const char        *flow,
                                                         const char        *key,
                                                         const char        *value);
gboolean           porting_draft_store_set_boolean      (PortingDraftStore *self,
                                                         const char        *flow,
                                                         const char        *key,
                                                         gboolean           value);
gboolean           porting_draft_store_set_int          (PortingDraftStore *self,
                                                         const char        *flow,
                                                         const char        *key,
                                                         gint64             value);

/* The draft of @flow (read from disk the first time), or NULL when there is none.
 * Returns a new reference to a copy. */
JsonObject        *porting_draft_store_load             (PortingDraftStore *self,
                                                         const char        *flow);
gboolean           porting_draft_store_is_dirty         (PortingDraftStore *self);
/* Forgets the draft of @flow and deletes its file. */
void               porting_draft_store_discard          (PortingDraftStore *self,
                                                         const char        *flow);
/* Writes whatever is pending now, blocking: for shutdown. */
gboolean           porting_draft_store_flush_sync       (PortingDraftStore *self,
                                                         GError           **error);

/* A store whose save delay follows the "draft-save-delay" key of @schema_id,
 * when that schema is installed (tests may run without it). */
PortingDraftStore *porting_draft_store_new_for_settings (const char *schema_id);

/* Reading a loaded draft: a NULL draft and a missing or mistyped member give
 * the fallback ("" for strings, 0 for numbers). */
const char        *porting_draft_get_string       (JsonObject        *draft,
                                                   const char        *key);
gboolean           porting_draft_get_boolean      (JsonObject        *draft,
                                                   const char        *key,
                                                   gboolean           fallback);
gint64             porting_draft_get_int          (JsonObject        *draft,
                                                   const char        *key);

G_END_DECLS
