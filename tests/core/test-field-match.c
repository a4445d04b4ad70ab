/* test-field-match.c — names, addresses, account and billing numbers found on proof pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "porting-field-match.h"

#define ACME_NAME    "Acme Widgets LLC"
#define ACME_ADDRESS "1200 Harbor Boulevard, Suite 400, Oakland, CA 94607"
#define MAPLE_NAME    "Boulangerie Côté & Fils Inc."
#define MAPLE_ADDRESS "455 rue Saint-Paul Ouest, Montréal, Québec H2Y 2A7"

/* Page 1 of the shared acme invoices as poppler_page_get_text() gives it:
 * the right-hand column is glued to the left one. */
#define ACME_PAGE(name, street, city) \
  "NorthStar Telecom\n" \
  "Page 1 of 3\n" \
  "Remit payment to: PO Box 7700, Sacramento, CA 95899\n" \
  "ACCOUNT NAMEAccount number: 8841-22017-5\n" \
  name "Invoice date: Oct 28, 2026\n" \
  "Amount due: $412.77\n" \
  "SERVICE ADDRESS\n" \
  street "\n" \
  city "\n" \
  "Itemized charges\n" \
  "(510) 555-0142 Business line, unlimited local\n" \
  "(510) 555-0143 Business line, unlimited local\n" \
  "(510) 555-0157 Business line, unlimited local\n" \
  "Questions? Call customer care. Late payments are subject to fees.\n" \
  "29.99\n36.99\n32.99"

#define MAPLE_CSR \
  "CUSTOMER SERVICE RECORD\n" \
  "CARRIER ........ MAPLE LEAF COMMUNICATIONS\n" \
  "BTN ............ 514-555-0198\n" \
  "BILLING NAME ... BOULANGERIE COTE AND FILS INC\n" \
  "SERVICE ADDRESS 455 RUE SAINT-PAUL OUEST\n" \
  "MONTREAL QC H2Y2A7\n" \
  "ACCOUNT ........ ML-300-441-982\n" \
  "WORKING TELEPHONE NUMBERS\n" \
  "WTN 514-555-0198 ACTIVE\n" \
  "WTN 514-555-0199 ACTIVE"

static PortingFieldResult *
match_pages (PortingField        field,
             const char         *loa_text,
             const char * const *pages)
{
  PortingFieldResult *result = porting_field_result_new (field, loa_text);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_autoptr(PortingPageText) page = porting_page_text_new (i, g_strdup (pages[i]));
      gboolean settled = porting_field_match_page (result, page);

      g_assert_cmpint (settled, ==, result->status <= PORTING_FIELD_STATUS_EQUIVALENT);

      /* The range always points at the candidate in that page's text. */
      if (result->proof_page == (int) i && result->proof_text != NULL)
        {
          g_assert_cmpuint (result->proof_start, <, result->proof_end);
          g_assert_cmpuint (result->proof_end, <=, strlen (pages[i]));
        }
      if (settled)
        break;
    }

  return result;
}

static PortingFieldResult *
match (PortingField  field,
       const char   *loa_text,
       const char   *page_text)
{
  const char *pages[] = { page_text, NULL };

  return match_pages (field, loa_text, pages);
}

static char *
differences_string (const PortingFieldResult *result)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < result->differences->len; i++)
    {
      if (i > 0)
        g_string_append (out, "; ");
      g_string_append (out, g_ptr_array_index (result->differences, i));
    }

  return g_string_free (out, FALSE);
}

/* Checks the status, the proof text, the byte range (it covers exactly the
 * proof text's first and last characters) and the differences. */
static void
assert_match (PortingField  field,
              const char   *loa_text,
              const char   *page_text,
              const char   *status,
              const char   *proof_text,
              const char   *differences)
{
  g_autoptr(PortingFieldResult) result = match (field, loa_text, page_text);
  g_autofree char *found_differences = differences_string (result);

  if (g_strcmp0 (porting_field_status_to_string (result->status), status) != 0 ||
      g_strcmp0 (result->proof_text, proof_text) != 0)
    g_printerr ("looking for \"%s\" (%s) in:\n%s\n", loa_text, porting_field_to_string (field), page_text);

  g_assert_cmpstr (porting_field_status_to_string (result->status), ==, status);
  g_assert_cmpstr (result->proof_text, ==, proof_text);
  g_assert_cmpstr (found_differences, ==, differences);
  g_assert_cmpstr (result->loa_text, ==, loa_text);

  if (proof_text != NULL)
    {
      const char *last_line = strrchr (proof_text, '\n');
      gsize first_len = strcspn (proof_text, "\n");

      g_assert_cmpint (result->proof_page, ==, 0);
      /* The range starts on the first line of the candidate and ends on its last. */
      g_assert_true (strncmp (page_text + result->proof_start, proof_text, first_len) == 0);
      last_line = last_line != NULL ? last_line + 1 : proof_text;
      g_assert_cmpuint (result->proof_end, >=, strlen (last_line));
      g_assert_true (strncmp (page_text + result->proof_end - strlen (last_line), last_line,
                              strlen (last_line)) == 0);
    }
  else
    {
      g_assert_cmpint (result->proof_page, ==, -1);
    }
}

/* One looking up of @loa_text on @page, and what it must find. */
typedef struct
{
  PortingField  field;
  const char   *loa_text;
  const char   *page;
  const char   *status;
  const char   *proof_text;
  const char   *differences;
} Match;

/* @data: the matches of a case, up to one with no LOA text. */
static void
test_matches (gconstpointer data)
{
  for (const Match *m = data; m->loa_text != NULL; m++)
    assert_match (m->field, m->loa_text, m->page, m->status, m->proof_text, m->differences);
}

/* ---- The shared fixtures, as text ------------------------------------ */

static const char fixture_exact_page[] =
  ACME_PAGE ("Acme Widgets LLC", "1200 Harbor Boulevard, Suite 400", "Oakland, CA 94607");
static const Match fixture_exact[] = {
  { PORTING_FIELD_NAME, ACME_NAME, fixture_exact_page, "exact", "Acme Widgets LLC", "" },
  { PORTING_FIELD_ADDRESS, ACME_ADDRESS, fixture_exact_page,
    "exact", "1200 Harbor Boulevard, Suite 400\nOakland, CA 94607", "" },
  { PORTING_FIELD_ACCOUNT_NUMBER, "8841-22017-5", fixture_exact_page, "exact", "8841-22017-5", "" },
  { 0 }
};

static const char fixture_equivalent_page[] =
  ACME_PAGE ("ACME WIDGETS LLC", "1200 HARBOR BLVD STE 400", "OAKLAND CA 94607-3311");
static const Match fixture_equivalent[] = {
  /* Case alone is equivalent, as the shared fixtures want. */
  { PORTING_FIELD_NAME, ACME_NAME, fixture_equivalent_page, "equivalent", "ACME WIDGETS LLC", "" },
  { PORTING_FIELD_ADDRESS, ACME_ADDRESS, fixture_equivalent_page,
    "equivalent", "1200 HARBOR BLVD STE 400\nOAKLAND CA 94607-3311", "" },
  { PORTING_FIELD_ACCOUNT_NUMBER, "8841 22017 5", fixture_equivalent_page, "equivalent", "8841-22017-5", "" },
  { 0 }
};

static const char fixture_mismatch_page[] =
  ACME_PAGE ("ACME WIDGET CO", "1220 HARBOR BLVD STE 400", "OAKLAND CA 94607");
static const Match fixture_mismatch[] = {
  { PORTING_FIELD_NAME, ACME_NAME, fixture_mismatch_page,
    "mismatch", "ACME WIDGET CO", "name: WIDGETS ≠ WIDGET; name: LLC ≠ CO" },
  { PORTING_FIELD_ADDRESS, ACME_ADDRESS, fixture_mismatch_page,
    "mismatch", "1220 HARBOR BLVD STE 400\nOAKLAND CA 94607", "house number: 1200 ≠ 1220" },
  { 0 }
};

static const char fixture_unit_mismatch_page[] =
  ACME_PAGE ("ACME WIDGETS LLC", "1200 HARBOR BLVD STE 410", "OAKLAND CA 94607");
static const Match fixture_unit_mismatch[] = {
  { PORTING_FIELD_NAME, ACME_NAME, fixture_unit_mismatch_page, "equivalent", "ACME WIDGETS LLC", "" },
  { PORTING_FIELD_ADDRESS, ACME_ADDRESS, fixture_unit_mismatch_page,
    "mismatch", "1200 HARBOR BLVD STE 410\nOAKLAND CA 94607", "unit: 400 ≠ 410" },
  { 0 }
};

static const Match fixture_csr[] = {
  { PORTING_FIELD_NAME, MAPLE_NAME, MAPLE_CSR, "equivalent", "BOULANGERIE COTE AND FILS INC", "" },
  { PORTING_FIELD_ADDRESS, MAPLE_ADDRESS, MAPLE_CSR,
    "equivalent", "455 RUE SAINT-PAUL OUEST\nMONTREAL QC H2Y2A7", "" },
  { PORTING_FIELD_ACCOUNT_NUMBER, "ML-300-441-982", MAPLE_CSR, "exact", "ML-300-441-982", "" },
  { PORTING_FIELD_BTN, "(514) 555-0198", MAPLE_CSR, "equivalent", "514-555-0198", "" },
  /* The carrier's own name is never the customer's. */
  { PORTING_FIELD_NAME, "Maple Leaf Communications", MAPLE_CSR, "not-found", NULL, "" },
  { 0 }
};

/* ---- Other layouts and carriers ---------------------------------------- */

static const char bill_to_block_page[] =
  "PACIFIC BELLWETHER COMMUNICATIONS\n"
  "INVOICE\n"
  "Bill To:\n"
  "Acme Widgets, L.L.C.\n"
  "Attn: Dana Whitfield\n"
  "1200 Harbor Blvd., Ste. 400\n"
  "Oakland, California 94607-1234\n"
  "Invoice #: 55012 Date: 11/01/2026\n";
static const Match bill_to_block[] = {
  { PORTING_FIELD_NAME, ACME_NAME, bill_to_block_page, "equivalent", "Acme Widgets, L.L.C.", "" },
  { PORTING_FIELD_ADDRESS, ACME_ADDRESS, bill_to_block_page,
    "equivalent", "1200 Harbor Blvd., Ste. 400\nOakland, California 94607-1234", "" },
  { 0 }
};

static const char one_liners_page[] =
  "Statement of account\n"
  "Customer: Springfield Dental Associates, P.C.\n"
  "Service address: 123 N Main St Apt 4B, Springfield, IL 62704-1234\n"
  "Acct #: 44-1029-33 BTN: 217.555.0100\n";
static const Match one_liners[] = {
  { PORTING_FIELD_NAME, "Springfield Dental Associates PC", one_liners_page,
    "equivalent", "Springfield Dental Associates, P.C.", "" },
  { PORTING_FIELD_ADDRESS, "123 North Main Street, Apartment 4B, Springfield, Illinois 62704", one_liners_page,
    "equivalent", "123 N Main St Apt 4B, Springfield, IL 62704-1234", "" },
  { PORTING_FIELD_ACCOUNT_NUMBER, "44102933", one_liners_page, "equivalent", "44-1029-33", "" },
  { PORTING_FIELD_BTN, "+1 217-555-0100", one_liners_page, "equivalent", "217.555.0100", "" },
  { 0 }
};

static const char two_columns_interleaved_page[] =
  "CASCADE FIBER\n"
  "Invoice #: 12345 Acme Widgets LLC\n"
  "Date: 11/01/2026 1200 Harbor Blvd Ste 400\n"
  "Due: 12/01/2026 Oakland CA 94607\n"
  "Total: $88.10\n";
static const Match two_columns_interleaved[] = {
  /* The customer block sits in the right-hand column. */
  { PORTING_FIELD_NAME, ACME_NAME, two_columns_interleaved_page, "exact", "Acme Widgets LLC", "" },
  { PORTING_FIELD_ADDRESS, ACME_ADDRESS, two_columns_interleaved_page,
    "equivalent", "1200 Harbor Blvd Ste 400\nOakland CA 94607", "" },
  { 0 }
};

static const char two_columns_glued_page[] =
  "BILL TO SERVICE LOCATION\n"
  "ACME WIDGETS LLCACME WIDGETS LLC\n"
  "PO BOX 12 1200 HARBOR BLVD STE 400Account: 77120\n"
  "OAKLAND CA 94607OAKLAND CA 94607\n";
static const Match two_columns_glued[] = {
  { PORTING_FIELD_ADDRESS, ACME_ADDRESS, two_columns_glued_page,
    "equivalent", "1200 HARBOR BLVD STE 400\nOAKLAND CA 94607", "" },
  { 0 }
};

static const char csr_dotted_leaders_page[] =
  "CUSTOMER SERVICE RECORD - LONE STAR TELEPHONE\n"
  "ACCOUNT NUMBER ..... 512 555 0111 009\n"
  "BILLING NAME ....... RIVERSIDE AUTO REPAIR INCORPORATED\n"
  "SERVICE ADDRESS .... 2201 E RIVERSIDE DR\n"
  "AUSTIN TX 78741\n"
  "BILLING TELEPHONE NUMBER ... 512-555-0111\n";
static const Match csr_dotted_leaders[] = {
  { PORTING_FIELD_NAME, "Riverside Auto Repair, Inc.", csr_dotted_leaders_page,
    "equivalent", "RIVERSIDE AUTO REPAIR INCORPORATED", "" },
  { PORTING_FIELD_ADDRESS, "2201 East Riverside Drive, Austin, Texas 78741", csr_dotted_leaders_page,
    "equivalent", "2201 E RIVERSIDE DR\nAUSTIN TX 78741", "" },
  { PORTING_FIELD_ADDRESS, "2201 West Riverside Drive, Austin, Texas 78741", csr_dotted_leaders_page,
    "mismatch", "2201 E RIVERSIDE DR\nAUSTIN TX 78741", "direction: W ≠ E" },
  /* Only white space differs: exact. */
  { PORTING_FIELD_ACCOUNT_NUMBER, "5125550111009", csr_dotted_leaders_page, "exact", "512 555 0111 009", "" },
  { PORTING_FIELD_ACCOUNT_NUMBER, "512-555-0111-009", csr_dotted_leaders_page,
    "equivalent", "512 555 0111 009", "" },
  { PORTING_FIELD_ACCOUNT_NUMBER, "5125550111008", csr_dotted_leaders_page,
    "mismatch", "512 555 0111 009", "account number: 5125550111008 ≠ 512 555 0111 009" },
  { PORTING_FIELD_BTN, "(512) 555-0111", csr_dotted_leaders_page, "equivalent", "512-555-0111", "" },
  { PORTING_FIELD_BTN, "(512) 555-0112", csr_dotted_leaders_page,
    "mismatch", "512-555-0111", "billing telephone number: (512) 555-0112 ≠ 512-555-0111" },
  { 0 }
};

static const char french_canadian_page[] =
  "Vidéotron Affaires\n"
  "Nom du client : Boulangerie Côté et Fils inc.\n"
  "Adresse de service :\n"
  "455, rue Saint-Paul O., bureau 3\n"
  "Montréal (Québec) H2Y 2A7\n";
static const Match french_canadian[] = {
  { PORTING_FIELD_NAME, MAPLE_NAME, french_canadian_page, "equivalent", "Boulangerie Côté et Fils inc.", "" },
  { PORTING_FIELD_ADDRESS, "455 rue Saint-Paul Ouest, bureau 3, Montréal, Québec H2Y 2A7", french_canadian_page,
    "equivalent", "455, rue Saint-Paul O., bureau 3\nMontréal (Québec) H2Y 2A7", "" },
  { PORTING_FIELD_ADDRESS, MAPLE_ADDRESS, french_canadian_page,
    "mismatch", "455, rue Saint-Paul O., bureau 3\nMontréal (Québec) H2Y 2A7", "unit: — ≠ 3" },
  { 0 }
};

static const char canadian_unit_first_page[] =
  "NORTHERN LIGHTS TELECOM\n"
  "Account holder: Harbourfront Dental Ltd.\n"
  "400-1200 Harbour St\n"
  "Toronto ON M5J2N8\n";
static const Match canadian_unit_first[] = {
  { PORTING_FIELD_NAME, "Harbourfront Dental Limited", canadian_unit_first_page,
    "equivalent", "Harbourfront Dental Ltd.", "" },
  { PORTING_FIELD_ADDRESS, "1200 Harbour Street, Suite 400, Toronto, Ontario M5J 2N8", canadian_unit_first_page,
    "equivalent", "400-1200 Harbour St\nToronto ON M5J2N8", "" },
  { 0 }
};

static const char saint_street_page[] =
  "Service address\n"
  "12 SAINT CATHERINE ST W\n"
  "MONTREAL QC H3B 1A1\n";
static const Match saint_street[] = {
  { PORTING_FIELD_ADDRESS, "12 St. Catherine Street West, Montreal, QC H3B1A1", saint_street_page,
    "equivalent", "12 SAINT CATHERINE ST W\nMONTREAL QC H3B 1A1", "" },
  { PORTING_FIELD_ADDRESS, "12 St. Catherine Avenue West, Montreal, QC H3B1A1", saint_street_page,
    "mismatch", "12 SAINT CATHERINE ST W\nMONTREAL QC H3B 1A1", "street: ST CATHERINE AVE ≠ ST CATHERINE ST" },
  { 0 }
};

static const char zip_and_street_mismatch_page[] =
  "Customer: Acme Widgets LLC\n"
  "1200 Harbour Way, Suite 400, Oakland, CA 94610\n";
static const Match zip_and_street_mismatch[] = {
  { PORTING_FIELD_ADDRESS, ACME_ADDRESS, zip_and_street_mismatch_page,
    "mismatch", "1200 Harbour Way, Suite 400, Oakland, CA 94610",
    "street: HARBOR BLVD ≠ HARBOUR WAY; ZIP code: 94607 ≠ 94610" },
  { 0 }
};

static const char company_suffix_mismatch_page[] =
  "Sold to: ACME WIDGETS, INC.\n"
  "Thank you for your business\n";
static const Match company_suffix_mismatch[] = {
  { PORTING_FIELD_NAME, ACME_NAME, company_suffix_mismatch_page,
    "mismatch", "ACME WIDGETS, INC.", "name: LLC ≠ INC" },
  { PORTING_FIELD_NAME, "Acme Widgets Incorporated", company_suffix_mismatch_page,
    "equivalent", "ACME WIDGETS, INC.", "" },
  { PORTING_FIELD_NAME, "Acme Widgets Limited Liability Company", "ACME WIDGETS LLC",
    "equivalent", "ACME WIDGETS LLC", "" },
  { 0 }
};

static const char unrelated_lines_page[] =
  "Acme Telecom Services\n"
  "Widgets and gadgets for every business\n"
  "100 Market Street, San Francisco, CA 94105\n"
  "1200 Ocean Avenue, Oakland, CA 94611\n";
static const Match unrelated_lines[] = {
  { PORTING_FIELD_NAME, ACME_NAME, unrelated_lines_page, "not-found", NULL, "" },
  { PORTING_FIELD_ADDRESS, ACME_ADDRESS, unrelated_lines_page, "not-found", NULL, "" },
  { PORTING_FIELD_BTN, "(510) 555-0142", "(510) 555-0142 Business line", "not-found", NULL, "" },
  { PORTING_FIELD_ACCOUNT_NUMBER, "8841-22017-5", "Invoice 12345\nTotal $5", "not-found", NULL, "" },
  { 0 }
};

static const char remit_to_never_taken_page[] =
  "NorthStar Telecom\n"
  "Please remit payment to:\n"
  "NorthStar Telecom\n"
  "500 Market Street\n"
  "San Francisco, CA 94105\n"
  "Account summary\n"
  "Customer: Market Street Bakery LLC\n"
  "Service address:\n"
  "500 Market Street, Suite 12\n"
  "San Francisco, CA 94105\n";
static const char remit_to_never_taken_one_line[] =
  "Make checks payable to: NorthStar Telecom, 500 Market St, San Francisco, CA 94105\n"
  "Bill to: Market Street Bakery LLC, 77 Pine St, San Francisco, CA 94111\n";
static const Match remit_to_never_taken[] = {
  /* The carrier's remit-to block has the LOA's street; the customer's block
   * is further down and differs by its unit. */
  { PORTING_FIELD_ADDRESS, "500 Market Street, San Francisco, CA 94105", remit_to_never_taken_page,
    "mismatch", "500 Market Street, Suite 12\nSan Francisco, CA 94105", "unit: — ≠ 12" },
  { PORTING_FIELD_ADDRESS, "500 Market Street, Suite 12, San Francisco, CA 94105", remit_to_never_taken_page,
    "exact", "500 Market Street, Suite 12\nSan Francisco, CA 94105", "" },
  { PORTING_FIELD_NAME, "NorthStar Telecom", remit_to_never_taken_page, "exact", "NorthStar Telecom", "" },
  { PORTING_FIELD_ADDRESS, "500 Market Street, San Francisco, CA 94105", remit_to_never_taken_one_line,
    "not-found", NULL, "" },
  { PORTING_FIELD_ADDRESS, "77 Pine Street, San Francisco, CA 94111", remit_to_never_taken_one_line,
    "equivalent", "77 Pine St, San Francisco, CA 94111", "" },
  { 0 }
};

static const char remit_block_with_attention_line_page[] =
  "Remit to:\n"
  "NorthStar Telecom\n"
  "Attn: Lockbox 12\n"
  "1200 Harbor Blvd\n"
  "Oakland CA 94607\n"
  "Customer: Acme Widgets LLC\n"
  "Service address: 1200 Harbor Blvd Suite 410, Oakland CA 94607\n";
static const Match remit_block_with_attention_line[] = {
  { PORTING_FIELD_ADDRESS, "1200 Harbor Blvd, Oakland, CA 94607", remit_block_with_attention_line_page,
    "mismatch", "1200 Harbor Blvd Suite 410, Oakland CA 94607", "unit: — ≠ 410" },
  { 0 }
};

static const char remit_block_interleaved_page[] =
  "Vidéotron Affaires\n"
  "Facturé à :\n"
  "Remit to:\n"
  "Boulangerie Côté & Fils inc.\n"
  "Vidéotron ltée\n"
  "455, rue Saint-Paul Ouest\n"
  "C.P. 11078, succ. Centre-ville\n"
  "Montréal\n"
  "Montréal (Québec) H3C\n"
  "5B3 (Québec) H2Y 2A7\n"
  "Numéro de compte : ML-300-441-982\n";
static const Match remit_block_interleaved[] = {
  /* "Facturé à" beside "Remit to", as poppler reads two close columns: the
   * lines below belong to both blocks in turn. */
  { PORTING_FIELD_NAME, MAPLE_NAME, remit_block_interleaved_page, "equivalent", "Boulangerie Côté & Fils inc.", "" },
  { PORTING_FIELD_ADDRESS, MAPLE_ADDRESS, remit_block_interleaved_page,
    "equivalent", "455, rue Saint-Paul Ouest\nMontréal\nQuébec) H2Y 2A7", "" },
  { PORTING_FIELD_ACCOUNT_NUMBER, "ML-300-441-982", remit_block_interleaved_page, "exact", "ML-300-441-982", "" },
  { 0 }
};

static const char remit_block_name_page[] =
  "Remit to:\n"
  "Acme Widget Holdings\n"
  "PO Box 1200\n"
  "Oakland, CA 94607\n"
  "Questions? Call us.\n";
static const Match remit_block_name[] = {
  { PORTING_FIELD_NAME, ACME_NAME, remit_block_name_page, "not-found", NULL, "" },
  { PORTING_FIELD_ADDRESS, ACME_ADDRESS, remit_block_name_page, "not-found", NULL, "" },
  { 0 }
};

static void
test_labelled_block_preferred (void)
{
  const char *page =
    "Acme Widget Co is a registered trademark\n"
    "ACCOUNT NAME: ACME WIDGETS CORP\n";
  g_autoptr(PortingFieldResult) result = match (PORTING_FIELD_NAME, ACME_NAME, page);

  g_assert_cmpint (result->status, ==, PORTING_FIELD_STATUS_MISMATCH);
  g_assert_cmpstr (result->proof_text, ==, "ACME WIDGETS CORP");
  g_assert_cmpstr (g_ptr_array_index (result->differences, 0), ==, "name: LLC ≠ CORP");
}

static void
test_pages_keep_the_better (void)
{
  const char *pages[] = {
    "Account name: ACME WIDGET CO\n",
    "Nothing here\n",
    "Customer: Acme Widgets LLC\n",
    "Customer: ACME WIDGETS LLC\n",
    NULL
  };
  const char *only_mismatch[] = { "Nothing\n", "Account name: ACME WIDGET CO\n", "Nothing either\n", NULL };
  g_autoptr(PortingFieldResult) result = match_pages (PORTING_FIELD_NAME, ACME_NAME, pages);
  g_autoptr(PortingFieldResult) mismatch = match_pages (PORTING_FIELD_NAME, ACME_NAME, only_mismatch);
  g_autoptr(PortingFieldResult) copy = NULL;

  g_assert_cmpint (result->status, ==, PORTING_FIELD_STATUS_EXACT);
  g_assert_cmpint (result->proof_page, ==, 2);
  g_assert_cmpuint (result->proof_start, ==, strlen ("Customer: "));
  g_assert_cmpuint (result->proof_end, ==, strlen ("Customer: Acme Widgets LLC"));
  g_assert_cmpuint (result->differences->len, ==, 0);

  g_assert_cmpint (mismatch->status, ==, PORTING_FIELD_STATUS_MISMATCH);
  g_assert_cmpint (mismatch->proof_page, ==, 1);
  g_assert_cmpstr (mismatch->proof_text, ==, "ACME WIDGET CO");
  g_assert_cmpuint (mismatch->differences->len, ==, 2);
  g_assert_cmpfloat (mismatch->score, >, 0.5);

  copy = porting_field_result_copy (mismatch);
  g_assert_cmpstr (copy->proof_text, ==, mismatch->proof_text);
  g_assert_cmpuint (copy->differences->len, ==, 2);
  g_assert_true (copy->differences != mismatch->differences);
}

static const Match empty_inputs[] = {
  { PORTING_FIELD_NAME, "", "Acme Widgets LLC", "not-found", NULL, "" },
  { PORTING_FIELD_ADDRESS, ACME_ADDRESS, "", "not-found", NULL, "" },
  { PORTING_FIELD_NAME, "Acme Widgets LLC", "\n\n\n", "not-found", NULL, "" },
  { PORTING_FIELD_BTN, "not a number", "BTN: 510 555 0142", "not-found", NULL, "" },
  { 0 }
};

static const char numbered_street_and_floor_line_page[] =
  "SHIP TO\n"
  "Hudson Legal Partners LLP\n"
  "350 5th Ave\n"
  "21st Floor\n"
  "New York NY 10118\n";
/* A long name wrapped in its block (a page laid out from positions). */
static void
test_wrapped_name (void)
{
  const struct { double x, y; const char *text; } lines[] = {
    { 60, 100, "BILL TO" }, { 60, 112, "KOWALCZYK PLUMBING &" }, { 60, 124, "HEATING INC" },
    { 60, 136, "7718 W LINCOLN HWY" }, { 60, 148, "MERRILLVILLE IN 46410" },
  };
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (PortingLayoutWord));
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(PortingPageText) page = NULL;
  g_autoptr(PortingFieldResult) result = porting_field_result_new (PORTING_FIELD_NAME, "Kowalczyk Plumbing & Heating Inc");
  g_autoptr(PortingFieldResult) other = porting_field_result_new (PORTING_FIELD_NAME, "Kowalczyk Roofing & Heating Inc");

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      char **parts = g_strsplit (lines[i].text, " ", -1);
      double x = lines[i].x;

      g_ptr_array_add (owned, parts);
      for (guint w = 0; parts[w] != NULL; w++)
        {
          PortingLayoutWord word = { parts[w], -1, { x, lines[i].y - 8, x + 6 * strlen (parts[w]), lines[i].y + 1 },
                                     1, PORTING_TEXT_SOURCE_TEXT };

          g_array_append_val (words, word);
          x += 6 * strlen (parts[w]) + 3;
        }
    }
  page = porting_page_text_new_from_words (0, (const PortingLayoutWord *) (gpointer) words->data, words->len, TRUE);

  g_assert_true (porting_field_match_page (result, page));
  g_assert_cmpstr (porting_field_status_to_string (result->status), ==, "equivalent");
  g_assert_cmpstr (result->proof_text, ==, "KOWALCZYK PLUMBING &\nHEATING INC");
  /* Across two lines a name is found, or it is not: never a mismatch. */
  g_assert_false (porting_field_match_page (other, page));
  g_assert_cmpint (other->status, !=, PORTING_FIELD_STATUS_EQUIVALENT);
}

static const Match numbered_street_and_floor_line[] = {
  { PORTING_FIELD_ADDRESS, "350 Fifth Avenue, 21st Floor, New York, New York 10118",
    numbered_street_and_floor_line_page,
    "equivalent", "350 5th Ave\n21st Floor\nNew York NY 10118", "" },
  { PORTING_FIELD_ADDRESS, "350 Fifth Avenue, 22nd Floor, New York, New York 10118",
    numbered_street_and_floor_line_page,
    "mismatch", "350 5th Ave\n21st Floor\nNew York NY 10118", "unit: 22 ≠ 21" },
  { PORTING_FIELD_NAME, "Hudson Legal Partners, L.L.P.", numbered_street_and_floor_line_page,
    "equivalent", "Hudson Legal Partners LLP", "" },
  { 0 }
};

static const Match address_without_commas[] = {
  { PORTING_FIELD_ADDRESS, "455 rue Saint-Paul Ouest\nMontréal, Québec H2Y 2A7",
    "ADRESSE: 455 RUE SAINT-PAUL OUEST MONTREAL QC H2Y 2A7",
    "equivalent", "455 RUE SAINT-PAUL OUEST MONTREAL QC H2Y 2A7", "" },
  { PORTING_FIELD_ADDRESS, "1200 Harbor Blvd, Oakland, CA 94607", "Service location 1200 HARBOR BLVD OAKLAND CA 94607",
    "equivalent", "1200 HARBOR BLVD OAKLAND CA 94607", "" },
  { PORTING_FIELD_ADDRESS, "1200 Harbor Blvd Suite 400, Oakland, CA 94607",
    "Location: 1200 HARBOR BLVD 400 OAKLAND CA 94607",
    "equivalent", "1200 HARBOR BLVD 400 OAKLAND CA 94607", "" },
  { 0 }
};

static const Match unit_before_house_number[] = {
  { PORTING_FIELD_ADDRESS, "123 Main Street, Unit 5, Springfield, IL 62704",
    "Customer: Dana Whitfield\nUnit 5, 123 Main St\nSpringfield IL 62704\n",
    "equivalent", "Unit 5, 123 Main St\nSpringfield IL 62704", "" },
  { 0 }
};

static const Match region_left_out[] = {
  /* The postal code says which province; the LOA left it out. */
  { PORTING_FIELD_ADDRESS, "455 rue Saint-Paul Ouest, Montréal H2Y 2A7", MAPLE_CSR,
    "equivalent", "455 RUE SAINT-PAUL OUEST\nMONTREAL QC H2Y2A7", "" },
  { PORTING_FIELD_ADDRESS, "455 rue Saint-Paul Ouest, Montréal, Ontario H2Y 2A7", MAPLE_CSR,
    "mismatch", "455 RUE SAINT-PAUL OUEST\nMONTREAL QC H2Y2A7", "state/province: ON ≠ QC" },
  /* Mount / Mt in a city. */
  { PORTING_FIELD_ADDRESS, "12 Oak Street, Mount Vernon, NY 10550",
    "Customer address:\n12 OAK ST\nMT VERNON NY 10550-2211",
    "equivalent", "12 OAK ST\nMT VERNON NY 10550-2211", "" },
  { 0 }
};

static const Match name_words[] = {
  { PORTING_FIELD_NAME, "Whitfield Dana", "Customer: Dana Whitfield",
    "mismatch", "Dana Whitfield", "name: WHITFIELD DANA ≠ DANA WHITFIELD (word order)" },
  { PORTING_FIELD_NAME, MAPLE_NAME, "BILLING NAME ... BOULANGRIE COTE ET FILS INC",
    "mismatch", "BOULANGRIE COTE ET FILS INC", "name: BOULANGERIE ≠ BOULANGRIE" },
  { PORTING_FIELD_NAME, ACME_NAME, "Customer:\nACME WIDGETS\n", "mismatch", "ACME WIDGETS", "name: LLC ≠ —" },
  /* A single shared word is not a close candidate. */
  { PORTING_FIELD_NAME, "Dana Whitfield", "Customer: Jane Whitfield", "not-found", NULL, "" },
  { PORTING_FIELD_NAME, "St. John's Bakery", "Bill to: SAINT JOHNS BAKERY", "equivalent", "SAINT JOHNS BAKERY", "" },
  { PORTING_FIELD_NAME, "Harbor Tools Professional Corporation", "Name: HARBOR TOOLS, P.C.",
    "equivalent", "HARBOR TOOLS, P.C.", "" },
  /* A leading The and a comma before the suffix (DESIGN §3.4): equivalent,
   * and the difference ignored is said. */
  { PORTING_FIELD_NAME, "The Blue Heron Cafe, LLC", "Bill to: BLUE HERON CAFE LLC",
    "equivalent", "BLUE HERON CAFE LLC", "name: a leading “The” is not counted" },
  { PORTING_FIELD_NAME, "Blue Heron Cafe LLC", "Customer: THE BLUE HERON CAFE, LLC",
    "equivalent", "THE BLUE HERON CAFE, LLC", "name: a leading “The” is not counted" },
  { PORTING_FIELD_NAME, "The Blue Heron Cafe LLC", "Customer: The Blue Heron Cafe LLC",
    "exact", "The Blue Heron Cafe LLC", "" },
  { PORTING_FIELD_NAME, "The Blue Heron Cafe, LLC", "Customer: BLUE HERON CAFE INC",
    "mismatch", "BLUE HERON CAFE INC", "name: LLC ≠ INC" },
  { 0 }
};

static const Match account_labels[] = {
  { PORTING_FIELD_ACCOUNT_NUMBER, "8841-22017-5", "Account summary 11/01/2026\nPrevious balance",
    "not-found", NULL, "" },
  { PORTING_FIELD_ACCOUNT_NUMBER, "8841-22017-5", "Account Number\n8841-22017-6",
    "mismatch", "8841-22017-6", "account number: 8841-22017-5 ≠ 8841-22017-6" },
  { PORTING_FIELD_ACCOUNT_NUMBER, "8841-22017-5", "Acct. #: 8841 22017 5 Invoice: 7",
    "equivalent", "8841 22017 5", "" },
  { PORTING_FIELD_ACCOUNT_NUMBER, "8841-22017-5", "Your account number is 8841.22017.5.",
    "equivalent", "8841.22017.5", "" },
  /* Unlabelled, in any spelling, as long as it is whole. */
  { PORTING_FIELD_ACCOUNT_NUMBER, "8841-22017-5", "Ref 8841220175 paid", "equivalent", "8841220175", "" },
  { PORTING_FIELD_ACCOUNT_NUMBER, "8841-22017-5", "Ref 188412201755 paid", "not-found", NULL, "" },
  { PORTING_FIELD_BTN, "5105550142", "Billing Telephone Number (BTN): (510) 555-0142",
    "equivalent", "(510) 555-0142", "" },
  { PORTING_FIELD_BTN, "5105550142", "Main number: +1 510 555 0142", "equivalent", "+1 510 555 0142", "" },
  { PORTING_FIELD_BTN, "(510) 555-0142", "BTN: (510) 555-0142", "exact", "(510) 555-0142", "" },
  { PORTING_FIELD_BTN, "514 555 0198", "Téléphone de facturation : 514-555-0198", "equivalent", "514-555-0198", "" },
  /* The customer's phone, on a bill for one line: the BTN when it is the
   * LOA's, never a mismatch (it may be the customer-care line), and never
   * over a number labelled as the billing one. */
  { PORTING_FIELD_BTN, "(305) 555-0163", "Phone number: (305) 555-0163", "exact", "(305) 555-0163", "" },
  { PORTING_FIELD_BTN, "450 555-0177", "Téléphone principal : 450-555-0177", "equivalent", "450-555-0177", "" },
  { PORTING_FIELD_BTN, "(305) 555-0163", "Phone: (800) 555-0100", "not-found", NULL, "" },
  { PORTING_FIELD_BTN, "(305) 555-0163", "BTN: (305) 555-0164\nPhone: (305) 555-0163",
    "mismatch", "(305) 555-0164", "billing telephone number: (305) 555-0163 ≠ (305) 555-0164" },
  { PORTING_FIELD_ACCOUNT_NUMBER, "8841-22017-5", "Customer No. 8841-22017-5", "exact", "8841-22017-5", "" },
  { PORTING_FIELD_ACCOUNT_NUMBER, "8841-22017-5", "BAN: 8841220176",
    "mismatch", "8841220176", "account number: 8841-22017-5 ≠ 8841220176" },
  { PORTING_FIELD_ACCOUNT_NUMBER, "8841-22017-5", "Customer: 1200 Harbor Blvd", "not-found", NULL, "" },
  /* One account written with and without its prefix: no mismatch. */
  { PORTING_FIELD_ACCOUNT_NUMBER, "CV-77120934", "Account number: 77120934", "not-found", NULL, "" },
  { PORTING_FIELD_ACCOUNT_NUMBER, "8841-22017-5", "Account: 1", "not-found", NULL, "" },
  /* Letters, then groups of digits. */
  { PORTING_FIELD_ACCOUNT_NUMBER, "KC 4471 0093 2", "ACCOUNT:\tKC 4471 0093 2\nBILL DATE:\tNov. 3, 2026",
    "exact", "KC 4471 0093 2", "" },
  { PORTING_FIELD_ACCOUNT_NUMBER, "KC 4471 0093 2", "ACCOUNT:\tKC 4471 0093 3",
    "mismatch", "KC 4471 0093 3", "account number: KC 4471 0093 2 ≠ KC 4471 0093 3" },
  { 0 }
};

static const char scrambled_table_page[] =
  "Lone Star Telephone - Customer Service Record\n"
  "SERVICE ADDRESS\n"
  "2201 E RIVERSIDE DR BLDG 2CITY\n"
  "AUSTIN\n"
  "ST\n"
  "TX\n"
  "BILLING NAME\n"
  "BTN\n"
  "ACCOUNTRIVERSIDE AUTO REPAIR INC\n"
  "512 555-0111\n"
  "5125550111 009\n"
  "ZIP\n"
  "78741";
static const Match scrambled_table[] = {
  /* A CSR laid out as a table, as poppler reads it: labels glued to values,
   * the city, state and ZIP code each on a line of their own. */
  { PORTING_FIELD_NAME, "Riverside Auto Repair Incorporated", scrambled_table_page,
    "equivalent", "RIVERSIDE AUTO REPAIR INC", "" },
  { PORTING_FIELD_ADDRESS, "2201 East Riverside Drive, Building 2, Austin, TX 78741", scrambled_table_page,
    "equivalent", "2201 E RIVERSIDE DR BLDG 2\nAUSTIN\nTX\n78741", "" },
  { PORTING_FIELD_ADDRESS, "2201 East Riverside Drive, Building 2, Austin, TX 78742", scrambled_table_page,
    "mismatch", "2201 E RIVERSIDE DR BLDG 2\nAUSTIN\nTX\n78741", "ZIP code: 78742 ≠ 78741" },
  { 0 }
};

static const Match glued_capitals[] = {
  { PORTING_FIELD_NAME, ACME_NAME, "NAME: ACME WIDGETS LLCINVOICE 1234", "equivalent", "ACME WIDGETS LLC", "" },
  /* Only a label glued before, a company suffix glued after: no guessing. */
  { PORTING_FIELD_NAME, "Side Cafe", "WESTSIDE CAFE", "not-found", NULL, "" },
  { PORTING_FIELD_NAME, "Dana Smith", "Customer: DANA SMITHSON",
    "mismatch", "DANA SMITHSON", "name: SMITH ≠ SMITHSON" },
  { PORTING_FIELD_NAME, "Acme Widgets Inc", "Customer: ACME WIDGETS INCOME TAX",
    "mismatch", "ACME WIDGETS", "name: INC ≠ —" },
  { 0 }
};

static void
test_strings (void)
{
  g_assert_cmpstr (porting_field_status_to_string (PORTING_FIELD_STATUS_EXACT), ==, "exact");
  g_assert_cmpstr (porting_field_status_to_string (PORTING_FIELD_STATUS_EQUIVALENT), ==, "equivalent");
  g_assert_cmpstr (porting_field_status_to_string (PORTING_FIELD_STATUS_MISMATCH), ==, "mismatch");
  g_assert_cmpstr (porting_field_status_to_string (PORTING_FIELD_STATUS_NOT_FOUND), ==, "not-found");
  g_assert_cmpstr (porting_field_status_to_string (PORTING_FIELD_STATUS_UNREADABLE), ==, "unreadable");
  g_assert_cmpstr (porting_field_to_string (PORTING_FIELD_NAME), ==, "name");
  g_assert_cmpstr (porting_field_to_string (PORTING_FIELD_ADDRESS), ==, "address");
  g_assert_cmpstr (porting_field_to_string (PORTING_FIELD_ACCOUNT_NUMBER), ==, "account_number");
  g_assert_cmpstr (porting_field_to_string (PORTING_FIELD_BTN), ==, "btn");
  g_assert_true (G_TYPE_IS_BOXED (PORTING_TYPE_FIELD_RESULT));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/field-match/fixture/exact", fixture_exact, test_matches);
  g_test_add_data_func ("/field-match/fixture/equivalent", fixture_equivalent, test_matches);
  g_test_add_data_func ("/field-match/fixture/mismatch", fixture_mismatch, test_matches);
  g_test_add_data_func ("/field-match/fixture/unit-mismatch", fixture_unit_mismatch, test_matches);
  g_test_add_data_func ("/field-match/fixture/csr", fixture_csr, test_matches);
  g_test_add_data_func ("/field-match/layout/bill-to-block", bill_to_block, test_matches);
  g_test_add_data_func ("/field-match/layout/one-liners", one_liners, test_matches);
  g_test_add_data_func ("/field-match/layout/two-columns-interleaved", two_columns_interleaved, test_matches);
  g_test_add_data_func ("/field-match/layout/two-columns-glued", two_columns_glued, test_matches);
  g_test_add_data_func ("/field-match/layout/csr-dotted-leaders", csr_dotted_leaders, test_matches);
  g_test_add_data_func ("/field-match/layout/french-canadian", french_canadian, test_matches);
  g_test_add_data_func ("/field-match/layout/canadian-unit-first", canadian_unit_first, test_matches);
  g_test_add_data_func ("/field-match/address/saint-street", saint_street, test_matches);
  g_test_add_data_func ("/field-match/address/zip-and-street-mismatch", zip_and_street_mismatch, test_matches);
  g_test_add_data_func ("/field-match/name/company-suffix-mismatch", company_suffix_mismatch, test_matches);
  g_test_add_data_func ("/field-match/unrelated-lines", unrelated_lines, test_matches);
  g_test_add_data_func ("/field-match/remit-to/never-taken", remit_to_never_taken, test_matches);
  g_test_add_data_func ("/field-match/remit-to/block-name", remit_block_name, test_matches);
  g_test_add_data_func ("/field-match/remit-to/attention-line", remit_block_with_attention_line, test_matches);
  g_test_add_data_func ("/field-match/remit-to/interleaved", remit_block_interleaved, test_matches);
  g_test_add_func ("/field-match/labelled-block-preferred", test_labelled_block_preferred);
  g_test_add_func ("/field-match/pages-keep-the-better", test_pages_keep_the_better);
  g_test_add_func ("/field-match/name/wrapped", test_wrapped_name);
  g_test_add_data_func ("/field-match/empty-inputs", empty_inputs, test_matches);
  g_test_add_func ("/field-match/strings", test_strings);
  g_test_add_data_func ("/field-match/address/numbered-street-and-floor-line",
                        numbered_street_and_floor_line, test_matches);
  g_test_add_data_func ("/field-match/address/without-commas", address_without_commas, test_matches);
  g_test_add_data_func ("/field-match/address/region-left-out", region_left_out, test_matches);
  g_test_add_data_func ("/field-match/address/unit-before-house-number", unit_before_house_number, test_matches);
  g_test_add_data_func ("/field-match/name/words", name_words, test_matches);
  g_test_add_data_func ("/field-match/codes/labels", account_labels, test_matches);
  g_test_add_data_func ("/field-match/layout/scrambled-table", scrambled_table, test_matches);
  g_test_add_data_func ("/field-match/name/glued-capitals", glued_capitals, test_matches);

  return g_test_run ();
}
