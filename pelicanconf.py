"""Pelican settings of the Wielkopolska social-economy portal (development build).

publishconf.py imports everything from here and overrides what production needs.
"""

from __future__ import annotations

import logging
import os
import sys

from jinja2 import FileSystemBytecodeCache

ROOT = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(ROOT, "plugins"))

SITENAME = "Ekonomia społeczna w Wielkopolsce"
SITESUBTITLE = "Portal Regionalnego Ośrodka Polityki Społecznej w Poznaniu"
SITEURL = ""
RELATIVE_URLS = False
PATH = os.path.join(ROOT, "content")
CATALOGUE_PATH = os.path.join(ROOT, "catalogue")
OUTPUT_PATH = os.path.join(ROOT, "output")
THEME = os.path.join(ROOT, "theme")
TIMEZONE = "Europe/Warsaw"
DEFAULT_LANG = "pl"
DEFAULT_PAGINATION = 10
RENDER_WORKERS = os.cpu_count() or 1  # processes reading, rendering and encoding (portal_core.parallel)
DELETE_OUTPUT_DIRECTORY = False  # the build script writes into a fresh folder and swaps it in
CACHE_PATH = os.path.join(ROOT, ".cache", "pelican")
_jinja_cache = os.path.join(os.environ.get("PORTAL_CACHE_DIR", os.path.join(ROOT, ".cache")), "jinja")
os.makedirs(_jinja_cache, exist_ok=True)
LOAD_CONTENT_CACHE = False
PORTAL_BUILD_DATE = os.environ.get("PORTAL_BUILD_DATE", "")
# Film posters inside the privacy facade are decorative (alt=""): the play button carries
# the film's name. Pelican would warn about each of them on every build.
LOG_FILTER = [(logging.WARNING, "Empty alt attribute for image %s in %s")]

PLUGIN_PATHS = [os.path.join(ROOT, "plugins")]
# One plugin: plugins/portal_site/__init__.py lists every step of a build in order (the
# capabilities, pelican-plugins' neighbors included). Read it to know what a build does.
PLUGINS = ["portal_site"]

# Templates autoescape: content HTML is marked safe explicitly where it is HTML.
# Every Pelican generator has its own Jinja environment and compiles the templates again;
# the bytecode cache (keyed by each template's source) keeps the compiled code between
# generators and builds. Every build makes new environments, so an environment need not
# stat each template again on every page it renders (auto_reload).
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "auto_reload": False,
    "lstrip_blocks": True,
    "autoescape": True,
    "extensions": [],
    "bytecode_cache": FileSystemBytecodeCache(_jinja_cache),
}

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
        "markdown.extensions.smarty": {"smart_quotes": False},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

# Content locations (must match portal_content.validate.CONTENT_DIRS)
ARTICLE_PATHS = ["aktualnosci"]
PAGE_PATHS = ["strony"]
STATIC_PATHS: list[str] = []  # source photos go through portal_images, never copied as they are
IGNORE_FILES = [".#*", "*.swp", "README.md"]

# URLs: ASCII-folded Polish, stable, one folder per page
ARTICLE_URL = "aktualnosci/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
# Drafts (status: draft) are never written by `make html` or `make publish`: not as pages,
# and so not in feeds, lists, the sitemap, the search index or share cards. `make
# devserver` shows them under /szkice/ with a "SZKIC" banner (tools/portal.py, --drafts).
DRAFT_URL = "szkice/{slug}/"
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_URL = "szkice/strony/{slug}/"
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
CATEGORY_URL = "aktualnosci/kategoria/{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
CATEGORIES_URL = "aktualnosci/kategorie/"
CATEGORIES_SAVE_AS = CATEGORIES_URL + "index.html"
TAG_URL = "aktualnosci/tag/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
TAGS_URL = "aktualnosci/tagi/"
TAGS_SAVE_AS = TAGS_URL + "index.html"
ARCHIVES_URL = "aktualnosci/archiwum/"
ARCHIVES_SAVE_AS = ARCHIVES_URL + "index.html"
YEAR_ARCHIVE_URL = "aktualnosci/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = YEAR_ARCHIVE_URL + "index.html"
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
INDEX_SAVE_AS = "aktualnosci/index.html"
INDEX_URL = "aktualnosci/"
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/strona/{number}/", "{base_name}/strona/{number}/index.html"),
)
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None, "period_archives": None}
DIRECT_TEMPLATES = ["index", "categories", "tags", "archives"]
TEMPLATE_PAGES = {
    "home.html": "index.html",
    "404.html": "404.html",
    "search.html": "szukaj/index.html",
    "sitemap.html": "mapa-strony/index.html",
}
ARTICLE_ORDER_BY = "reversed-date"
SUMMARY_MAX_LENGTH = 40

# Feeds (Atom): all news and one per category
# Development: entries link relative to the site (SITEURL is empty so the local server
# works on any port) and the feed's own address is the one `make serve` answers on.
# publishconf.py sets an absolute SITEURL and FEED_DOMAIN.
FEED_DOMAIN = "http://127.0.0.1:8000"
FEED_ALL_ATOM = "feeds/aktualnosci.atom.xml"
CATEGORY_FEED_ATOM = "feeds/kategoria-{slug}.atom.xml"
FEED_ALL_RSS = None
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 20

# Main navigation: (label, URL relative to SITEURL).
NAVIGATION = [
    ("Aktualności", "aktualnosci/"),
    ("Podmioty", "podmioty/"),
    ("Katalog", "katalog/"),
    ("Zakup Prospołeczny", "zakup-prospoleczny/"),
    ("Filmy", "filmy/"),
    ("Wydarzenia", "wydarzenia/"),
    ("O ekonomii społecznej", "o-ekonomii-spolecznej/"),
    ("Kontakt", "kontakt/"),
]

OWNER = {
    "name": "Regionalny Ośrodek Polityki Społecznej w Poznaniu",
    "unit": "Dział Koordynacji Integracji Społecznej",
    "address": "ul. Feliksa Nowowiejskiego 11, 61-731 Poznań",
    "phone": "61 856 73 43",
    "phone_href": "+48618567343",
    "email": "es@rops.poznan.pl",
}

# EU funding sign bar (at most four signs; images in theme/static/). These are sample
# signs drawn for the portal, to be replaced by the official files from the project's
# promotion guidelines before publication.
EU_FUNDING_SIGNS = [
    {
        "src": "img/znaki/fundusze-europejskie.svg",
        "alt": "Fundusze Europejskie dla Wielkopolski",
        "width": 230,
        "height": 60,
    },
    {
        "src": "img/znaki/rzeczpospolita-polska.svg",
        "alt": "Rzeczpospolita Polska",
        "width": 155,
        "height": 60,
    },
    {
        "src": "img/znaki/unia-europejska.svg",
        "alt": "Dofinansowane przez Unię Europejską",
        "width": 204,
        "height": 60,
    },
    {
        "src": "img/znaki/wojewodztwo-wielkopolskie.svg",
        "alt": "Województwo Wielkopolskie",
        "width": 170,
        "height": 60,
    },
]
EU_PROJECT = {
    "title": "Koordynacja sektora ekonomii społecznej w Wielkopolsce (dane przykładowe)",
    "beneficiary": "Województwo Wielkopolskie / Regionalny Ośrodek Polityki Społecznej w Poznaniu",
    "value": "4 250 000,00 zł",
    "eu_share": "3 612 500,00 zł",
    "period": "2024–2027",
    "sample": True,
}

# The Content-Security-Policy of the published site, from its one source (the deploy
# headers are written from the same file). Pages carry it as <meta http-equiv> too, for
# hosts that ignore _headers; portal_theme leaves out what a <meta> cannot hold.
with open(os.path.join(ROOT, "deploy", "content-security-policy.txt"), encoding="utf-8") as _policy:
    CONTENT_SECURITY_POLICY = _policy.read().strip()

# The public address of the site: links in open data, feeds' ids, share previews and
# JSON-LD are absolute even in development (SITEURL is empty there). publishconf.py sets
# SITEURL itself. Templates and plugins use SITE_ADDRESS (portal_core.address), made from
# these two when a build starts.
PUBLIC_SITEURL = "https://wielkopolskaes.pl"

# Addresses of the portal's own sections (each capability's pages)
ENTITY_URL = "podmioty/{slug}/"
ENTITY_SAVE_AS = "podmioty/{slug}/index.html"
OWES_URL = "owes/{slug}/"
OWES_SAVE_AS = "owes/{slug}/index.html"
DIRECTORY_URL = "podmioty/"
OWES_INDEX_URL = "owes/"
OPEN_DATA_URL = "dane/"
BUYERS_URL = "dla-zamawiajacych/"
SECTOR_URL = OPEN_DATA_URL + "sektor/"
MONITORING_YEAR_URL = SECTOR_URL + "{slug}/"  # one page per year of monitoring data
CATALOGUE_URL = "katalog/"
PRODUCT_URL = "katalog/{slug}/"
PRODUCT_SAVE_AS = "katalog/{slug}/index.html"
EDITION_URL = "zakup-prospoleczny/edycja-{year}/"
CERTIFICATE_URL = "zakup-prospoleczny/certyfikat/{number}/"
FILMS_URL = "filmy/"
FILM_URL = "filmy/{slug}/"
FILM_MEDIA_URL = "filmy/pliki/"
EVENTS_URL = "wydarzenia/"
EVENT_URL = "wydarzenia/{year}/{slug}/"
EVENTS_CALENDAR = "wydarzenia/kalendarz.ics"
COORDINATION_URL = "koordynacja/"
# easy-to-read Polish (portal_etr): the section and its pages; an item's summary is at
# <its address>tekst-latwy/
ETR_URL = "tekst-latwy/"
ETR_PAGE_URL = "tekst-latwy/{slug}/"
# English for partners and buyers abroad (portal_english): pages of content/en/ (home.md is
# /en/), the directory and the support centres, each paired with its Polish counterpart
SITENAME_EN = "Social economy in Wielkopolska"
SITESUBTITLE_EN = "A portal of the Regional Centre for Social Policy in Poznań"
EN_URL = "en/"
EN_PAGE_URL = "en/{slug}/"
EN_DIRECTORY_URL = "en/directory/"
EN_OWES_URL = "en/support-centres/"
EN_CATALOGUE_URL = "en/catalogue/"
EN_SEARCH_URL = "en/search/"
EN_CERTIFICATE_URL = (
    "en/certificate/"  # a certificate's page: <this>/<number>/ (about it: content/en/certificate.md)
)
NAVIGATION_EN = [
    ("Social economy", "en/social-economy/"),
    ("Directory", "en/directory/"),
    ("Support centres", "en/support-centres/"),
    ("Souvenirs", "en/catalogue/"),
    ("Certificate", "en/certificate/"),
    ("Contact", "en/contact/"),
]
FOOTER_EN = [
    ("Search", "en/search/"),
    ("Accessibility statement", "en/accessibility/"),
    ("Contact", "en/contact/"),
    ("Directory of social enterprises", "en/directory/"),
]
# the Polish Sign Language section: the page content/strony/polski-jezyk-migowy.md (slug pjm),
# linked from every page's header
PJM_URL = "pjm/"
BODY_URL = "koordynacja/{slug}/"
PUBLICATIONS_URL = "wiedza/"
PUBLICATION_URL = "wiedza/{slug}/"
PUBLICATION_FILES_URL = "wiedza/pliki/"
PUBLICATION_MAX_MB = 10  # a publication's file; readers download them on phones too

# Share previews (portal_share): first segment of a page's URL -> the section on its card
SHARE_IMAGE_URL = "obrazy/udostepnij/"
SHARE_SECTIONS = {
    "": "Portal ekonomii społecznej",
    "aktualnosci": "Aktualności",
    "podmioty": "Podmioty ekonomii społecznej",
    "owes": "Ośrodki wsparcia ekonomii społecznej",
    "katalog": "Katalog pamiątek i upominków",
    "zakup-prospoleczny": "Zakup Prospołeczny",
    "filmy": "Filmy",
    "wydarzenia": "Wydarzenia",
    "dane": "Otwarte dane",
    "szukaj": "Wyszukiwarka",
    "mapa-strony": "Mapa strony",
}
SHARE_DEFAULT_SECTION = "Ekonomia społeczna w Wielkopolsce"

# Search (Pagefind) and the production steps (publishconf.py turns these on)
SEARCH_INDEX = True
# empty: every page is indexed in the language its <html lang> declares: Polish, and English
# under /en/ (portal_english); each search page loads the index of its own language
SEARCH_LANGUAGE = ""
# the sections a page can be indexed under (templates set `search_section`)
SEARCH_SECTIONS = [
    "Aktualności",
    "Podmioty",
    "Katalog",
    "Wydarzenia",
    "Filmy",
    "Zakup Prospołeczny",
    "Wiedza",
    "Strony",
]
# the sections of the English pages (their own index, /en/search/)
SEARCH_SECTIONS_EN = ["Pages", "Directory", "Support centres", "Souvenirs", "Certificate"]
PUBLISH_FINGERPRINT = False
PUBLISH_MINIFY = False
PUBLISH_PRECOMPRESS = False
PUBLISH_BROTLI_QUALITY = 11  # 0-11; publishconf.py takes PORTAL_BROTLI_QUALITY from the environment
PUBLISH_HEADERS_FILE = None
SITEMAP_EXCLUDE = ["404.html"]

# Image pipeline (portal_images): widths and formats of every photo's derivatives
IMAGES_WIDTHS = [400, 800, 1200, 1600]
IMAGES_FORMATS = ["avif", "webp", "jpeg"]
IMAGES_QUALITY = {"avif": 55, "webp": 76, "jpeg": 80}
IMAGES_AVIF_SPEED = 8
IMAGES_OUTPUT = "obrazy"
IMAGES_MAX_PIXELS = 40_000_000  # larger photos are refused (decompression bombs)
IMAGES_WORKERS = os.cpu_count() or 1
# PORTAL_CACHE_DIR lets benchmarks measure cold builds without touching the real cache.
IMAGES_CACHE_PATH = os.path.join(os.environ.get("PORTAL_CACHE_DIR", os.path.join(ROOT, ".cache")), "images")
# Validated content and converted Markdown, kept between builds (portal_content.preload)
CONTENT_CACHE_PATH = os.path.join(os.environ.get("PORTAL_CACHE_DIR", os.path.join(ROOT, ".cache")), "content")

# Editing in the browser (plugins/portal_cms, docs/redakcja.md, deploy/cms.md): Decap CMS at
# /admin/, its configuration generated from the content schemas at every build.
CMS_ENABLED = True
# The git working copy the CMS writes into; None: the folder that holds PATH and CATALOGUE_PATH
CMS_REPOSITORY_ROOT = None
CMS_BUNDLE_DIR = os.path.join(
    ROOT, "node_modules", "decap-cms", "dist"
)  # npm ci installs it (package-lock.json)
# The git host for production: publishconf.py (ROPS's GitLab). Locally the CMS uses the
# local backend of `make edytor` (decap-server on 127.0.0.1:8081), which writes straight
# into this working copy.
CMS_BACKEND = {"name": "gitlab", "repo": "rops/portal-es", "branch": "main"}
CMS_LOCAL_BACKEND = f"http://127.0.0.1:{os.environ.get('PORTAL_CMS_PORT', '8081')}/api/v1"
# make edytor TRYB=przeglad: review before publishing, each change on a git branch of this
# working copy (decap-server's git mode), as merge requests are on the git host
CMS_PUBLISH_MODE = "editorial_workflow" if os.environ.get("PORTAL_CMS_REVIEW") == "1" else "simple"
