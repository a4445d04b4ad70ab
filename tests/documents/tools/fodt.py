"""A small writer of flat ODF text documents (.fodt) for LibreOffice to print."""

import base64
from xml.sax.saxutils import escape

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')


class Fodt:
    def __init__(self, font="Liberation Sans", size=10, margin="0.6in", title=None, lang="en", country="US"):
        self.font = font
        self.size = size
        self.margin = margin
        self.title = title
        self.lang = lang
        self.country = country
        self.styles = {}
        self.body = []
        self.n = 0

    # Styles are made on demand and named by what they say.
    def _style(self, family, props_tag, props, text_props=None):
        key = (family, props_tag, tuple(sorted(props.items())), tuple(sorted((text_props or {}).items())))
        if key not in self.styles:
            name = f"s{len(self.styles) + 1}"
            attrs = " ".join(f'{k}="{v}"' for k, v in props.items())
            inner = f"<style:{props_tag} {attrs}/>" if props_tag else ""
            if text_props:
                inner += "<style:text-properties " + " ".join(f'{k}="{v}"' for k, v in text_props.items()) + "/>"
            self.styles[key] = (name, f'<style:style style:name="{name}" style:family="{family}">{inner}</style:style>')
        return self.styles[key][0]

    def pstyle(self, size=None, bold=False, italic=False, align=None, color=None, font=None,
               space_before=None, space_after="0.02in", page_break=False):
        props = {}
        if align:
            props["fo:text-align"] = align
        if space_before:
            props["fo:margin-top"] = space_before
        if space_after:
            props["fo:margin-bottom"] = space_after
        if page_break:
            props["fo:break-before"] = "page"
        text = {}
        if size:
            text["fo:font-size"] = f"{size}pt"
        if bold:
            text["fo:font-weight"] = "bold"
        if italic:
            text["fo:font-style"] = "italic"
        if color:
            text["fo:color"] = color
        if font:
            text["style:font-name"] = font
        return self._style("paragraph", "paragraph-properties", props, text)

    def para_xml(self, text, **style):
        name = self.pstyle(**style)
        lines = text.split("\n")
        inner = "<text:line-break/>".join(escape(line) for line in lines)
        return f'<text:p text:style-name="{name}">{inner}</text:p>'

    def p(self, text="", **style):
        self.body.append(self.para_xml(text, **style))

    def raw(self, xml):
        self.body.append(xml)

    def image_xml(self, png, width_in, height_in):
        self.n += 1
        data = base64.b64encode(png).decode()
        return (f'<draw:frame draw:name="img{self.n}" text:anchor-type="as-char" svg:width="{width_in}in" '
                f'svg:height="{height_in}in"><draw:image><office:binary-data>{data}</office:binary-data>'
                f'</draw:image></draw:frame>')

    def table(self, rows, widths, border=None, padding="0.04in", valign="top", cell_styles=None):
        """rows: lists of cells; a cell is a str (paragraphs split on \\n\\n), or a dict
        {"xml": ..} / {"text": .., style...}. widths in inches."""
        self.n += 1
        total = sum(widths)
        tname = self._style("table", "table-properties", {"style:width": f"{total}in", "table:align": "left"})
        out = [f'<table:table table:name="Table{self.n}" table:style-name="{tname}">']
        for w in widths:
            cname = self._style("table-column", "table-column-properties", {"style:column-width": f"{w}in"})
            out.append(f'<table:table-column table:style-name="{cname}"/>')
        for r, row in enumerate(rows):
            out.append("<table:table-row>")
            for c, cell in enumerate(row):
                cprops = {"fo:padding": padding, "style:vertical-align": valign}
                b = border(r, c) if callable(border) else border
                cprops["fo:border"] = b if b else "none"
                if cell_styles and (r, c) in cell_styles:
                    cprops.update(cell_styles[(r, c)])
                cs = self._style("table-cell", "table-cell-properties", cprops)
                out.append(f'<table:table-cell table:style-name="{cs}" office:value-type="string">')
                if isinstance(cell, dict) and "xml" in cell:
                    out.append(cell["xml"])
                elif isinstance(cell, dict):
                    st = {k: v for k, v in cell.items() if k != "text"}
                    for para in cell["text"].split("\n\n"):
                        out.append(self.para_xml(para, **st))
                else:
                    for para in (cell or "").split("\n\n"):
                        out.append(self.para_xml(para))
                out.append("</table:table-cell>")
            out.append("</table:table-row>")
        out.append("</table:table>")
        self.body.append("".join(out))

    def xml(self):
        fonts = {self.font, "Liberation Sans", "Liberation Serif", "DejaVu Sans", "Z003", "Nimbus Sans", "Liberation Mono"}
        faces = "".join(f'<style:font-face style:name="{f}" svg:font-family="\'{f}\'"/>' for f in sorted(fonts))
        autos = "".join(s for _, s in self.styles.values())
        meta = f"<office:meta><dc:title>{escape(self.title)}</dc:title></office:meta>" if self.title else ""
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
                f'office:mimetype="application/vnd.oasis.opendocument.text">{meta}'
                f'<office:font-face-decls>{faces}</office:font-face-decls>'
                f'<office:styles><style:default-style style:family="paragraph">'
                f'<style:text-properties style:font-name="{self.font}" fo:font-size="{self.size}pt" '
                f'fo:language="{self.lang}" fo:country="{self.country}"/></style:default-style>'
                f'<style:style style:name="Standard" style:family="paragraph"/></office:styles>'
                f'<office:automatic-styles><style:page-layout style:name="pm1">'
                f'<style:page-layout-properties fo:page-width="8.5in" fo:page-height="11in" '
                f'fo:margin-top="{self.margin}" fo:margin-bottom="{self.margin}" fo:margin-left="{self.margin}" '
                f'fo:margin-right="{self.margin}"/></style:page-layout>{autos}</office:automatic-styles>'
                f'<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/>'
                f'</office:master-styles><office:body><office:text>{"".join(self.body)}</office:text>'
                f'</office:body></office:document>')
