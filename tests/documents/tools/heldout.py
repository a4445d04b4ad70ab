"""Part 2: the held-out set. The engineer writing the document reader does not look here.

Other layouts (window envelope, label-above-value boxes, dotted leaders), other labels
(Customer:, Sold To, Service Location, Mail payments to, Make checks payable to, Payment
address, Retourner à, Titulaire du compte), other carriers, and mostly the producers part 1
used least: hand-written PostScript, groff and cairo.
"""

from corpus import expect, items

TODAY = "2026-11-09"
CASES = []


def case(id, loa_producer, loa, proof_producer, proof, exp, loa_address=None, today=TODAY, note=""):
    CASES.append(dict(id=id, loa_producer=loa_producer, loa=loa, proof_producer=proof_producer, proof=proof,
                      expect=exp, loa_address=loa_address, today=today, note=note))


def ex(**kw):
    kw.setdefault("today", TODAY)
    return expect(**kw)


n = ["(773) 555-0131", "(773) 555-0132"]
case("sold-to-mail-payments", "postscript",
     dict(title="LETTER OF AGENCY", name="Tamarind Kitchen & Bar LLC", name_label="Account Holder Name",
          person="Farah Qureshi", person_label="Authorized Representative", street="4812 N Clark St, Unit 3",
          street_label="Service Location", city_line="Chicago, IL 60640", city_label="City / State / ZIP",
          carrier="Lakefront Telephone Co.", carrier_label="Present Carrier", account="LTC-006-118-42",
          btn=n[0], numbers=n, date="11/03/2026", signature="drawn"),
     "postscript",
     dict(carrier="Lakefront Telephone Co.", logo="LAKEFRONT TELEPHONE CO.", layout="remit-left",
          remit_label="MAIL PAYMENTS TO", remit=["LAKEFRONT TELEPHONE CO.", "PO BOX 806612", "CHICAGO IL 60680-4112"],
          bill_to_label="SOLD TO", name="TAMARIND KITCHEN AND BAR LLC", addr=["4812 N CLARK ST UNIT 3", "CHICAGO IL 60640"],
          account_label="Account", account="LTC-006-118-42", btn_label="Main number", btn="773-555-0131",
          date_label="Statement date", date="2026-11-02", amount="$231.18", tagline="Since 1911",
          items=items(["773-555-0131", "773-555-0132"]), footer="Lakefront Telephone Co., Chicago"),
     ex(name="equivalent", address="equivalent", btn="exact|equivalent", carrier="exact"),
     note="PostScript both: MAIL PAYMENTS TO on the left, SOLD TO on the right; dotted-leader LOA")

n = ["(305) 555-0163"]
case("customer-make-checks", "groff",
     dict(name="Rosalind Achterberg", person="Rosalind Achterberg", street="2290 SW 8th St, Apt 14C",
          city_line="Miami, FL 33135", carrier="Coral Coast Telecom", account="CCT 771 204 8", btn=n[0],
          numbers=n, date="2026-11-04", signature="drawn"),
     "cairo",
     dict(carrier="Coral Coast Telecom", logo="Coral Coast Telecom", color="#c0392b", bill_to_label="Customer:",
          remit_label="Make checks payable to", remit=["Coral Coast Telecom", "PO Box 025310", "Miami, FL 33102-5310"],
          name="ROSALIND ACHTERBERG", addr=["2290 SW 8TH ST APT 14C", "MIAMI FL 33135-3219"], account="CCT 771 204 8",
          account_label="Account #", btn="(305) 555-0163", btn_label="Phone number", date_label="Bill Date",
          date="10/30/2026", amount="$49.90", items=items(n, "Home phone with voicemail", 49.90),
          footer="Coral Coast Telecom LLC, Miami-Dade and Broward"),
     ex(address="equivalent", btn="exact", name="equivalent"),
     note="cairo bill: Customer: box beside Make checks payable to, carrier in the customer's city")

n = ["(401) 555-0185", "(401) 555-0186", "(401) 555-0187"]
case("service-location-payment-address", "cairo",
     dict(name="Blackstone Valley Hardware Inc.", name_label="Account Holder Name", person="Manuel Furtado",
          street="611 Main St", street_label="Service Location", city_line="Woonsocket, RI 02895",
          carrier="Narragansett Bay Communications", account="NBC-44190-3", btn=n[0], numbers=n,
          date="2026-11-02", signature="drawn"),
     "groff",
     dict(carrier="Narragansett Bay Communications", logo="Narragansett Bay Communications", layout="remit-left",
          remit_label="Payment address", remit=["Narragansett Bay Communications", "PO Box 6610", "Providence, RI 02940-6610"],
          bill_to_label="Service Location", name="Blackstone Valley Hardware Inc.", addr=["611 Main St", "Woonsocket, RI 02895"],
          account="NBC-44190-3", btn=n[0], date_label="Invoice date", date="2026-11-01", amount="$144.21", items=items(n)),
     ex(btn="exact", carrier="exact"),
     note="groff bill: Payment address on the left, Service Location on the right; boxed cairo LOA")

n = ["(203) 555-0114", "(203) 555-0115"]
case("window-envelope-form", "pdf-lib-need-appearances",
     dict(name="Ostrowski Dental Studio PLLC", name_label="Billing Name", person="Agnieszka Ostrowski",
          street="7 Elm Row, Suite 2", city_line="New Haven, CT 06511", carrier="Quinnipiac Telephone",
          account="QT-3318-0972", btn=n[0], numbers=n, date="2026-11-03", signature="typed-field"),
     "chromium",
     dict(carrier="Quinnipiac Telephone", logo=("Quinnipiac", "TELEPHONE"), color="#5b2c6f", layout="window",
          remit=["Quinnipiac Telephone", "PO Box 1650", "New Haven, CT 06507-1650"], name="OSTROWSKI DENTAL STUDIO PLLC",
          addr=["7 ELM ROW STE 2", "NEW HAVEN CT 06511"], account="QT-3318-0972", btn=n[0], title="Statement",
          date_label="Statement Date", date="November 1, 2026", amount="$90.44", items=items(n)),
     ex(address="equivalent", btn="exact", source="form", name="equivalent"),
     note="Window-envelope bill: the carrier's return address above the customer's, neither labelled")

n = ["450 555-0177", "450 555-0178"]
case("titulaire-retourner-a", "postscript",
     dict(lang="fr", title="LETTRE D'AUTORISATION", name="Fromagerie Bélanger-Roy inc.", name_label="Titulaire du compte",
          person="Sylvie Bélanger", person_label="Signataire autorisée",
          street="1455, boul. des Laurentides, bureau 210", street_label="Adresse de service",
          city_line="Laval (Québec) H7G 2V5", city_label="Ville, province, code postal",
          carrier="Télécom Saint-Laurent", carrier_label="Fournisseur actuel", account="TSL-5520-8817",
          account_label="Numéro de compte", btn="450 555-0177", btn_label="Numéro de téléphone de facturation",
          numbers=n, numbers_label="Numéros à transférer", date="2026-11-04", signature="drawn",
          signature_label="Signature"),
     "chromium",
     dict(carrier="Télécom Saint-Laurent", logo="Télécom Saint-Laurent", color="#1f618d", lang="fr", title="Facture",
          bill_to_label="Client", remit_label="Retourner à",
          remit=["Télécom Saint-Laurent", "C.P. 11020, succ. Centre-ville", "Montréal (Québec) H3C 5G7"],
          name="FROMAGERIE BÉLANGER-ROY INC.", addr=["1455, boulevard des Laurentides, bureau 210", "Laval (Québec) H7G 2V5"],
          account_label="Numéro de compte", account="TSL-5520-8817", btn_label="Téléphone principal", btn="450 555-0177",
          date_label="Date de la facture", date="30 octobre 2026", amount="96,12 $", previous="0,00 $",
          items=items(n, "Service téléphonique d'affaires", fr=True)),
     ex(address="equivalent", btn="exact", name="equivalent"),
     note="French PostScript LOA (Titulaire du compte) and a French bill: Client beside Retourner à; boul. = boulevard")

n = ["(814) 555-0140", "(814) 555-0141"]
case("csr-account-name", "libreoffice",
     dict(name="Three Rivers Machine Works Co.", name_label="Account Name (exactly as billed by your carrier)",
          person="Walter Pietrangelo", street="1840 W 12th St", city_line="Erie, PA 16505",
          carrier="Allegheny Plateau Telephone", account="APT-22-01983", btn=n[0], numbers=n, date="2026-11-05",
          signature="cursive", label_width=1.6),
     "groff-csr",
     dict(carrier="Allegheny Plateau Telephone", report="CUSTOMER SERVICE RECORD - BUSINESS", run_date="2026-11-03",
          fields=[("ACCOUNT NAME", "THREE RIVERS MACHINE WORKS COMPANY"), ("SERVICE LOCATION", ["1840 W 12TH ST", "ERIE PA 16505"]),
                  ("BILLING TN", "814-555-0140"), ("ACCOUNT NO", "APT-22-01983"), ("CLASS OF SERVICE", "1FB")],
          wtns=[("814-555-0140", "ACTIVE"), ("814-555-0141", "ACTIVE")]),
     ex(name="equivalent", address="equivalent", btn="exact|equivalent", carrier="equivalent"),
     note="CSR with ACCOUNT NAME / SERVICE LOCATION / BILLING TN; Co. = COMPANY")

n = ["(615) 555-0152", "(615) 555-0153"]
case("mismatch-house-postscript", "cairo",
     dict(name="Vantage Point Surveying LLC", person="Ezekiel Harmon", street="4410 Old Hickory Blvd",
          city_line="Nashville, TN 37218", carrier="Cumberland Digital", account="CD-8830-2207", btn=n[0],
          numbers=n, date="2026-11-04", signature="drawn"),
     "postscript",
     dict(carrier="Cumberland Digital", logo="CUMBERLAND DIGITAL", bill_to_label="CUSTOMER", remit_label="PAYMENT ADDRESS",
          remit=["CUMBERLAND DIGITAL", "PO BOX 305118", "NASHVILLE TN 37230-5118"], name="VANTAGE POINT SURVEYING LLC",
          addr=["4401 OLD HICKORY BLVD", "NASHVILLE TN 37218"], account="CD-8830-2207", account_label="Account",
          date_label="Statement date", date="Nov 2, 2026", amount="$102.77", items=items(n)),
     ex(verdict="mismatch", address="mismatch", name="equivalent"),
     note="4410 on the LOA, 4401 on the bill")

n = ["(512) 555-0126", "(512) 555-0127"]
case("mismatch-name-groff", "postscript",
     dict(name="Bluebonnet Kids Academy", person="Leticia Guerra", street="901 W Braker Ln, Suite 150",
          city_line="Austin, TX 78758", carrier="Hill Country Telecom", account="HCT-6019-44", btn=n[0], numbers=n,
          date="2026-11-03", signature="drawn"),
     "groff",
     dict(carrier="Hill Country Telecom", logo="Hill Country Telecom", bill_to_label="Sold To",
          remit_label="Mail payments to", remit=["Hill Country Telecom", "PO Box 149002", "Austin, TX 78714-9002"],
          name="BLUEBONNET KID ACADEMY", addr=["901 W BRAKER LN STE 150", "AUSTIN TX 78758"], account="HCT-6019-44",
          btn=n[0], date_label="Bill date", date="Oct 31, 2026", amount="$118.50", items=items(n)),
     ex(verdict="mismatch", name="mismatch", address="equivalent", btn="exact"),
     note="Kids on the LOA, KID on the bill")

n = ["(859) 555-0112", "(859) 555-0113"]
case("mismatch-btn-cairo", "groff",
     dict(name="Hollow Creek Farm Supply LLC", person="Beau Whitley", street="3350 Versailles Rd",
          city_line="Lexington, KY 40510", carrier="Bluegrass Rural Telephone", account="BRT-0072-5513",
          btn="(859) 555-0112", numbers=n, date="2026-11-02", signature="drawn"),
     "cairo",
     dict(carrier="Bluegrass Rural Telephone", logo="Bluegrass Rural Telephone", color="#1e6b52", bill_to_label="Customer",
          remit_label="Remit to", remit=["Bluegrass Rural Telephone", "PO Box 11870", "Lexington, KY 40578-1870"],
          name="Hollow Creek Farm Supply LLC", addr=["3350 Versailles Rd", "Lexington, KY 40510"], account="BRT-0072-5513",
          btn="(859) 555-0121", btn_label="Billing telephone number", date_label="Invoice date", date="Nov 1, 2026",
          amount="$76.02", items=items(["(859) 555-0121", "(859) 555-0122"])),
     ex(verdict="mismatch", btn="mismatch"),
     note="BTN (859) 555-0112 on the LOA, (859) 555-0121 on the bill")

n = ["(902) 555-0193", "(902) 555-0194"]
case("mismatch-unit-halifax", "chromium",
     dict(name="Fundy Tidal Engineering Ltd.", person="Siobhan MacNeil", street="1959 Upper Water St, Suite 1100",
          city_line="Halifax, NS B3J 3N2", carrier="Fundy Coast Communications", account="FCC-71-00928", btn=n[0],
          numbers=n, date="2026-11-05", signature="image"),
     "libreoffice",
     dict(carrier="Fundy Coast Communications", logo="Fundy Coast Communications", bill_to_label="Sold To",
          remit_label="Mail payments to", remit=["Fundy Coast Communications", "PO Box 9400, Stn A", "Halifax, NS B3K 5R4"],
          name="FUNDY TIDAL ENGINEERING LTD.", addr=["1959 UPPER WATER ST SUITE 1010", "HALIFAX NS B3J 3N2"],
          account="FCC-71-00928", btn=n[0], date_label="Invoice date", date="Nov 1, 2026", amount="$260.30",
          items=items(n)),
     ex(verdict="mismatch", address="mismatch", btn="exact", name="equivalent"),
     note="Suite 1100 on the LOA, SUITE 1010 on the bill (Nova Scotia)")

n = ["(619) 555-0149", "(619) 555-0150"]
case("unsigned-csr", "groff",
     dict(name="Catalina Sunrise Realty Inc.", person="Marisa Okamoto", street="3750 Rosecrans St, Suite 202",
          city_line="San Diego, CA 92110", carrier="Pacific Mesa Telephone", account="PMT-4478-201", btn=n[0],
          numbers=n, date="2026-11-04", signature="none"),
     "postscript-csr",
     dict(carrier="Pacific Mesa Telephone", run_date="11/04/26",
          fields=[("ACCT NAME", "CATALINA SUNRISE REALTY INC"), ("SVC ADDR", ["3750 ROSECRANS ST STE 202", "SAN DIEGO CA 92110"]),
                  ("BTN", "619-555-0149"), ("ACCT", "PMT-4478-201")],
          wtns=[("619-555-0149", "ACTIVE"), ("619-555-0150", "ACTIVE")]),
     ex(name="equivalent", address="equivalent", btn="exact|equivalent", present=["loa-unsigned"], carrier="equivalent"),
     note="groff LOA with a blank signature line; a PostScript CSR with ACCT NAME / SVC ADDR")

n = ["(604) 555-0101", "(604) 555-0102", "(604) 555-0103"]
case("old-multi-page-flattened", "pdf-lib-flattened",
     dict(name="Kingfisher Outdoor Gear Ltd.", name_label="Business Name", person="Callum Fraser",
          street="2150 W 4th Ave, Unit 105", city_line="Vancouver, BC V6K1N6", carrier="Pacific Crest Telecom",
          account="PCT-0093-7714", btn=n[0], numbers=n, date="2026-11-02", signature="field"),
     "libreoffice",
     dict(carrier="Pacific Crest Telecom", logo="Pacific Crest Telecom", bill_to_label="Account Name",
          remit_label="Remit Payment To", remit=["Pacific Crest Telecom", "PO Box 8600, Station Terminal", "Vancouver, BC V6B 5L6"],
          name="Kingfisher Outdoor Gear Ltd.", addr=["2150 West 4th Avenue, Unit 105", "Vancouver, British Columbia V6K 1N6"],
          account="PCT-0093-7714", btn=n[0], date_label="Statement date", date="Sep 30, 2026", amount="$311.64",
          items=items(n), detail_pages=1, call_city="VANCOUVER BC"),
     ex(address="equivalent", btn="exact", present=["proof-older-than-30-days"]),
     note="Flattened form LOA; a two-page bill 40 days old; British Columbia = BC, postal code with and without space")
