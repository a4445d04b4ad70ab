"""Part 3: the documents the test suite reads (PORTING_FIXTURES_DIR), made here.

The file names and the values in them are the ones the tests assert (test-document.c,
test-loa.c, test-document-check.c, test-cli-check-documents.c, the UI tests); the layouts
and the producers are this script's: Chromium for the Acme LOAs and invoices and the
screenshot, LibreOffice for the "Letter of Agency" forms, groff for the CSR, qpdf for the
password. Phone numbers: only the ones the tests count (test-phone-number.c).
"""

import hashlib
import json
import os
import shutil
import subprocess
from html import escape as h

from fodt import Fodt
from producers import chromium_pdf, chromium_png, groff_pdf, run, soffice_pdf

PASSWORD = "porting"
NUMBERS = ["(510) 555-0142", "(510) 555-0143", "(510) 555-0157"]

ACME_LOA = dict(name="Acme Widgets LLC", person="Dana Whitfield", street="1200 Harbor Boulevard, Suite 400",
                city_line="Oakland, CA 94607", carrier="NorthStar Telecom", account="8841-22017-5",
                btn="(510) 555-0142", numbers=NUMBERS, date="2026-11-02")
MAPLE_LOA = dict(name="Boulangerie Côté & Fils Inc.", person="Élise Côté", street="455 rue Saint-Paul Ouest",
                 city_line="Montréal, Québec H2Y 2A7", carrier="Maple Leaf Communications",
                 account="ML-300-441-982", numbers=["(514) 555-0198", "(514) 555-0199"], date="2026-11-05")

# What each invoice prints in its customer block.
INVOICES = {
    "exact": ("Acme Widgets LLC", ["1200 Harbor Boulevard, Suite 400", "Oakland, CA 94607"]),
    "equivalent": ("ACME WIDGETS LLC.", ["1200 HARBOR BLVD STE 400", "OAKLAND CA 94607-3311"]),
    "mismatch": ("ACME WIDGET CO", ["1220 HARBOR BLVD STE 400", "OAKLAND CA 94607"]),
    "unit-mismatch": ("ACME WIDGETS LLC.", ["1200 HARBOR BLVD STE 410", "OAKLAND CA 94607"]),
    "encrypted": ("ACME WIDGETS LLC.", ["1200 HARBOR BLVD STE 400", "OAKLAND CA 94607-3311"]),
}


# ---- The app's kind of LOA: one "Label: value" per line (Chromium) ---------------------------------

def acme_loa_html(loa):
    rows = [("Customer Name", loa["name"]), ("Authorized Person", loa["person"]),
            ("Service Address", loa["street"]), ("City, State/Province, ZIP/Postal Code", loa["city_line"]),
            ("Current Carrier", loa["carrier"]), ("Account Number", loa["account"]),
            ("Billing Telephone Number (BTN)", loa["btn"])]
    fields = "".join(f'<div class="f"><b>{h(k)}:</b> {h(v)}</div>' for k, v in rows)
    numbers = "".join(f'<div class="n">{h(n)}</div>' for n in loa["numbers"])
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Letter of Authorization</title>
<style>@page {{ size: Letter; margin: 0.75in 0.8in; }}
body {{ font-family: "Nimbus Sans", sans-serif; font-size: 11pt; color: #111; }}
h1 {{ font-size: 17pt; margin: 0; letter-spacing: 0.5px; }} .sub {{ color: #444; font-size: 9.5pt; margin: 3px 0 26px 0; }}
.f {{ margin: 0 0 7px 0; }} .f b {{ font-weight: 700; }}
.numbers {{ margin-top: 18px; }} .n {{ margin: 4px 0 0 28px; }}
.terms {{ margin: 24px 0 40px 0; font-size: 10pt; line-height: 1.45; width: 5.6in; }}
.sign {{ font-family: "Z003", cursive; font-size: 22pt; color: #1a2a6c; margin-left: 14px; }}
.sigline {{ display: flex; justify-content: space-between; border-top: 1px solid #000; padding-top: 3px; width: 6.9in; font-size: 10pt; }}
</style></head><body>
<h1>LETTER OF AUTHORIZATION (LOA)</h1>
<div class="sub">Local number portability - authorization to change service provider</div>
{fields}
<div class="numbers"><b>Telephone numbers to be ported:</b>{numbers}</div>
<div class="terms">I authorize the new provider to act as my agent to port the numbers listed<br>
above. I am the account holder or authorized to sign for the account holder.</div>
<div class="sign">{h(loa["person"])}</div>
<div class="sigline"><span>Authorized Signature</span><span>Date: {h(loa["date"])}</span></div>
</body></html>"""


# ---- The "Letter of Agency" form: label above value (LibreOffice) ------------------------------------

def agency_loa(loa, out):
    d = Fodt(font="Liberation Sans", size=10.5, title="Letter of Agency", margin="0.8in")
    d.p("Letter of Agency - Number Port Request", size=15, bold=True, align="center", space_after="0.25in")
    label = dict(size=8.5, bold=True, color="#333333", space_before="0.12in")
    for k, v in [("BUSINESS NAME (EXACTLY AS SHOWN ON YOUR BILL)", loa["name"]),
                 ("SERVICE ADDRESS", loa["street"] + "\n" + loa["city_line"]),
                 ("NAME OF AUTHORIZED SIGNER", loa["person"]), ("LOSING CARRIER", loa["carrier"]),
                 ("ACCOUNT NUMBER WITH LOSING CARRIER", loa["account"])]:
        d.p(k, **label)
        d.p(v)
    d.p("NUMBERS TO PORT", **label)
    for n in loa["numbers"]:
        d.p(n)
    d.p("", space_after="0.35in")
    d.table([[{"text": "Signature of authorized signer", "size": 9},
              {"text": loa["person"], "font": "Z003", "size": 18, "color": "#1a2a6c"},
              {"text": "Date " + loa["date"], "size": 10}]], [2.1, 2.6, 1.6],
            border=lambda r, c: None, valign="bottom")
    return soffice_pdf(d.xml(), out)


# ---- The invoices (Chromium), three pages ------------------------------------------------------------

INVOICE_CSS = """@page { size: Letter; margin: 0.5in 0.6in; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; margin: 0; color: #111; }
.page { height: 9.9in; position: relative; page-break-after: always; }
.page:last-child { page-break-after: auto; }
.head { display: flex; justify-content: space-between; font-size: 10pt; }
.head .carrier { font-size: 15pt; font-weight: 700; color: #0b3d6e; }
.remit { font-size: 9pt; color: #333; margin: 2px 0 34px 0; }
.cols { display: flex; justify-content: space-between; }
.label { font-size: 8.5pt; font-weight: 700; letter-spacing: 0.8px; color: #0b3d6e; }
.cust div { margin: 1px 0; } .gap { height: 16px; }
.box { width: 2.6in; font-size: 9.5pt; line-height: 1.5; }
h2 { font-size: 11pt; margin: 40px 0 8px 0; }
table { border-collapse: collapse; width: 100%; } td { padding: 2px 6px; font-size: 9.5pt; } td.a { text-align: right; }
.foot { position: absolute; bottom: 0; font-size: 8.5pt; color: #555; }"""

CHARGES = ["29.99", "36.99", "32.99", "39.99", "35.99", "31.99"]


def acme_invoice_html(name, addr):
    pages = []
    for p in range(3):
        head = (f'<div class="head"><span class="carrier">NorthStar Telecom</span><span>Page {p + 1} of 3</span></div>'
                '<div class="remit">Remit payment to: PO Box 7700, Sacramento, CA 95899</div>')
        if p == 0:
            rows = "".join(f'<tr><td>{h(n)}</td><td>Business line, unlimited local</td><td class="a">{CHARGES[i]}</td></tr>'
                           for i, n in enumerate(NUMBERS))
            body = (f'<div class="cols"><div class="cust"><div class="label">ACCOUNT NAME</div><div>{h(name)}</div>'
                    f'<div class="gap"></div><div class="label">SERVICE ADDRESS</div>'
                    + "".join(f"<div>{h(line)}</div>" for line in addr) +
                    '</div><div class="box">Account number: 8841-22017-5<br>Invoice date: Oct 28, 2026<br>'
                    'Amount due: $412.77</div></div>'
                    f'<h2>Itemized charges</h2><table>{rows}</table>')
        else:
            rows = "".join(f'<tr><td>{h(NUMBERS[i % 3])}</td><td>Business line, unlimited local</td>'
                           f'<td class="a">{CHARGES[i]}</td></tr>' for i in range(6))
            body = f'<h2>Itemized charges (continued)</h2><table>{rows}</table>'
        pages.append(f'<div class="page">{head}{body}<div class="foot">Questions? Call customer care. '
                     'Late payments are subject to fees.</div></div>')
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invoice</title>'
            f'<style>{INVOICE_CSS}</style></head><body>{"".join(pages)}</body></html>')


def screenshot_html():
    """The bill as a carrier's web portal shows it: what a customer screenshots."""
    name, addr = "ACME WIDGETS LLC", ["1200 HARBOR BLVD STE 400", "OAKLAND CA 94607-3311"]
    rows = "".join(f'<tr><td>{h(n)}</td><td>Business line, unlimited local</td><td class="a">${CHARGES[i]}</td></tr>'
                   for i, n in enumerate(NUMBERS))
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My bill</title><style>
body {{ margin: 0; font-family: "DejaVu Sans", sans-serif; font-size: 17px; color: #1d1d1f; background: #f2f4f7; }}
.bar {{ background: #0b3d6e; color: #fff; padding: 18px 30px; font-size: 26px; font-weight: 700; }}
.bar span {{ float: right; font-size: 16px; font-weight: 400; margin-top: 6px; }}
.card {{ background: #fff; margin: 26px 30px; padding: 26px 30px; border-radius: 10px; box-shadow: 0 1px 4px #0002; }}
.label {{ font-size: 14px; font-weight: 700; color: #0b3d6e; letter-spacing: 1px; margin-top: 14px; }}
.cols {{ display: flex; justify-content: space-between; }} .right {{ text-align: right; line-height: 1.7; }}
table {{ width: 100%; border-collapse: collapse; }} td {{ padding: 10px 4px; border-bottom: 1px solid #e3e6ea; }}
td.a {{ text-align: right; }} .due {{ font-size: 30px; font-weight: 700; }}
</style></head><body><div class="bar">NorthStar Telecom <span>My Account · Billing</span></div>
<div class="card"><div class="cols"><div><div class="label">ACCOUNT NAME</div><div>{h(name)}</div>
<div class="label">SERVICE ADDRESS</div><div>{h(addr[0])}</div><div>{h(addr[1])}</div></div>
<div class="right">Account number: 8841-22017-5<br>Invoice date: Oct 28, 2026<br>Amount due<br>
<span class="due">$412.77</span></div></div></div>
<div class="card"><div class="label">ITEMIZED CHARGES</div><table>{rows}</table></div>
<div class="card" style="font-size:14px;color:#555">Remit payment to: PO Box 7700, Sacramento, CA 95899.
Questions? Call customer care. Late payments are subject to fees.</div></body></html>"""


# ---- The CSR (groff) ----------------------------------------------------------------------------------

MAPLE_CSR = r""".nr PS 10
.nr VS 13
.LP
.ft B
.ps 13
CUSTOMER SERVICE RECORD
.ps 10
.ft R
.sp 1
.TS
tab(|);
lB l.
CARRIER|MAPLE LEAF COMMUNICATIONS
BTN|514-555-0198
BILLING NAME|BOULANGERIE COTE AND FILS INC
SERVICE ADDRESS|455 RUE SAINT-PAUL OUEST
|MONTREAL QC H2Y2A7
ACCOUNT|ML-300-441-982
.TE
.sp 1
.ft B
WORKING TELEPHONE NUMBERS
.ft R
.TS
tab(|);
l l l.
WTN|514-555-0199|ACTIVE
WTN|514-555-0198|ACTIVE
.TE
"""


# ---- Files that are not documents ---------------------------------------------------------------------

def make_bad(folder, sample_pdf):
    bad = os.path.join(folder, "bad")
    os.makedirs(bad, exist_ok=True)
    open(os.path.join(bad, "empty.pdf"), "wb").close()
    # A PDF header, then bytes that are no PDF at all (the same bytes every run).
    stream = b""
    block = b"porting-garbage"
    while len(stream) < 4096:
        block = hashlib.sha256(block).digest()
        stream += block
    with open(os.path.join(bad, "garbage.pdf"), "wb") as f:
        f.write(b"%PDF-1.4\n" + stream[:4096])
    # A PNG signature and nothing else, named .pdf.
    with open(os.path.join(bad, "not-a-pdf.pdf"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    # The first half of a real PDF: no xref, no trailer, a page tree cut off.
    data = open(sample_pdf, "rb").read()
    with open(os.path.join(bad, "truncated.pdf"), "wb") as f:
        f.write(data[: len(data) // 2])


def cases():
    acme = {"name": "Acme Widgets LLC", "address": "1200 Harbor Boulevard, Suite 400, Oakland, CA 94607",
            "numbers": NUMBERS}
    maple = {"name": "Boulangerie Côté & Fils Inc.", "address": "455 rue Saint-Paul Ouest, Montréal, Québec H2Y 2A7",
             "numbers": MAPLE_LOA["numbers"]}

    def c(id, proof, exp, fields=acme, loa=None, **extra):
        d = {"id": id, "loa": loa or f"{id}-loa.pdf", "proof": proof, "loa_fields": fields, "expect": exp}
        d.update(extra)
        return d
    return [
        c("acme-equivalent", "acme-equivalent-invoice.pdf", {"verdict": "match", "name": "equivalent", "address": "equivalent"}),
        c("acme-exact", "acme-exact-invoice.pdf", {"verdict": "match", "name": "exact", "address": "exact"}),
        c("acme-mismatch", "acme-mismatch-invoice.pdf",
          {"verdict": "mismatch", "name": "mismatch|not-found", "address": "mismatch|not-found"}),
        c("acme-unit-mismatch", "acme-unit-mismatch-invoice.pdf",
          {"verdict": "mismatch", "name": "equivalent", "address": "mismatch|not-found"}),
        c("maple-csr", "maple-csr-csr.pdf", {"verdict": "match", "name": "equivalent", "address": "equivalent"},
          fields=maple),
        c("acme-screenshot", "acme-screenshot-invoice.png",
          {"verdict": "match|review", "name": "exact|equivalent|unreadable", "address": "equivalent|unreadable"}),
        c("acme-encrypted", "acme-encrypted-invoice.pdf", {"error": "password"}, password=PASSWORD),
    ]


def make(folder):
    os.makedirs(folder, exist_ok=True)
    print("  Acme LOAs (chromium)", flush=True)
    acme_loa = os.path.join(folder, "acme-exact-loa.pdf")
    chromium_pdf(acme_loa_html(ACME_LOA), acme_loa)
    for other in ("equivalent", "mismatch", "screenshot", "encrypted"):
        # The same LOA under each case's name, as the customer sends it again.
        shutil.copyfile(acme_loa, os.path.join(folder, f"acme-{other}-loa.pdf"))
    print("  Letter of Agency forms (libreoffice)", flush=True)
    agency_loa(ACME_LOA, os.path.join(folder, "acme-unit-mismatch-loa.pdf"))
    agency_loa(MAPLE_LOA, os.path.join(folder, "maple-csr-loa.pdf"))
    print("  invoices (chromium)", flush=True)
    for kind, (name, addr) in INVOICES.items():
        chromium_pdf(acme_invoice_html(name, addr), os.path.join(folder, f"acme-{kind}-invoice.pdf"))
    # The password-protected one: qpdf, AES-128 (R4: its keys come from the password and the /ID alone,
    # where AES-256 adds random salts), fixed ID and IV so that every run writes the same bytes.
    plain = os.path.join(folder, "acme-encrypted-invoice.pdf")
    locked = plain + ".locked"
    run(["qpdf", "--static-id", "--static-aes-iv", "--encrypt", PASSWORD, "porting-owner-7f3a", "128",
         "--use-aes=y", "--", plain, locked])
    os.replace(locked, plain)
    print("  screenshot (chromium --screenshot)", flush=True)
    chromium_png(screenshot_html(), os.path.join(folder, "acme-screenshot-invoice.png"), 935, 1210)
    print("  CSR (groff)", flush=True)
    groff_pdf(MAPLE_CSR, os.path.join(folder, "maple-csr-csr.pdf"))
    make_bad(folder, os.path.join(folder, "acme-exact-invoice.pdf"))
    with open(os.path.join(folder, "cases.json"), "w", encoding="utf-8") as f:
        json.dump(cases(), f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"  {len(cases())} cases in {folder}")
