"""Make the sample publications of the knowledge library (content/wiedza/) and their files
(content/pliki/wiedza/): invented, marked `sample: true` and "Dane przykładowe" in every
file. Run once by a developer (`.venv/bin/python tools/sample_publications.py`); the
output is committed. Re-running rewrites the sample files only.

The PDFs are made with fpdf2 and the DejaVu font of the share cards (Polish letters).
Some are tagged (fpdf2 writes a structure tree when a figure has alternative text), some
are not, one has no title in its metadata: the library's checks and the accessibility
statement's list show both kinds. One publication is an ODT (odfpy), one has an XLSX
annex (openpyxl)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FONT = ROOT / "plugins" / "portal_share" / "fonts" / "DejaVuSans.ttf"
FONT_BOLD = ROOT / "plugins" / "portal_share" / "fonts" / "DejaVuSans-Bold.ttf"
ROPS = "Regionalny Ośrodek Polityki Społecznej w Poznaniu"

# slug, title, type, date, authors, area (subregion, powiaty, gminy), topics, file kind,
# tagged, titled, language, summary paragraphs
SAMPLES = [
    (
        "raport-z-monitoringu-2025",
        "Ekonomia społeczna w Wielkopolsce. Raport z monitoringu 2025",
        "raport-z-monitoringu",
        "2026-06-15",
        [ROPS],
        None,
        ["monitoring", "zatrudnienie"],
        "pdf+xlsx",
        True,
        True,
        "pl",
        [
            "Raport podsumowuje stan sektora ekonomii społecznej w Wielkopolsce na koniec 2025 roku: liczbę podmiotów według form prawnych i powiatów, liczbę przedsiębiorstw społecznych oraz miejsca pracy osób zagrożonych wykluczeniem.",
            "Najszybciej przybywało przedsiębiorstw społecznych w subregionach kaliskim i leszczyńskim; w subregionie pilskim liczba podmiotów pozostała stabilna. Aneks w arkuszu XLSX zawiera tabele dla wszystkich 35 powiatów.",
        ],
    ),
    (
        "raport-z-monitoringu-2024",
        "Ekonomia społeczna w Wielkopolsce. Raport z monitoringu 2024",
        "raport-z-monitoringu",
        "2025-06-20",
        [ROPS],
        None,
        ["monitoring"],
        "pdf",
        True,
        True,
        "pl",
        [
            "Drugi raport z regionalnego systemu monitoringu ekonomii społecznej: dane o podmiotach, zatrudnieniu i wsparciu udzielonym przez ośrodki wsparcia ekonomii społecznej w 2024 roku.",
            "Raport po raz pierwszy porównuje dane rejestrowe z wynikami ankiety przeprowadzonej wśród podmiotów.",
        ],
    ),
    (
        "raport-z-monitoringu-2023",
        "Ekonomia społeczna w Wielkopolsce. Raport z monitoringu 2023",
        "raport-z-monitoringu",
        "2024-06-18",
        [ROPS],
        None,
        ["monitoring"],
        "pdf",
        False,
        True,
        "pl",
        [
            "Pierwszy raport regionalnego monitoringu po wejściu w życie ustawy o ekonomii społecznej. Opisuje sposób zbierania danych, źródła i ograniczenia oraz punkt wyjścia do porównań w kolejnych latach."
        ],
    ),
    (
        "diagnoza-lokalna-zlotow",
        "Diagnoza lokalna ekonomii społecznej: gmina Złotów",
        "diagnoza-lokalna",
        "2025-09-30",
        ["Ośrodek Wsparcia Ekonomii Społecznej w Pile"],
        ("pilski", ["złotowski"], ["gmina wiejska Złotów"]),
        ["monitoring", "uslugi-spoleczne"],
        "pdf",
        False,
        True,
        "pl",
        [
            "Diagnoza opisuje podmioty ekonomii społecznej działające w gminie Złotów, potrzeby mieszkańców w zakresie usług społecznych i możliwości ich zlecania lokalnym podmiotom.",
            "Rekomenduje utworzenie klubu integracji społecznej i stosowanie klauzul społecznych w zamówieniach gminy na utrzymanie zieleni.",
        ],
    ),
    (
        "diagnoza-lokalna-gniezno",
        "Diagnoza lokalna ekonomii społecznej: miasto Gniezno",
        "diagnoza-lokalna",
        "2025-10-15",
        ["Wielkopolski Ośrodek Ekonomii Społecznej w Koninie"],
        ("koninski", ["gnieźnieński"], ["Gniezno"]),
        ["monitoring", "zatrudnienie"],
        "pdf",
        True,
        True,
        "pl",
        [
            "Diagnoza zestawia dane o bezrobociu, usługach społecznych i podmiotach ekonomii społecznej w Gnieźnie z wynikami warsztatów z mieszkańcami i urzędnikami.",
            "Wskazuje trzy obszary współpracy miasta z podmiotami: catering dla szkół, usługi opiekuńcze i remonty lokali komunalnych.",
        ],
    ),
    (
        "diagnoza-lokalna-ostrow",
        "Diagnoza lokalna ekonomii społecznej: Ostrów Wielkopolski",
        "diagnoza-lokalna",
        "2024-11-20",
        ["Ośrodek Wsparcia Ekonomii Społecznej w Kaliszu"],
        ("kaliski", ["ostrowski"], ["Ostrów Wielkopolski"]),
        ["monitoring"],
        "pdf",
        False,
        False,
        "pl",
        [
            "Diagnoza przedstawia podmioty ekonomii społecznej w Ostrowie Wielkopolskim i okolicach oraz ich współpracę z samorządem.",
            "Najwięcej możliwości rozwoju autorzy widzą w spółdzielniach inwalidów i zakładach aktywności zawodowej, które mają doświadczenie w produkcji na zamówienie.",
        ],
    ),
    (
        "diagnoza-lokalna-koscian",
        "Diagnoza lokalna ekonomii społecznej: gmina miejska Kościan",
        "diagnoza-lokalna",
        "2026-03-10",
        ["Leszczyński Ośrodek Wsparcia Ekonomii Społecznej"],
        ("leszczynski", ["kościański"], ["Kościan"]),
        ["uslugi-spoleczne", "zatrudnienie"],
        "pdf",
        True,
        True,
        "pl",
        [
            "Diagnoza opisuje działalność centrum integracji społecznej w Kościanie, jego uczestników i absolwentów oraz zapotrzebowanie lokalnych pracodawców.",
            "Proponuje program zatrudnienia wspieranego dla absolwentów centrum we współpracy z urzędem pracy.",
        ],
    ),
    (
        "diagnoza-lokalna-szamotuly",
        "Diagnoza lokalna ekonomii społecznej: gmina Szamotuły",
        "diagnoza-lokalna",
        "2026-05-05",
        ["Wielkopolskie Centrum Ekonomii Solidarnej"],
        ("poznanski", ["szamotulski"], ["Szamotuły"]),
        ["monitoring", "zamowienia"],
        "pdf",
        True,
        True,
        "pl",
        [
            "Diagnoza sprawdza, co gmina Szamotuły kupuje od podmiotów ekonomii społecznej, i porównuje to z ofertą podmiotów z powiatu szamotulskiego.",
            "Autorzy proponują coroczny przegląd planu zamówień pod kątem zamówień zastrzeżonych i klauzul zatrudnieniowych.",
        ],
    ),
    (
        "ewaluacja-owes-2023-2025",
        "Ewaluacja działalności ośrodków wsparcia ekonomii społecznej w Wielkopolsce 2023–2025",
        "ewaluacja",
        "2026-02-27",
        ["Pracownia Badań Społecznych (zespół przykładowy)"],
        None,
        ["wsparcie-owes", "koordynacja"],
        "pdf",
        True,
        True,
        "pl",
        [
            "Ewaluacja ocenia skuteczność, efektywność i trwałość wsparcia udzielonego przez pięć OWES w latach 2023–2025: doradztwa, szkoleń i dotacji na miejsca pracy.",
            "Z ankiet wynika, że podmioty najwyżej cenią doradztwo biznesowe; rekomendacje dotyczą lepszej współpracy OWES z powiatowymi urzędami pracy.",
        ],
    ),
    (
        "ocena-zakup-prospoleczny",
        "Ocena znaku Zakup Prospołeczny 2010–2024",
        "ewaluacja",
        "2025-04-30",
        [ROPS],
        None,
        ["zamowienia"],
        "pdf",
        False,
        True,
        "pl",
        [
            "Ocena podsumowuje czternaście edycji certyfikacji Zakup Prospołeczny: liczbę certyfikowanych podmiotów i produktów, opinie nabywców i wpływ znaku na sprzedaż.",
            "Rekomenduje publikowanie aktualnej listy ważnych certyfikatów i weryfikację certyfikatu po numerze.",
        ],
    ),
    (
        "program-rozwoju-es-2030",
        "Regionalny program rozwoju ekonomii społecznej w Wielkopolsce do 2030 roku",
        "program",
        "2024-12-16",
        ["Zarząd Województwa Wielkopolskiego", ROPS],
        None,
        ["koordynacja", "finansowanie"],
        "pdf",
        True,
        True,
        "pl",
        [
            "Program określa cele województwa w rozwoju ekonomii społecznej do 2030 roku: więcej miejsc pracy dla osób zagrożonych wykluczeniem, zlecanie usług społecznych podmiotom ekonomii społecznej i zakupy społecznie odpowiedzialne.",
            "Dokument zawiera wskaźniki, które co roku sprawdza regionalny monitoring, i zasady koordynacji przez ROPS.",
        ],
    ),
    (
        "uchwala-komitetu-1-2025",
        "Uchwała nr 1/2025 Regionalnego Komitetu Rozwoju Ekonomii Społecznej w sprawie planu pracy na 2025 rok",
        "uchwala",
        "2025-03-12",
        ["Regionalny Komitet Rozwoju Ekonomii Społecznej"],
        None,
        ["koordynacja"],
        "odt",
        None,
        True,
        "pl",
        [
            "Komitet przyjął plan pracy na 2025 rok: cztery posiedzenia, przegląd działań grup roboczych i opinię o projekcie raportu z monitoringu."
        ],
    ),
    (
        "uchwala-komitetu-2-2025",
        "Uchwała nr 2/2025 Regionalnego Komitetu Rozwoju Ekonomii Społecznej w sprawie oceny koordynacji",
        "uchwala",
        "2025-11-18",
        ["Regionalny Komitet Rozwoju Ekonomii Społecznej"],
        None,
        ["koordynacja"],
        "pdf",
        True,
        True,
        "pl",
        [
            "Komitet ocenił koordynację rozwoju ekonomii społecznej przez ROPS w 2025 roku pozytywnie i zalecił większy udział samorządów powiatowych w grupach roboczych."
        ],
    ),
    (
        "protokol-komitetu-2025-03",
        "Protokół z posiedzenia Regionalnego Komitetu Rozwoju Ekonomii Społecznej, 12 marca 2025",
        "protokol",
        "2025-03-28",
        ["Sekretariat Komitetu (ROPS)"],
        None,
        ["koordynacja"],
        "pdf",
        False,
        True,
        "pl",
        [
            "Protokół z pierwszego posiedzenia w 2025 roku: przyjęcie planu pracy, informacja o naborze wniosków OWES, dyskusja o zakupach społecznie odpowiedzialnych w powiatach."
        ],
    ),
    (
        "protokol-komitetu-2025-11",
        "Protokół z posiedzenia Regionalnego Komitetu Rozwoju Ekonomii Społecznej, 18 listopada 2025",
        "protokol",
        "2025-12-02",
        ["Sekretariat Komitetu (ROPS)"],
        None,
        ["koordynacja"],
        "pdf",
        True,
        True,
        "pl",
        [
            "Protokół z posiedzenia, na którym komitet przyjął ocenę koordynacji za 2025 rok i wysłuchał sprawozdań pięciu grup roboczych."
        ],
    ),
    (
        "poradnik-klauzule-spoleczne",
        "Klauzule społeczne w praktyce gmin. Poradnik dla zamawiających",
        "poradnik",
        "2025-08-29",
        [ROPS],
        None,
        ["zamowienia"],
        "pdf",
        True,
        True,
        "pl",
        [
            "Poradnik pokazuje na przykładach z Wielkopolski, jak gmina może zastrzec zamówienie dla podmiotów ekonomii społecznej albo wymagać zatrudnienia osób z grup zagrożonych wykluczeniem.",
            "Zawiera wzory zapisów do ogłoszeń i umów oraz listę pytań, które warto zadać przed wszczęciem postępowania.",
        ],
    ),
    (
        "poradnik-spoldzielnia-socjalna",
        "Jak założyć spółdzielnię socjalną. Poradnik krok po kroku",
        "poradnik",
        "2024-09-10",
        ["Wielkopolskie Centrum Ekonomii Solidarnej"],
        None,
        ["edukacja", "zatrudnienie"],
        "pdf",
        False,
        True,
        "pl",
        [
            "Poradnik prowadzi przez założenie spółdzielni socjalnej: od grupy założycieli i statutu, przez rejestrację w KRS, po pierwsze zlecenia i wsparcie OWES."
        ],
    ),
    (
        "prezentacja-gala-2025",
        "Zakup Prospołeczny 2025 – prezentacja z gali",
        "prezentacja",
        "2025-11-20",
        [ROPS],
        None,
        ["zamowienia"],
        "pdf",
        False,
        True,
        "pl",
        [
            "Prezentacja pokazana na gali Zakup Prospołeczny 2025: certyfikowane podmioty, ich produkty i usługi oraz nabywcy, którzy z nich korzystają."
        ],
    ),
    (
        "prezentacja-monitoring-2025",
        "Sektor ekonomii społecznej w liczbach – wyniki monitoringu 2025",
        "prezentacja",
        "2026-06-16",
        [ROPS],
        None,
        ["monitoring"],
        "pdf",
        True,
        True,
        "pl",
        [
            "Prezentacja najważniejszych wyników monitoringu 2025: liczba podmiotów i przedsiębiorstw społecznych w powiatach, miejsca pracy i wsparcie OWES, z wykresami opisanymi tekstem alternatywnym."
        ],
    ),
    (
        "social-economy-wielkopolska-2025",
        "Social economy in Wielkopolska 2025 – summary in English",
        "raport-z-monitoringu",
        "2026-07-01",
        [ROPS],
        None,
        ["monitoring"],
        "pdf",
        True,
        True,
        "en",
        [
            "A short English summary of the 2025 monitoring report: the number of social economy entities and social enterprises in the region, jobs for people at risk of exclusion, and the support given by the five support centres.",
            "Prepared for partners of the European Social Economy Regions network and for foreign buyers.",
        ],
    ),
]


def chart_png() -> bytes:
    """A small bar chart for the tagged PDFs (its alternative text tags the figure)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (480, 240), "white")
    draw = ImageDraw.Draw(image)
    for index, height in enumerate((120, 150, 90, 170, 130)):
        draw.rectangle((40 + index * 85, 220 - height, 100 + index * 85, 220), fill=(11, 74, 111))
    draw.line((30, 220, 460, 220), fill="black", width=2)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def pdf(title: str, paragraphs: list[str], tagged: bool, titled: bool, language: str) -> bytes:
    from fpdf import FPDF

    document = FPDF()
    document.add_font("DejaVu", "", str(FONT))
    document.add_font("DejaVu", "B", str(FONT_BOLD))
    if titled:
        document.set_title(title)
    document.set_lang(language)
    document.set_author(ROPS)
    document.set_creation_date(
        __import__("datetime").datetime(2026, 11, 29, tzinfo=__import__("datetime").UTC)
    )
    note = (
        "Dane przykładowe: publikacja zmyślona na potrzeby demonstracji portalu."
        if language == "pl"
        else "Sample data: an invented publication for the portal's demonstration."
    )
    for page in range(2):
        document.add_page()
        document.set_font("DejaVu", "B", 16)
        document.multi_cell(
            0, 9, title if page == 0 else title + (" (cd.)" if language == "pl" else " (cont.)")
        )
        document.ln(4)
        document.set_font("DejaVu", "", 11)
        document.multi_cell(0, 6, note)
        document.ln(4)
        for paragraph in paragraphs:
            document.multi_cell(0, 6, paragraph)
            document.ln(3)
        if tagged and page == 0:
            alt = (
                "Wykres słupkowy: liczba podmiotów w pięciu subregionach (dane przykładowe)"
                if language == "pl"
                else "Bar chart: entities in the five subregions (sample data)"
            )
            document.image(io.BytesIO(chart_png()), w=120, alt_text=alt)
    return bytes(document.output())


def odt(title: str, paragraphs: list[str]) -> bytes:
    from odf import dc
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text=title))
    document.meta.addElement(dc.Language(text="pl-PL"))
    document.text.addElement(H(outlinelevel=1, text=title))
    document.text.addElement(P(text="Dane przykładowe: dokument zmyślony na potrzeby demonstracji portalu."))
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def xlsx(title: str) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Podregiony"
    sheet.append(
        ["Subregion", "Podmioty ekonomii społecznej", "Przedsiębiorstwa społeczne (dane przykładowe)"]
    )
    for row in (
        ("poznański", 412, 41),
        ("koniński", 268, 29),
        ("pilski", 174, 18),
        ("kaliski", 301, 36),
        ("leszczyński", 245, 29),
    ):
        sheet.append(list(row))
    book.properties.title = title
    book.properties.language = "pl-PL"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# the committee or working group that issued a publication (portal_coordination)
BODIES = {
    "uchwala-komitetu-1-2025": "regionalny-komitet",
    "uchwala-komitetu-2-2025": "regionalny-komitet",
    "protokol-komitetu-2025-03": "regionalny-komitet",
    "protokol-komitetu-2025-11": "regionalny-komitet",
    "raport-z-monitoringu-2025": "grupa-monitoringu-i-ewaluacji",
    "poradnik-klauzule-spoleczne": "grupa-sieciowania-finansow-i-biznesu",
}


def front_matter(slug, title, kind, date, authors, area, topics, files, language) -> str:
    import yaml

    data = {
        "title": title,
        "type": kind,
        "date": date,
        "authors": authors,
        "publisher": authors[-1]
        if authors[-1] != "Pracownia Badań Społecznych (zespół przykładowy)"
        else ROPS,
    }
    if area:
        subregion, powiaty, gminy = area
        data["area"] = {"subregion": subregion, "powiaty": powiaty, "gminy": gminy}
    data["language"] = language
    data["topics"] = topics
    data["files"] = files
    if slug in BODIES:
        data["group"] = BODIES[slug]
    data["sample"] = True
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def main() -> int:
    import datetime as dt

    from portal_procurement.guide import reproducible  # dated ZIP members: the same bytes each run

    day = dt.date(2026, 11, 29)
    pages = ROOT / "content" / "wiedza"
    files = ROOT / "content" / "pliki" / "wiedza"
    pages.mkdir(parents=True, exist_ok=True)
    files.mkdir(parents=True, exist_ok=True)
    for slug, title, kind, date, authors, area, topics, form, tagged, titled, language, summary in SAMPLES:
        named = []
        if form.startswith("pdf"):
            (files / f"{slug}.pdf").write_bytes(pdf(title, summary, tagged, titled, language))
            named.append(
                {
                    "document": f"pliki/wiedza/{slug}.pdf",
                    "label": "Pełny tekst (PDF)" if language == "pl" else "Full text (PDF)",
                }
            )
        if form == "odt":
            (files / f"{slug}.odt").write_bytes(reproducible(odt(title, summary), day))
            named.append({"document": f"pliki/wiedza/{slug}.odt", "label": "Tekst uchwały (ODT)"})
        if form.endswith("xlsx"):
            (files / f"{slug}-tabele.xlsx").write_bytes(reproducible(xlsx(title + " – tabele"), day))
            named.append({"document": f"pliki/wiedza/{slug}-tabele.xlsx", "label": "Aneks: tabele (XLSX)"})
        body = (
            "\n\n".join(summary)
            + "\n\n*Dane przykładowe: publikacja zmyślona na potrzeby demonstracji portalu.*\n"
        )
        text = (
            "---\n"
            + front_matter(slug, title, kind, date, authors, area, topics, named, language)
            + "---\n"
            + body
        )
        (pages / f"{slug}.md").write_text(text, encoding="utf-8")
    print(f"{len(SAMPLES)} publikacji w {pages.relative_to(ROOT)}, pliki w {files.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "plugins"))
    raise SystemExit(main())
