/* porting-twilio-sid.c — recognising Twilio SIDs and what people paste instead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "porting-twilio-sid"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "porting-twilio-sid.h"

#define HEX_LENGTH (PORTING_TWILIO_SID_LENGTH - 2)

/* The SIDs customers are most likely to find in their Console and paste. */
static const struct
{
  const char *prefix;
  const char *what;  /* completes "This is …, not an Account SID (AC…)." */
} other_prefixes[] = {
  { "PN", N_("the SID of a phone number (PN…)") },
  { "MG", N_("the SID of a messaging service (MG…)") },
  { "SM", N_("the SID of a message (SM…)") },
  { "MM", N_("the SID of a message (MM…)") },
  { "CA", N_("the SID of a call (CA…)") },
  { "CF", N_("the SID of a conference (CF…)") },
  { "RE", N_("the SID of a recording (RE…)") },
  { "AP", N_("the SID of an application (AP…)") },
  { "AD", N_("the SID of an address (AD…)") },
  { "BU", N_("the SID of a regulatory bundle (BU…)") },
  { "TK", N_("the SID of a trunk (TK…)") },
  { "HR", N_("the SID of a hosted number order (HR…)") },
};

/* White space removed (a SID copied from a PDF may be cut over two lines) and
 * surrounding quotes dropped. */
static char *
clean_text (const char *text)
{
  GString *cleaned = g_string_new (NULL);
  gsize start = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (cleaned, *p);

  while (cleaned->len - start >= 2 &&
         (cleaned->str[start] == '"' || cleaned->str[start] == '\'') &&
         cleaned->str[cleaned->len - 1] == cleaned->str[start])
    {
      g_string_truncate (cleaned, cleaned->len - 1);
      start++;
    }
  g_string_erase (cleaned, 0, start);

  return g_string_free (cleaned, FALSE);
}

static gboolean
is_hex (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;

  return TRUE;
}

static char *
normalize_sid (const char *prefix,
               const char *hex)
{
  g_autofree char *lower = g_ascii_strdown (hex, -1);

  return g_strconcat (prefix, lower, NULL);
}

static gboolean
has_prefix_ci (const char *text,
               const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

PortingSidKind
porting_twilio_sid_classify (const char  *text,
                             char       **normalized,
                             char       **message)
{
  g_autofree char *cleaned = NULL;
  g_autofree char *sid = NULL;
  g_autofree char *sentence = NULL;
  PortingSidKind kind = PORTING_SID_KIND_INVALID;
  const char *other_what = NULL;
  const char *other_prefix = NULL;
  gsize length;

  cleaned = clean_text (text != NULL ? text : "");
  length = strlen (cleaned);

  for (guint i = 0; i < G_N_ELEMENTS (other_prefixes) && length >= 2; i++)
    {
      if (has_prefix_ci (cleaned, other_prefixes[i].prefix))
        {
          other_prefix = other_prefixes[i].prefix;
          other_what = other_prefixes[i].what;
          break;
        }
    }

  if (length == 0)
    {
      kind = PORTING_SID_KIND_EMPTY;
      sentence = g_strdup (_("Enter your Account SID: it starts with AC and is on the home page of your Twilio Console."));
    }
  else if (length == HEX_LENGTH && is_hex (cleaned) && !g_str_has_prefix (cleaned, "AC"))
    {
      /* Tokens are lower-case hex; only an upper-case "AC" makes it a short SID. */
      kind = PORTING_SID_KIND_AUTH_TOKEN;
      sentence = g_strdup (_("This looks like an auth token, which is a secret: paste your Account SID instead (it starts with AC). If you shared this token, change it in your Twilio Console."));
    }
  else if (has_prefix_ci (cleaned, "AC") && is_hex (cleaned + 2))
    {
      if (length == PORTING_TWILIO_SID_LENGTH)
        {
          kind = PORTING_SID_KIND_ACCOUNT_SID;
          sid = normalize_sid ("AC", cleaned + 2);
        }
      else
        {
          kind = PORTING_SID_KIND_WRONG_LENGTH;
          sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "An Account SID has 32 letters and digits after AC, this one has %u: check that it was copied whole.",
                                                   "An Account SID has 32 letters and digits after AC, this one has %u: check that it was copied whole.",
                                                   (gulong) (length - 2)),
                                      (guint) (length - 2));
        }
    }
  else if (has_prefix_ci (cleaned, "SK") && is_hex (cleaned + 2) && length == PORTING_TWILIO_SID_LENGTH)
    {
      kind = PORTING_SID_KIND_API_KEY_SID;
      sid = normalize_sid ("SK", cleaned + 2);
      sentence = g_strdup (_("This is an API key SID (SK…), not an Account SID (AC…). Your Account SID is on the home page of your Twilio Console."));
    }
  else if (other_prefix != NULL && is_hex (cleaned + 2) && length == PORTING_TWILIO_SID_LENGTH)
    {
      kind = PORTING_SID_KIND_OTHER_SID;
      sid = normalize_sid (other_prefix, cleaned + 2);
      /* Translators: %s is e.g. "the SID of a phone number (PN…)" */
      sentence = g_strdup_printf (_("This is %s, not an Account SID (AC…). Your Account SID is on the home page of your Twilio Console."),
                                  _(other_what));
    }
  else if ((has_prefix_ci (cleaned, "SK") || other_prefix != NULL) &&
           length > 2 && is_hex (cleaned + 2))
    {
      kind = PORTING_SID_KIND_WRONG_LENGTH;
      sentence = g_strdup (_("This is not an Account SID: an Account SID is AC followed by 32 letters and digits."));
    }
  else if (has_prefix_ci (cleaned, "AC"))
    {
      kind = PORTING_SID_KIND_INVALID;
      sentence = g_strdup (_("An Account SID has only digits and the letters a to f after AC."));
    }
  else
    {
      kind = PORTING_SID_KIND_INVALID;
      sentence = g_strdup (_("This is not an Account SID: an Account SID is AC followed by 32 letters and digits."));
    }

  if (normalized != NULL)
    *normalized = g_steal_pointer (&sid);
  if (message != NULL)
    *message = g_steal_pointer (&sentence);

  return kind;
}

gboolean
porting_twilio_sid_is_account_sid (const char *text)
{
  return porting_twilio_sid_classify (text, NULL, NULL) == PORTING_SID_KIND_ACCOUNT_SID;
}

const char *
porting_sid_kind_to_string (PortingSidKind kind)
{
  switch (kind)
    {
    case PORTING_SID_KIND_EMPTY:        return "empty";
    case PORTING_SID_KIND_ACCOUNT_SID:  return "account-sid";
    case PORTING_SID_KIND_API_KEY_SID:  return "api-key-sid";
    case PORTING_SID_KIND_AUTH_TOKEN:   return "auth-token";
    case PORTING_SID_KIND_OTHER_SID:    return "other-sid";
    case PORTING_SID_KIND_WRONG_LENGTH: return "wrong-length";
    case PORTING_SID_KIND_INVALID:      return "invalid";
    default:                            return "invalid";
    }
}
