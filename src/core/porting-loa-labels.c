/* porting-loa-labels.c — the labels of an LOA's fields, English and French
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "porting-loa"

#include "config.h"

#include <string.h>

#include "porting-loa-private.h"

static const LabelPattern label_patterns[] = {
  { KIND_NAME, 0, "customer name" },
  { KIND_NAME, 0, "business name" },
  { KIND_NAME, 0, "account name" },
  { KIND_NAME, 0, "account holder name" },
  { KIND_NAME, 0, "account holder" },
  { KIND_NAME, 0, "billing name" },
  { KIND_NAME, 0, "company name" },
  { KIND_NAME, 0, "(?:customer|business|company) ?/ ?(?:customer|business|company) name" },
  { KIND_NAME, 0, "(?:customer|business|company) or (?:customer|business|company) name" },
  { KIND_NAME, 0, "(?:customer|business) legal name" },
  { KIND_NAME, 0, "legal (?:business )?name" },
  { KIND_NAME, 0, "subscriber name" },
  { KIND_NAME, 0, "end user name" },
  { KIND_NAME, 0, "name on (?:the )?account" },
  { KIND_NAME, 1, "name" },
  { KIND_NAME, 1, "customer" },
  { KIND_NAME, 1, "company" },
  { KIND_NAME, 0, "nom du client" },
  { KIND_NAME, 0, "nom de (?:l'|l’|la )?(?:entreprise|soci[ée]t[ée]|compagnie)" },
  { KIND_NAME, 0, "nom (?:l[ée]gal|commercial|complet)" },
  { KIND_NAME, 0, "nom du titulaire(?: du compte)?" },
  { KIND_NAME, 0, "titulaire du compte" },
  { KIND_NAME, 0, "raison sociale" },
  { KIND_NAME, 1, "nom" },
  { KIND_NAME, 1, "client" },

  { KIND_AUTHORIZED, 0, "authorized person" },
  { KIND_AUTHORIZED, 0, "authorized signer(?: name)?" },
  { KIND_AUTHORIZED, 0, "authorized (?:representative|agent|contact|by)" },
  { KIND_AUTHORIZED, 0, "name of (?:the )?(?:authorized )?(?:signer|person|representative|agent)" },
  { KIND_AUTHORIZED, 0, "name of (?:the )?person authorized" },
  { KIND_AUTHORIZED, 0, "signer(?:'s)? name" },
  { KIND_AUTHORIZED, 0, "authorized (?:signer(?:'s)? |person's )?name" },
  { KIND_AUTHORIZED, 0, "print(?:ed)? name" },
  { KIND_AUTHORIZED, 0, "contact (?:name|person)" },
  { KIND_AUTHORIZED, 0, "title" },
  { KIND_AUTHORIZED, 0, "personne autoris[ée]e" },
  { KIND_AUTHORIZED, 0, "(?:nom du )?signataire(?: autoris[ée])?" },
  { KIND_AUTHORIZED, 0, "repr[ée]sentant(?:e)? autoris[ée](?:e)?" },
  { KIND_AUTHORIZED, 0, "nom en lettres moul[ée]es" },
  { KIND_AUTHORIZED, 0, "titre" },

  { KIND_ADDRESS, 0, "service address" },
  { KIND_ADDRESS, 0, "service street address" },
  { KIND_ADDRESS, 0, "service location" },
  { KIND_ADDRESS, 0, "(?:location|address) of service" },
  { KIND_ADDRESS, 0, "installation address" },
  { KIND_ADDRESS, 1, "street address" },
  { KIND_ADDRESS, 1, "street" },
  { KIND_ADDRESS, 2, "address" },
  { KIND_ADDRESS, 3, "(?:billing|mailing) address" },
  { KIND_ADDRESS, 0, "service address line 1" },
  { KIND_ADDRESS, 1, "(?:street )?address line 1" },
  { KIND_ADDRESS2, 0, "(?:service |street )?address (?:line )?2" },
  { KIND_UNIT, 0, "(?:suite|unit|apt\\.?|apartment|floor|ste\\.?)(?: ?/ ?(?:suite|unit|apt\\.?|apartment|floor|ste\\.?))*(?: (?:no\\.?|number|#))?" },
  { KIND_ADDRESS, 0, "adresse (?:de|du) service" },
  { KIND_ADDRESS, 0, "adresse d'installation" },
  { KIND_ADDRESS, 0, "adresse civique" },
  { KIND_ADDRESS, 0, "lieu du service" },
  { KIND_ADDRESS, 2, "adresse" },
  { KIND_ADDRESS, 3, "adresse (?:de facturation|postale)" },
  { KIND_UNIT, 0, "(?:bureau|local|app\\.?|appartement|unit[ée])(?: (?:no\\.?|n°|#))?" },

  { KIND_CITY_LINE, 0, "city(?: ?(?:,|/|&|and)? ?(?:state|province|prov|zip|postal|code)\\b\\.?)+" },
  { KIND_CITY, 0, "city" },
  { KIND_CITY, 0, "town" },
  { KIND_CITY, 0, "city ?/ ?town" },
  { KIND_STATE, 0, "state(?: ?/ ?province)?" },
  { KIND_STATE, 0, "province(?: ?/ ?state)?" },
  { KIND_STATE, 0, "prov\\." },
  { KIND_ZIP, 0, "zip(?: code)?(?: ?/ ?postal code)?" },
  { KIND_ZIP, 0, "postal code(?: ?/ ?zip(?: code)?)?" },
  { KIND_CITY_LINE, 0, "ville(?: ?(?:,|/|et)? ?(?:province|code postal)\\b\\.?)+" },
  { KIND_CITY, 0, "ville" },
  { KIND_CITY, 0, "municipalit[ée]" },
  { KIND_STATE, 0, "province(?: ?/ ?[ée]tat)?" },
  { KIND_STATE, 0, "[ée]tat" },
  { KIND_ZIP, 0, "code postal" },

  { KIND_CARRIER, 0, "(?:current|losing|existing|old) (?:local )?(?:service )?(?:carrier|provider|phone company|telephone company)(?: name)?" },
  { KIND_CARRIER, 1, "carrier(?: name)?" },
  { KIND_CARRIER, 1, "service provider" },
  { KIND_CARRIER, 0, "fournisseur (?:de services? )?(?:actuel|c[ée]dant)" },
  { KIND_CARRIER, 0, "(?:ancien|actuel) fournisseur(?: de services?)?" },
  { KIND_CARRIER, 0, "entreprise de t[ée]l[ée]communications actuelle" },
  { KIND_CARRIER, 1, "fournisseur" },

  { KIND_ACCOUNT, 0, "(?:billing |main |customer )?account (?:number|no\\.?|num\\.?|#)" },
  { KIND_ACCOUNT, 0, "acct\\.? ?(?:number|no\\.?|num\\.?|#)" },
  { KIND_ACCOUNT, 0, "account (?:number|no\\.?|#) (?:with|at|for) (?:the |your )?(?:losing |current |old |existing )?(?:carrier|provider|service provider)" },
  { KIND_ACCOUNT, 1, "account" },
  { KIND_ACCOUNT, 0, "(?:num[ée]ro|n[°o]\\.?|no\\.?) (?:de|du) compte(?: (?:client|chez le fournisseur actuel|aupr[èe]s du fournisseur actuel))?" },
  { KIND_ACCOUNT, 1, "compte" },

  { KIND_BTN, 0, "billing (?:telephone|phone) number" },
  { KIND_BTN, 0, "billing (?:telephone|number)" },
  { KIND_BTN, 0, "btn" },
  { KIND_BTN, 0, "main (?:telephone |phone |billing )?number" },
  { KIND_BTN, 0, "(?:num[ée]ro de )?t[ée]l[ée]phone (?:de|pour la) facturation" },
  { KIND_BTN, 0, "num[ée]ro (?:de|pour la) facturation" },
  { KIND_BTN, 0, "num[ée]ro (?:de t[ée]l[ée]phone )?principal" },

  { KIND_DATE, 0, "date(?: signed)?" },
  { KIND_DATE, 0, "(?:signature|signed|today's) date" },
  { KIND_DATE, 0, "date of signature" },
  { KIND_DATE, 0, "date de (?:la )?signature" },

  { KIND_SIGNATURE, 0, "signature" },
  { KIND_SIGNATURE, 0, "(?:authorized|customer|authorizing|account holder) signature" },
  { KIND_SIGNATURE, 0, "signature of (?:the )?(?:authorized )?(?:signer|person|representative|agent|account holder|customer)" },
  { KIND_SIGNATURE, 0, "sign here" },
  { KIND_SIGNATURE, 0, "signature (?:du (?:client|titulaire|signataire)|autoris[ée]e|de la personne autoris[ée]e)" },
  { KIND_SIGNATURE, 0, "signez ici" },

  { KIND_NUMBERS, 0, "(?:telephone |phone )?numbers?(?: to be ported| to port| being ported)" },
  { KIND_NUMBERS, 0, "(?:working )?telephone numbers?" },
  { KIND_NUMBERS, 0, "ported numbers" },
  { KIND_NUMBERS, 0, "wtn" },
  { KIND_NUMBERS, 0, "num[ée]ros? (?:de t[ée]l[ée]phone )?(?:[àa] (?:transf[ée]rer|porter)|transf[ée]r[ée]s|vis[ée]s)" },

  { KIND_OTHER, 0, "e-?mail(?: address)?" },
  { KIND_OTHER, 0, "(?:contact )?(?:phone|fax)(?: number)?" },
  { KIND_OTHER, 0, "(?:account )?(?:pin|passcode|password)(?: ?/ ?(?:pin|passcode))?" },
  { KIND_OTHER, 0, "(?:federal )?tax id" },
  { KIND_OTHER, 0, "(?:new|gaining) (?:carrier|provider)" },
  { KIND_OTHER, 0, "(?:requested |desired )?port date" },
  { KIND_OTHER, 0, "due date" },
  { KIND_OTHER, 0, "courriel" },
  { KIND_OTHER, 0, "(?:num[ée]ro de )?t[ée]l[ée]phone(?: (?:de contact|cellulaire))?" },
  { KIND_OTHER, 0, "nouveau fournisseur" },
  { KIND_OTHER, 0, "date (?:de transfert|souhait[ée]e)" },
  { KIND_OTHER, 0, "nip|mot de passe" },
};

/* Every label in one pattern: most word starts are no label, and one match
 * tells so instead of one per label. */
static GRegex *any_label_regex;

static CompiledLabel *
get_labels (void)
{
  static gsize initialized = 0;
  static CompiledLabel labels[G_N_ELEMENTS (label_patterns)];

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GString) any = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (label_patterns); i++)
        {
          g_autoptr(GString) pattern = g_string_new ("(?:");
          g_autoptr(GError) error = NULL;

          labels[i].n_words = 1;
          for (const char *p = label_patterns[i].pattern; *p; p++)
            {
              if (*p == ' ' && p[1] == '?')
                {
                  g_string_append (pattern, "[^\\S\\t\\n]*");
                  p++;
                }
              else if (*p == ' ')
                {
                  g_string_append (pattern, "[^\\S\\t\\n]+");
                  labels[i].n_words++;
                }
              else
                g_string_append_c (pattern, *p);
            }
          /* A label ends where a word ends: "Name" must not match "Names".
           * (A space followed by '?' is optional white space.) */
          g_string_append (pattern, ")(?![\\p{L}\\p{N}])");

          labels[i].regex = g_regex_new (pattern->str, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &error);
          if (labels[i].regex == NULL)
            g_error ("Bad LOA label pattern %s: %s", label_patterns[i].pattern, error->message);

          g_string_append_printf (any, "%s(?:%s)", i > 0 ? "|" : "", pattern->str);
        }

      any_label_regex = g_regex_new (any->str, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (any_label_regex != NULL);
      g_once_init_leave (&initialized, 1);
    }

  return labels;
}

/* Matches the longest known label at @pos; returns its index or -1. */
int
_porting_loa_match_label (const char *text,
                          guint       pos,
                          guint       end,
                          guint      *label_end)
{
  CompiledLabel *labels = get_labels ();
  int best = -1;
  int best_end = -1;

  if (!g_ascii_isalpha (text[pos]))
    return -1;

  if (!g_regex_match_full (any_label_regex, text, end, pos, G_REGEX_MATCH_ANCHORED, NULL, NULL))
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (label_patterns); i++)
    {
      g_autoptr(GMatchInfo) match_info = NULL;
      int match_end;

      if (!g_regex_match_full (labels[i].regex, text, end, pos, G_REGEX_MATCH_ANCHORED, &match_info, NULL))
        continue;

      g_match_info_fetch_pos (match_info, 0, NULL, &match_end);
      if (match_end > best_end ||
          (match_end == best_end && label_patterns[i].priority < label_patterns[best].priority))
        {
          best = i;
          best_end = match_end;
        }
    }

  if (best >= 0)
    *label_end = best_end;

  return best;
}

LabelKind
_porting_loa_label_kind (int label)
{
  return label_patterns[label].kind;
}

int
_porting_loa_label_priority (int label)
{
  return label_patterns[label].priority;
}

int
_porting_loa_label_n_words (int label)
{
  return get_labels ()[label].n_words;
}
