/* porting-token-store.h — intake access tokens in the Secret Service
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     porting_token_store_lookup_async  (const char           *intake_url,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
char    *porting_token_store_lookup_finish (GAsyncResult         *result,
                                            GError              **error);
void     porting_token_store_save_async    (const char           *intake_url,
                                            const char           *token,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean porting_token_store_save_finish   (GAsyncResult         *result,
                                            GError              **error);
void     porting_token_store_clear_async   (const char           *intake_url,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean porting_token_store_clear_finish  (GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
