/* porting-intake-secret.h — the service's key file: wireless PINs sealed with libsodium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PortingIntakeSecret PortingIntakeSecret;

/* Reads the 32-byte key at @path, or creates it (mode 0600, atomically, so two
 * instances starting together end up with the same key) when @create and it
 * does not exist. A key file others may read is refused. */
PortingIntakeSecret *porting_intake_secret_load        (const char           *path,
                                                        gboolean              create,
                                                        GError              **error);
void                 porting_intake_secret_free        (PortingIntakeSecret  *secret);

/* crypto_secretbox_easy with a random nonce: nonce ‖ box. */
GBytes              *porting_intake_secret_seal        (PortingIntakeSecret  *secret,
                                                        const char           *plaintext);
/* The plaintext (NUL-terminated; wipe it with porting_intake_secret_wipe()),
 * or NULL when @sealed was not made with this key. */
char                *porting_intake_secret_open        (PortingIntakeSecret  *secret,
                                                        GBytes               *sealed,
                                                        GError              **error);
/* A keyed BLAKE2b of @data, hex: equal data gives equal fingerprints, and
 * nothing about @data (a PIN inside it) can be guessed without the key. */
char                *porting_intake_secret_fingerprint (PortingIntakeSecret  *secret,
                                                        const guint8         *data,
                                                        gsize                 size);
/* Zeroes and frees a string that held a secret. */
void                 porting_intake_secret_wipe        (char                 *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PortingIntakeSecret, porting_intake_secret_free)

G_END_DECLS
