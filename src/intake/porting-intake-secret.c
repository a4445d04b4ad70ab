/* porting-intake-secret.c — the service's key file: wireless PINs sealed with libsodium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-intake-secret"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "porting-intake-secret.h"

#define KDF_CONTEXT     "porting1"
#define SUBKEY_SEAL     1
#define SUBKEY_FINGER   2

struct _PortingIntakeSecret
{
  /* sodium_malloc: guarded pages, never swapped, zeroed when freed. */
  unsigned char *seal_key;
  unsigned char *fingerprint_key;
};

void
porting_intake_secret_free (PortingIntakeSecret *secret)
{
  if (secret == NULL)
    return;
  sodium_free (secret->seal_key);
  sodium_free (secret->fingerprint_key);
  g_free (secret);
}

void
porting_intake_secret_wipe (char *text)
{
  if (text == NULL)
    return;
  sodium_memzero (text, strlen (text));
  g_free (text);
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *what,
                 const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s %s: %s", what, path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         size)
{
  while (size > 0)
    {
      gssize n = write (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      size -= n;
    }
  return TRUE;
}

/* Written under a temporary name and linked into place: link() fails when
 * another instance made the key first, and then that key is the one read. */
static gboolean
create_key_file (const char  *path,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp_path = g_strconcat (path, ".tmp-XXXXXX", NULL);
  unsigned char key[crypto_kdf_KEYBYTES];
  gboolean ok;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_errno_error (error, errno, "Cannot create", dir);

  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (error, errno, "Cannot create", tmp_path);

  crypto_kdf_keygen (key);
  ok = write_all (fd, key, sizeof key) && fsync (fd) == 0;
  sodium_memzero (key, sizeof key);
  if (!ok)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (tmp_path);
      return set_errno_error (error, saved_errno, "Cannot write", tmp_path);
    }
  close (fd);

  if (link (tmp_path, path) != 0 && errno != EEXIST)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      return set_errno_error (error, saved_errno, "Cannot create", path);
    }
  g_unlink (tmp_path);
  return TRUE;
}

PortingIntakeSecret *
porting_intake_secret_load (const char  *path,
                            gboolean     create,
                            GError     **error)
{
  g_autoptr(PortingIntakeSecret) secret = NULL;
  unsigned char master[crypto_kdf_KEYBYTES];
  struct stat st;
  gssize n;
  int fd;

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "libsodium could not be initialised");
      return NULL;
    }

  if (create && !g_file_test (path, G_FILE_TEST_EXISTS) && !create_key_file (path, error))
    return NULL;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno, "Cannot open the key file", path);
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size != sizeof master)
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The key file %s must be a file of exactly %zu bytes (made by porting-intake).",
                   path, sizeof master);
      return NULL;
    }
  if ((st.st_mode & 077) != 0)
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   "The key file %s may be read by others: make it readable by its owner only (chmod 600).",
                   path);
      return NULL;
    }

  do
    n = read (fd, master, sizeof master);
  while (n < 0 && errno == EINTR);
  close (fd);
  if (n != sizeof master)
    {
      sodium_memzero (master, sizeof master);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot read the key file %s", path);
      return NULL;
    }

  secret = g_new0 (PortingIntakeSecret, 1);
  secret->seal_key = sodium_malloc (crypto_secretbox_KEYBYTES);
  secret->fingerprint_key = sodium_malloc (crypto_generichash_KEYBYTES);
  if (secret->seal_key == NULL || secret->fingerprint_key == NULL)
    {
      sodium_memzero (master, sizeof master);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "Cannot lock memory for the key");
      return NULL;
    }
  crypto_kdf_derive_from_key (secret->seal_key, crypto_secretbox_KEYBYTES, SUBKEY_SEAL, KDF_CONTEXT, master);
  crypto_kdf_derive_from_key (secret->fingerprint_key, crypto_generichash_KEYBYTES, SUBKEY_FINGER, KDF_CONTEXT, master);
  sodium_memzero (master, sizeof master);

  return g_steal_pointer (&secret);
}

GBytes *
porting_intake_secret_seal (PortingIntakeSecret *secret,
                            const char          *plaintext)
{
  gsize length = strlen (plaintext);
  gsize size = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + length;
  guint8 *sealed = g_malloc (size);

  randombytes_buf (sealed, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy (sealed + crypto_secretbox_NONCEBYTES, (const unsigned char *) plaintext, length,
                         sealed, secret->seal_key);
  return g_bytes_new_take (sealed, size);
}

char *
porting_intake_secret_open (PortingIntakeSecret  *secret,
                            GBytes               *sealed,
                            GError              **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (sealed, &size);
  gsize length;
  char *plaintext;

  if (size < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The sealed PIN is truncated.");
      return NULL;
    }

  length = size - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES;
  plaintext = g_malloc0 (length + 1);
  if (crypto_secretbox_open_easy ((unsigned char *) plaintext, data + crypto_secretbox_NONCEBYTES,
                                  size - crypto_secretbox_NONCEBYTES, data, secret->seal_key) != 0)
    {
      g_free (plaintext);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The PIN was sealed with another key: is --secret-key the same file on every instance?");
      return NULL;
    }
  return plaintext;
}

char *
porting_intake_secret_fingerprint (PortingIntakeSecret *secret,
                                   const guint8        *data,
                                   gsize                size)
{
  unsigned char hash[32];
  char hex[sizeof hash * 2 + 1];

  crypto_generichash (hash, sizeof hash, data, size, secret->fingerprint_key, crypto_generichash_KEYBYTES);
  sodium_bin2hex (hex, sizeof hex, hash, sizeof hash);
  return g_strdup (hex);
}
