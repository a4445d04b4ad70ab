/* porting-outbox.h — finished requests waiting for the network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "porting-intake-client.h"
#include "porting-request.h"

G_BEGIN_DECLS

typedef struct
{
  char           *idempotency_key;
  PortingRequest *request;     /* without PIN unless given again with porting_outbox_provide_pin() */
  GFile          *loa;         /* nullable */
  GFile          *proof;       /* nullable */
  GPtrArray      *regulatory;  /* of GFile, never NULL */
  char           *queued_at;   /* ISO 8601 */
} PortingOutboxItem;

#define PORTING_TYPE_OUTBOX_ITEM (porting_outbox_item_get_type ())

GType              porting_outbox_item_get_type (void) G_GNUC_CONST;
PortingOutboxItem *porting_outbox_item_copy     (const PortingOutboxItem *item);
void               porting_outbox_item_free     (PortingOutboxItem       *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingOutboxItem, porting_outbox_item_free)

#define PORTING_TYPE_OUTBOX (porting_outbox_get_type ())

G_DECLARE_FINAL_TYPE (PortingOutbox, porting_outbox, PORTING, OUTBOX, GObject)

/* @directory NULL = $XDG_DATA_HOME/org.example.Porting/outbox. */
PortingOutbox *porting_outbox_new          (const char           *directory);
const char    *porting_outbox_get_directory (PortingOutbox       *self);
/* Keeps @request (never its PIN: the PIN stays in this object's memory only)
 * with its files and key, written atomically. Replaces an entry with the same key. */
gboolean       porting_outbox_add          (PortingOutbox        *self,
                                            PortingRequest       *request,
                                            GFile                *loa,
                                            GFile                *proof,
                                            GPtrArray            *regulatory,
                                            const char           *idempotency_key,
                                            GError              **error);
/* GPtrArray of PortingOutboxItem, oldest first. Unreadable entries are skipped. */
GPtrArray     *porting_outbox_list         (PortingOutbox        *self);
guint          porting_outbox_get_n_items  (PortingOutbox        *self);
/* For a wireless request that came back from disk without its PIN. */
void           porting_outbox_provide_pin  (PortingOutbox        *self,
                                            const char           *idempotency_key,
                                            const char           *pin);
gboolean       porting_outbox_remove       (PortingOutbox        *self,
                                            const char           *idempotency_key,
                                            GError              **error);
/* Sends every kept request, oldest first, each with its own key, and removes
 * it from disk once the service stored it. Stops at the first UNREACHABLE;
 * skips requests that need a PIN (porting_request_needs_pin()) or that the
 * service refused (they stay, see porting_outbox_list()). Calls made while
 * a flush runs return an empty array. Returns the stored requests sent. */
void           porting_outbox_flush_async  (PortingOutbox        *self,
                                            PortingIntakeClient  *client,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GPtrArray     *porting_outbox_flush_finish (PortingOutbox        *self,
                                            GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
