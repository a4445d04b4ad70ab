/* test-normalize.c — folding, tokens, tables and address parsing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "porting-address.h"

static void
test_fold (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "Montréal", "MONTREAL" },
    { "Québec", "QUEBEC" },
    { "Côté & Fils", "COTE & FILS" },
    { "Île-du-Prince-Édouard", "ILE-DU-PRINCE-EDOUARD" },
    { "Mont\xcc\x81real", "MONTREAL" },        /* decomposed accent */
    { "ﬁeld", "FIELD" },                        /* ligature, NFKD */
    { "déjà vu", "DEJA VU" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = porting_normalize_fold (cases[i].in, -1);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static char *
tokens_to_string (const char *text)
{
  g_autoptr(GArray) tokens = porting_normalize_tokenize (text, -1, 0);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      PortingToken *token = &g_array_index (tokens, PortingToken, i);

      if (i > 0)
        g_string_append_c (out, (token->flags & PORTING_TOKEN_SEGMENT_BREAK) ? ',' : ' ');
      if (token->flags & PORTING_TOKEN_GLUED)
        g_string_append_c (out, '+');
      g_string_append (out, token->folded);
      if (token->flags & PORTING_TOKEN_PUNCT_END)
        g_string_append_c (out, ':');
    }

  return g_string_free (out, FALSE);
}

static void
test_tokenize (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "Acme Widgets, L.L.C.", "ACME WIDGETS,LLC" },
    { "Côté & Fils Inc.", "COTE AND FILS INC" },
    { "Côté&Fils", "COTE AND FILS" },
    { "1200 Harbor Blvd #400", "1200 HARBOR BLVD # 400" },
    { "Oakland, CA 94607-3311", "OAKLAND,CA 94607-3311" },
    { "455 rue Saint-Paul Ouest\nMontréal", "455 RUE SAINT PAUL OUEST,MONTREAL" },
    { "ACME WIDGETS LLCInvoice date: Oct 28", "ACME WIDGETS LLC +INVOICE DATE: OCT 28" },
    { "STE 400Amount due", "STE 400 +AMOUNT DUE" },
    { "McDonald Plumbing", "MC DONALD PLUMBING" },
    { "BILLING NAME ... BOULANGERIE", "BILLING NAME: BOULANGERIE" },
    { "ACCOUNT ........ ML-300-441-982", "ACCOUNT: ML 300-441-982" },
    { "O'Brien's  Café", "OBRIENS CAFE" },
    { "12th Floor", "12TH FLOOR" },
    { "H2Y 2A7", "H2Y 2A7" },
    { "(510) 555-0142", "510 555-0142" },
    { "— . ' ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tokens = tokens_to_string (cases[i].in);

      g_assert_cmpstr (tokens, ==, cases[i].out);
    }
}

static void
test_token_offsets (void)
{
  const char *text = "Bill To: Acme Widgets, L.L.C.\nOakland";
  g_autoptr(GArray) tokens = porting_normalize_tokenize (text, -1, 100);
  PortingToken *llc;
  PortingToken *oakland;

  g_assert_cmpuint (tokens->len, ==, 6);
  llc = &g_array_index (tokens, PortingToken, 4);
  g_assert_cmpstr (llc->folded, ==, "LLC");
  g_assert_cmpuint (llc->start, ==, 100 + 23);
  g_assert_cmpuint (llc->end, ==, 100 + 29);
  oakland = &g_array_index (tokens, PortingToken, 5);
  g_assert_true (oakland->flags & PORTING_TOKEN_LINE_BREAK);
  g_assert_cmpuint (oakland->start, ==, 100 + 30);
}

static void
test_street_suffixes (void)
{
  const char *pairs[][2] = {
    { "STREET", "ST" }, { "ST", "ST" }, { "STR", "ST" }, { "AVENUE", "AVE" }, { "AV", "AVE" },
    { "AVE", "AVE" }, { "BOULEVARD", "BLVD" }, { "BLVD", "BLVD" }, { "ROAD", "RD" },
    { "DRIVE", "DR" }, { "LANE", "LN" }, { "COURT", "CT" }, { "PLACE", "PL" },
    { "PARKWAY", "PKWY" }, { "PKY", "PKWY" }, { "HIGHWAY", "HWY" }, { "CIRCLE", "CIR" },
    { "TERRACE", "TER" }, { "SQUARE", "SQ" }, { "TRAIL", "TRL" }, { "WAY", "WAY" },
    { "ALLEY", "ALY" }, { "CENTER", "CTR" }, { "CENTRE", "CTR" }, { "CRESCENT", "CRES" },
    { "EXPRESSWAY", "EXPY" }, { "FREEWAY", "FWY" }, { "HEIGHTS", "HTS" }, { "PLAZA", "PLZ" },
    { "POINT", "PT" }, { "RIDGE", "RDG" }, { "TURNPIKE", "TPKE" }, { "CROSSING", "XING" },
    { "CHEMIN", "CH" }, { "RUE", "RUE" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    g_assert_cmpstr (porting_normalize_street_suffix (pairs[i][0]), ==, pairs[i][1]);

  g_assert_null (porting_normalize_street_suffix ("OAKLAND"));
  g_assert_null (porting_normalize_street_suffix ("EST"));   /* French East, not Estate */
}

static void
test_directionals (void)
{
  const char *pairs[][2] = {
    { "NORTH", "N" }, { "N", "N" }, { "SOUTH", "S" }, { "EAST", "E" }, { "WEST", "W" },
    { "NORTHEAST", "NE" }, { "NE", "NE" }, { "NORTHWEST", "NW" }, { "SOUTHEAST", "SE" },
    { "SOUTHWEST", "SW" }, { "NORD", "N" }, { "SUD", "S" }, { "EST", "E" }, { "OUEST", "W" },
    { "O", "W" }, { "E", "E" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    g_assert_cmpstr (porting_normalize_directional (pairs[i][0]), ==, pairs[i][1]);
  g_assert_null (porting_normalize_directional ("MAIN"));
}

static void
test_units (void)
{
  const char *pairs[][2] = {
    { "SUITE", "STE" }, { "STE", "STE" }, { "FLOOR", "FL" }, { "FL", "FL" }, { "FLR", "FL" },
    { "APARTMENT", "APT" }, { "APT", "APT" }, { "UNIT", "UNIT" }, { "ROOM", "RM" },
    { "RM", "RM" }, { "BUILDING", "BLDG" }, { "BLDG", "BLDG" }, { "DEPARTMENT", "DEPT" },
    { "DEPT", "DEPT" }, { "#", "#" }, { "BUREAU", "BUR" }, { "APPARTEMENT", "APT" },
    { "OFFICE", "OFC" }, { "PENTHOUSE", "PH" }, { "SPACE", "SPC" }, { "TRAILER", "TRLR" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    g_assert_cmpstr (porting_normalize_unit_designator (pairs[i][0]), ==, pairs[i][1]);
  g_assert_null (porting_normalize_unit_designator ("HARBOR"));
}

static void
test_regions (void)
{
  const char *states[][2] = {
    { "ALABAMA", "AL" }, { "ALASKA", "AK" }, { "ARIZONA", "AZ" }, { "ARKANSAS", "AR" },
    { "CALIFORNIA", "CA" }, { "COLORADO", "CO" }, { "CONNECTICUT", "CT" }, { "DELAWARE", "DE" },
    { "FLORIDA", "FL" }, { "GEORGIA", "GA" }, { "HAWAII", "HI" }, { "IDAHO", "ID" },
    { "ILLINOIS", "IL" }, { "INDIANA", "IN" }, { "IOWA", "IA" }, { "KANSAS", "KS" },
    { "KENTUCKY", "KY" }, { "LOUISIANA", "LA" }, { "MAINE", "ME" }, { "MARYLAND", "MD" },
    { "MASSACHUSETTS", "MA" }, { "MICHIGAN", "MI" }, { "MINNESOTA", "MN" },
    { "MISSISSIPPI", "MS" }, { "MISSOURI", "MO" }, { "MONTANA", "MT" }, { "NEBRASKA", "NE" },
    { "NEVADA", "NV" }, { "NEW HAMPSHIRE", "NH" }, { "NEW JERSEY", "NJ" },
    { "NEW MEXICO", "NM" }, { "NEW YORK", "NY" }, { "NORTH CAROLINA", "NC" },
    { "NORTH DAKOTA", "ND" }, { "OHIO", "OH" }, { "OKLAHOMA", "OK" }, { "OREGON", "OR" },
    { "PENNSYLVANIA", "PA" }, { "RHODE ISLAND", "RI" }, { "SOUTH CAROLINA", "SC" },
    { "SOUTH DAKOTA", "SD" }, { "TENNESSEE", "TN" }, { "TEXAS", "TX" }, { "UTAH", "UT" },
    { "VERMONT", "VT" }, { "VIRGINIA", "VA" }, { "WASHINGTON", "WA" },
    { "WEST VIRGINIA", "WV" }, { "WISCONSIN", "WI" }, { "WYOMING", "WY" },
    { "DISTRICT OF COLUMBIA", "DC" }, { "PUERTO RICO", "PR" }, { "GUAM", "GU" },
    { "VIRGIN ISLANDS", "VI" }, { "AMERICAN SAMOA", "AS" }, { "NORTHERN MARIANA ISLANDS", "MP" },
    /* Canada, English and French */
    { "ALBERTA", "AB" }, { "BRITISH COLUMBIA", "BC" }, { "COLOMBIE BRITANNIQUE", "BC" },
    { "MANITOBA", "MB" }, { "NEW BRUNSWICK", "NB" }, { "NOUVEAU BRUNSWICK", "NB" },
    { "NEWFOUNDLAND AND LABRADOR", "NL" }, { "TERRE NEUVE ET LABRADOR", "NL" },
    { "NOVA SCOTIA", "NS" }, { "NOUVELLE ECOSSE", "NS" }, { "NORTHWEST TERRITORIES", "NT" },
    { "TERRITOIRES DU NORD OUEST", "NT" }, { "NUNAVUT", "NU" }, { "ONTARIO", "ON" },
    { "PRINCE EDWARD ISLAND", "PE" }, { "ILE DU PRINCE EDOUARD", "PE" }, { "QUEBEC", "QC" },
    { "SASKATCHEWAN", "SK" }, { "YUKON", "YT" },
    /* Codes are themselves */
    { "CA", "CA" }, { "QC", "QC" }, { "NE", "NE" }, { "ON", "ON" }, { "PQ", "QC" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    g_assert_cmpstr (porting_normalize_region (states[i][0]), ==, states[i][1]);

  g_assert_null (porting_normalize_region ("OAKLAND"));
  g_assert_true (porting_normalize_region_is_canadian ("QC"));
  g_assert_false (porting_normalize_region_is_canadian ("CA"));
}

static void
test_company_and_name_words (void)
{
  const char *pairs[][2] = {
    { "INCORPORATED", "INC" }, { "INC", "INC" }, { "LIMITED", "LTD" }, { "LTD", "LTD" },
    { "CORPORATION", "CORP" }, { "CORP", "CORP" }, { "COMPANY", "CO" }, { "CO", "CO" },
    { "LLC", "LLC" }, { "LP", "LP" }, { "LLP", "LLP" }, { "LIMITEE", "LTEE" },
    { "COMPAGNIE", "CIE" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_assert_cmpstr (porting_normalize_company_suffix (pairs[i][0]), ==, pairs[i][1]);
      g_assert_cmpstr (porting_normalize_name_word (pairs[i][0]), ==, pairs[i][1]);
    }

  g_assert_cmpstr (porting_normalize_name_word ("SAINT"), ==, "ST");
  g_assert_cmpstr (porting_normalize_name_word ("ET"), ==, "AND");
  g_assert_cmpstr (porting_normalize_name_word ("WIDGETS"), ==, "WIDGETS");
  g_assert_null (porting_normalize_company_suffix ("WIDGETS"));
}

static void
test_near_words (void)
{
  g_assert_true (porting_normalize_near_words ("WIDGETS", "WIDGET"));
  g_assert_true (porting_normalize_near_words ("HARBOR", "HARBOUR"));
  g_assert_true (porting_normalize_near_words ("BOULANGERIE", "BOULANGRIE"));
  g_assert_false (porting_normalize_near_words ("WIDGETS", "WIDGETS"));
  g_assert_false (porting_normalize_near_words ("1200", "1220"));
  g_assert_false (porting_normalize_near_words ("CO", "CA"));
  g_assert_false (porting_normalize_near_words ("ACME", "APEX"));
}

static void
test_codes (void)
{
  g_autofree char *compact = porting_normalize_compact ("8841-22017-5", -1);
  g_autofree char *compact2 = porting_normalize_compact ("ml 300.441/982", -1);
  g_autofree char *phone = porting_normalize_phone_digits ("+1 (510) 555-0142", -1);
  g_autofree char *phone2 = porting_normalize_phone_digits ("510.555.0142", -1);
  g_autofree char *short_phone = porting_normalize_phone_digits ("555-0142", -1);

  g_assert_cmpstr (compact, ==, "8841220175");
  g_assert_cmpstr (compact2, ==, "ML300441982");
  g_assert_cmpstr (phone, ==, "5105550142");
  g_assert_cmpstr (phone2, ==, "5105550142");
  g_assert_null (short_phone);
}

static void
test_same_characters (void)
{
  g_assert_true (porting_normalize_same_characters ("1200 Harbor Boulevard, Suite 400\nOakland, CA 94607", -1,
                                                    "1200 Harbor Boulevard, Suite 400, Oakland, CA 94607", -1));
  g_assert_true (porting_normalize_same_characters ("Acme  Widgets LLC", -1, "Acme Widgets LLC", -1));
  g_assert_true (porting_normalize_same_characters ("Montre\xcc\x81" "al", -1, "Montréal", -1));
  g_assert_false (porting_normalize_same_characters ("Acme Widgets LLC.", -1, "Acme Widgets LLC", -1));
  g_assert_false (porting_normalize_same_characters ("1200 Harbor Blvd", -1, "1200 Harbor Boulevard", -1));
  /* Case is for "equivalent" (the shared fixtures want ACME WIDGETS LLC equivalent). */
  g_assert_false (porting_normalize_same_characters ("ACME WIDGETS LLC", -1, "Acme Widgets LLC", -1));
  g_assert_false (porting_normalize_same_characters ("MONTRÉAL", -1, "Montréal", -1));
  g_assert_false (porting_normalize_same_characters ("MONTREAL", -1, "Montréal", -1));
}

static void
assert_parse (const char *text,
              const char *expected)
{
  g_autoptr(PortingAddress) address = porting_address_parse (text);
  g_autofree char *parsed = porting_address_to_string (address);

  if (g_strcmp0 (parsed, expected) != 0)
    g_printerr ("parsing \"%s\"\n", text);
  g_assert_cmpstr (parsed, ==, expected);
}

static void
test_parse_us (void)
{
  assert_parse ("1200 Harbor Boulevard, Suite 400, Oakland, CA 94607",
                "1200|HARBOR BLVD||STE 400|OAKLAND|CA|94607");
  assert_parse ("1200 HARBOR BLVD STE 400\nOAKLAND CA 94607-3311",
                "1200|HARBOR BLVD||STE 400|OAKLAND|CA|94607");
  assert_parse ("1200 Harbor Blvd #400 Oakland CA 94607",
                "1200|HARBOR BLVD||# 400|OAKLAND|CA|94607");
  assert_parse ("123 N Main St Apt 4B, Springfield, IL 62704-1234",
                "123|MAIN ST|N|APT 4B|SPRINGFIELD|IL|62704");
  assert_parse ("123 North Main Street, Apartment 4B, Springfield, Illinois 62704",
                "123|MAIN ST|N|APT 4B|SPRINGFIELD|IL|62704");
  assert_parse ("350 Fifth Avenue, 21st Floor, New York, New York 10118",
                "350|5TH AVE||FL 21|NEW YORK|NY|10118");
  assert_parse ("77 Massachusetts Ave NW, Washington, District of Columbia 20001",
                "77|MASSACHUSETTS AVE|NW||WASHINGTON|DC|20001");
  assert_parse ("500 Park Ave South Springfield IL 62704",
                "500|PARK AVE|S||SPRINGFIELD|IL|62704");
  assert_parse ("45 Mill Creek Rd, Lake Placid, NY 129461234",
                "45|MILL CREEK RD|||LAKE PLACID|NY|12946");
  assert_parse ("1 Infinite Loop\nCupertino, California 95014",
                "1|INFINITE LOOP|||CUPERTINO|CA|95014");
  /* The city at the end of the street's segment, no comma between them. */
  assert_parse ("1200 Harbor Blvd Ste 400 Oakland, CA 94607",
                "1200|HARBOR BLVD||STE 400|OAKLAND|CA|94607");
  assert_parse ("1200 Harbor Blvd Oakland, CA 94607",
                "1200|HARBOR BLVD|||OAKLAND|CA|94607");
  assert_parse ("Unit 5, 123 Main St, Springfield, IL 62704",
                "123|MAIN ST||UNIT 5|SPRINGFIELD|IL|62704");
  assert_parse ("1200 Harbor Boulevard, Suite 400, Oakland, CA 94607, USA",
                "1200|HARBOR BLVD||STE 400|OAKLAND|CA|94607");
  assert_parse ("100 Main St, Kansas City, MO 64105",
                "100|MAIN ST|||KANSAS CITY|MO|64105");
  assert_parse ("5 Oak Ave, Charleston, West Virginia 25301",
                "5|OAK AVE|||CHARLESTON|WV|25301");
  /* A directional that names the street */
  assert_parse ("123 North Street, Springfield, IL 62704",
                "123|N ST|||SPRINGFIELD|IL|62704");
  assert_parse ("123 N St, Springfield, IL 62704",
                "123|N ST|||SPRINGFIELD|IL|62704");
  assert_parse ("40 West End Avenue, New York, NY 10023",
                "40|END AVE|W||NEW YORK|NY|10023");
}

static void
test_parse_ca (void)
{
  assert_parse ("455 rue Saint-Paul Ouest, Montréal, Québec H2Y 2A7",
                "455|RUE ST PAUL|W||MONTREAL|QC|H2Y2A7");
  assert_parse ("455 RUE SAINT-PAUL OUEST\nMONTREAL QC H2Y2A7",
                "455|RUE ST PAUL|W||MONTREAL|QC|H2Y2A7");
  assert_parse ("455, boul. René-Lévesque Est, bureau 200, Québec (Québec) G1R 5H9",
                "455|BLVD RENE LEVESQUE|E|BUR 200|QUEBEC|QC|G1R5H9");
  assert_parse ("400-1200 Harbour Street, Toronto, ON M5J 2N8",
                "1200|HARBOUR ST|| 400|TORONTO|ON|M5J2N8");
  assert_parse ("1200 Harbour St, Suite 400, Toronto, Ontario M5J2N8",
                "1200|HARBOUR ST||STE 400|TORONTO|ON|M5J2N8");
  assert_parse ("12 Main Street, Fredericton, Nouveau-Brunswick E3B 1A1",
                "12|MAIN ST|||FREDERICTON|NB|E3B1A1");
  assert_parse ("900 Georgia St W, Vancouver, Colombie-Britannique V6C 2W6",
                "900|GEORGIA ST|W||VANCOUVER|BC|V6C2W6");
  assert_parse ("1 Sainte-Catherine St. E., Saint-Laurent, QC H4N 1A1",
                "1|STE CATHERINE ST|E||ST LAURENT|QC|H4N1A1");
  assert_parse ("455 rue Saint-Paul Ouest Montréal, QC H2Y 2A7",
                "455|RUE ST PAUL|W||MONTREAL|QC|H2Y2A7");
  assert_parse ("1600 Barrington St, Halifax, Nouvelle-Écosse B3J 1Z6, Canada",
                "1600|BARRINGTON ST|||HALIFAX|NS|B3J1Z6");
}

static void
assert_compare (const char *loa_text,
                const char *proof_text,
                const char *expected_differences)
{
  g_autoptr(PortingAddress) loa = porting_address_parse (loa_text);
  g_autoptr(PortingAddress) proof = porting_address_parse (proof_text);
  g_autoptr(GPtrArray) differences = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  double score;

  score = porting_address_compare (loa, proof, differences);
  g_ptr_array_add (differences, NULL);
  joined = g_strjoinv ("; ", (char **) differences->pdata);
  g_assert_cmpstr (joined, ==, expected_differences);
  if (expected_differences[0] == '\0')
    g_assert_cmpfloat (score, ==, 1.0);
  else
    g_assert_cmpfloat (score, <, 1.0);
}

static void
test_compare (void)
{
  assert_compare ("1200 Harbor Boulevard, Suite 400, Oakland, CA 94607",
                  "1200 HARBOR BLVD STE 400\nOAKLAND CA 94607-3311", "");
  assert_compare ("1200 Harbor Boulevard, Suite 400, Oakland, CA 94607",
                  "1220 HARBOR BLVD STE 400\nOAKLAND CA 94607", "house number: 1200 ≠ 1220");
  assert_compare ("1200 Harbor Boulevard, Suite 400, Oakland, CA 94607",
                  "1200 HARBOR BLVD STE 410\nOAKLAND CA 94607", "unit: 400 ≠ 410");
  assert_compare ("1200 Harbor Boulevard, Suite 400, Oakland, CA 94607",
                  "1200 HARBOR BLVD APT 400\nOAKLAND CA 94607", "unit: STE 400 ≠ APT 400");
  assert_compare ("1200 Harbor Boulevard, Suite 400, Oakland, CA 94607",
                  "1200 HARBOR BLVD\nOAKLAND CA 94610", "unit: 400 ≠ —; ZIP code: 94607 ≠ 94610");
  assert_compare ("123 N Main St, Springfield, IL 62704",
                  "123 S Main St, Springfield, IL 62704", "direction: N ≠ S");
  assert_compare ("123 Main St, Springfield, IL 62704",
                  "123 Main Ave, Springfield, IL 62704", "street: MAIN ST ≠ MAIN AVE");
  assert_compare ("455 rue Saint-Paul Ouest, Montréal, Québec H2Y 2A7",
                  "455 RUE ST-PAUL O\nMONTREAL (QUEBEC) H2Y2A7", "");
  assert_compare ("455 rue Saint-Paul Ouest, Montréal, Québec H2Y 2A7",
                  "455 RUE SAINT-PAUL EST\nMONTREAL QC H2Y 2A7", "direction: W ≠ E");
  assert_compare ("455 rue Saint-Paul Ouest, Montréal, Québec H2Y 2A7",
                  "455 RUE SAINT-PAUL OUEST\nLAVAL QC H2Y 2A8", "city: MONTREAL ≠ LAVAL; postal code: H2Y 2A7 ≠ H2Y 2A8");
  assert_compare ("1200 Harbour Street, Suite 400, Toronto, Ontario M5J 2N8",
                  "400-1200 HARBOUR ST, TORONTO ON M5J2N8", "");
  /* Two units, each on a line of its own on the bill. */
  assert_compare ("2201 Fenwick Rd, Building B, Suite 140, Columbus, OH 43215",
                  "2201 FENWICK RD\nBLDG B\nSTE 140\nCOLUMBUS OH 43215-2208", "");
  assert_compare ("2201 Fenwick Rd, Building B, Suite 140, Columbus, OH 43215",
                  "2201 FENWICK RD\nBLDG C\nSTE 140\nCOLUMBUS OH 43215", "unit: B 140 ≠ C 140");
}

/* DESIGN §3.4: Québec and other French-Canadian addresses against the same
 * address written the English way. */
static void
test_compare_french (void)
{
  /* rue X Est = X St E; a comma after the civic number; local = unit; (Québec) = , QC */
  assert_compare ("80 Principale St E, Unit 5, Sherbrooke, QC",
                  "80, rue Principale Est, local 5, Sherbrooke (Québec)", "");
  assert_compare ("80, rue Principale Est, local 5, Sherbrooke (Québec)",
                  "80 Principale St E, Unit 5, Sherbrooke, QC", "");
  /* bureau = suite; Sainte = Ste; the postal code with or without its space */
  assert_compare ("2250 Sainte-Catherine St E, Suite 310, Montréal, QC H2L 2C3",
                  "2250, rue Sainte-Catherine Est, bureau 310\nMontréal (Québec) H2L2C3", "");
  assert_compare ("2250 Ste-Catherine Street East, Suite 310, Montreal, Quebec H2L 2C3",
                  "2250, rue Sainte-Catherine Est, bureau 310, Montréal (Québec) H2L 2C3", "");
  /* The type word before or after the name: avenue, boulevard, chemin, côte, place */
  assert_compare ("4300 avenue du Parc, Montréal, QC H2V 4E3", "4300 Parc Ave, Montreal, QC H2V 4E3", "");
  assert_compare ("1010 boul. René-Lévesque Ouest, app. 4, Québec (Québec) G1S 1T2",
                  "1010 RENE-LEVESQUE BLVD W APT 4\nQUEBEC QC G1S 1T2", "");
  assert_compare ("55 chemin de la Côte-Sainte-Catherine, Outremont, QC H2V 2A6",
                  "55 CH COTE STE CATHERINE, OUTREMONT QC H2V2A6", "");
  assert_compare ("12 place d'Youville, Montréal, QC H2Y 2B4", "12 D'Youville Pl, Montreal QC H2Y2B4", "");
  /* Saint = St in a city; Trois-Rivières (Québec) = Trois-Rivieres, QC */
  assert_compare ("900 rue Royale, Trois-Rivières (Québec) G9A 4H6",
                  "900 Royale St, Trois-Rivieres, QC G9A 4H6", "");
  assert_compare ("15 rue Notre-Dame, Saint-Jérôme (Québec) J7Z 1A1",
                  "15 NOTRE-DAME ST, ST-JEROME QC J7Z 1A1", "");
  /* Still different where a part differs. */
  assert_compare ("80 Principale St E, Unit 5, Sherbrooke, QC",
                  "80, rue Principale Ouest, local 5, Sherbrooke (Québec)", "direction: E ≠ W");
  assert_compare ("80 Principale St E, Unit 5, Sherbrooke, QC",
                  "80, rue Principale Est, local 6, Sherbrooke (Québec)", "unit: 5 ≠ 6");
  assert_compare ("80 Principale St E, Sherbrooke, QC",
                  "80, avenue Principale Est, Sherbrooke (Québec)", "street: PRINCIPALE ST ≠ PRINCIPALE AVE");
  assert_compare ("1200 Harbor Boulevard, Suite 400, Oakland, CA 94607",
                  "1200 HARBOR BLVD APT 400\nOAKLAND CA 94607", "unit: STE 400 ≠ APT 400");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/normalize/fold", test_fold);
  g_test_add_func ("/normalize/tokenize", test_tokenize);
  g_test_add_func ("/normalize/token-offsets", test_token_offsets);
  g_test_add_func ("/normalize/street-suffixes", test_street_suffixes);
  g_test_add_func ("/normalize/directionals", test_directionals);
  g_test_add_func ("/normalize/units", test_units);
  g_test_add_func ("/normalize/regions", test_regions);
  g_test_add_func ("/normalize/company-and-name-words", test_company_and_name_words);
  g_test_add_func ("/normalize/near-words", test_near_words);
  g_test_add_func ("/normalize/codes", test_codes);
  g_test_add_func ("/normalize/same-characters", test_same_characters);
  g_test_add_func ("/normalize/parse-us", test_parse_us);
  g_test_add_func ("/normalize/parse-ca", test_parse_ca);
  g_test_add_func ("/normalize/compare", test_compare);
  g_test_add_func ("/normalize/compare-french", test_compare_french);

  return g_test_run ();
}
