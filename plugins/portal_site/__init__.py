"""portal_site: the portal's one Pelican plugin - every step of a build, in order.

This file is the wiring: read it top to bottom to know what a build does and in which
order. The capabilities (portal_content, portal_directory, ...) declare what they have
- content kinds, cross-file checkers, handlers - and connect nothing themselves; they reach
each other only through the public functions named here, never by a generator's class
name and never through another module's leading-underscore names. Pelican calls the
receivers of one signal in the order they were connected, which is the order of the lists
below.

Handler names follow one rule: ``setup`` for ``initialized``, ``get_generators`` for
``get_generators``, ``link`` for ``all_generators_finalized`` (relations between content
items are resolved there, once), ``finish`` for ``finalized``.
"""

from __future__ import annotations

from pelican import signals
from pelican.plugins.neighbors.neighbors import neighbors
from portal_build import render
from portal_catalogue import plugin as catalogue
from portal_certification import plugin as certification
from portal_cms import plugin as cms
from portal_content import plugin as content
from portal_content import relations, validate
from portal_coordination import plugin as coordination
from portal_core import address, timing
from portal_directory import generator as directory_generator
from portal_directory import plugin as directory
from portal_english import plugin as english
from portal_etr import plugin as etr
from portal_events import plugin as events
from portal_films import plugin as films
from portal_films.embed import embedded_films
from portal_images import plugin as images
from portal_monitoring import plugin as monitoring
from portal_procurement import generator as procurement_generator
from portal_procurement import plugin as procurement
from portal_publications import plugin as publications
from portal_publish import plugin as publish
from portal_share import plugin as share
from portal_theme import components
from portal_theme import plugin as theme

# Content kinds (news and pages are portal_content's own), in the order problems are listed.
KINDS = [
    *directory.KINDS,
    *catalogue.KINDS,
    *certification.KINDS,
    *films.KINDS,
    *events.KINDS,
    *publications.KINDS,
    *monitoring.KINDS,
    *coordination.KINDS,
    *etr.KINDS,
    *english.KINDS,
]
CHECKERS = [
    directory.check_directory,
    catalogue.check_catalogue,
    certification.check_editions,
    films.check_films,
    events.check_events,
    procurement.check_procurement,
    publications.check_publications,
    monitoring.check_monitoring,
    coordination.check_coordination,
    english.check_english,
]
# What is told to the editor without stopping a build (portal_content.validate.NOTICE_SOURCES)
NOTICES = [*publications.NOTICES, *etr.NOTICES]
DATA_FILES = [*directory.DATA_FILES, *procurement.DATA_FILES]
# What a Markdown body embeds from other content files (films' [film: ...] lines)
EMBED_FINDERS = [embedded_films]

# What rendering in a worker process leaves behind besides files, sent back to the
# building process: photos asked for by <picture>, share cards.
RENDER_STATE = [
    ("portal_images", images.take_requested, images.merge_requested),
    ("portal_share", share.take_cards, share.merge_cards),
]

STEPS = [
    # A build starts: the public address, Jinja globals and filters, the state of the last
    # build forgotten (the devserver runs many builds in one process). Every setting's
    # default is in pelicanconf.py.
    (signals.initialized, address.setup),  # SITE_ADDRESS: the public address, made once
    (signals.initialized, render.setup),  # forget the last build; note who reads which text
    (signals.initialized, components.setup),  # rendering template components from Python
    (signals.initialized, images.setup),  # the photo pipeline; Jinja global `picture`
    (signals.initialized, theme.setup),  # theme settings checked; filters; build date
    (signals.initialized, directory.setup),
    (signals.initialized, catalogue.setup),
    (signals.initialized, certification.setup),
    (signals.initialized, procurement.setup),  # the PS register's address for profiles
    (signals.initialized, films.setup),  # [film: ...] in Markdown
    (signals.initialized, etr.setup),  # easy-to-read summaries in any template
    (signals.initialized, english.setup),  # the frame's words; each page's other language
    (signals.initialized, share.setup),  # share previews; Jinja global `share_image`
    (signals.initialized, publish.setup),
    # Reading: our YAML-front-matter reader is the only one.
    (signals.readers_init, content.add_reader),
    # Generators: the whole content is validated first (nothing is written on a problem),
    # then each capability adds its generator.
    (signals.get_generators, content.validate_before_build),
    (signals.get_generators, directory_generator.get_generators),
    (signals.get_generators, catalogue.get_generators),
    (signals.get_generators, certification.get_generators),
    (signals.get_generators, films.get_generators),
    (signals.get_generators, events.get_generators),
    (signals.get_generators, procurement_generator.get_generators),
    (signals.get_generators, publications.get_generators),
    (signals.get_generators, monitoring.get_generators),
    (signals.get_generators, coordination.get_generators),
    (signals.get_generators, etr.get_generators),  # after the others: it lists their items
    (signals.get_generators, english.get_generators),  # after the directory: pairs its pages
    (signals.get_writer, render.get_writer),  # records the pages; renders them in parallel
    (signals.article_generator_finalized, theme.news_years),
    (signals.article_generator_finalized, neighbors),  # pelican-plugins' neighbors
    # Every generator has read its content: fixed URLs, then relations across capabilities.
    (signals.all_generators_finalized, render.keep_generators),
    # (each model declares its relations: an entity its products, certificates, films and
    # events; a product its maker ... - portal_content.relations resolves them all at once)
    (signals.all_generators_finalized, relations.link),
    # Pages written: Pelican announces each; portal_publish notes them for the sitemap.
    (signals.content_written, publish.remember),
    (render.pages_rendered, publish.start_search),  # Pagefind starts while photos are copied
    # The site is finished: pages first (rendered in parallel), then what they asked for.
    (signals.finalized, render.finish),
    (signals.finalized, images.finish),  # encode what the cache lacks, copy derivatives
    (signals.finalized, share.finish),  # draw the share cards the cache lacks
    (signals.finalized, publish.finish),  # sitemap, robots.txt, search index, production steps
    (signals.finalized, cms.finish),  # /admin/ (Decap CMS): after the sitemap and search index
]


def register_content() -> None:
    """Make portal_content know every kind, checker and data file (idempotent: tests that
    validate content without a build call it too)."""
    for kind in KINDS:
        validate.register_kind(kind)
    for checker in CHECKERS:
        validate.register_checker(checker)
    for root, relative in DATA_FILES:
        validate.register_data_file(root, relative)
    for finder in EMBED_FINDERS:
        validate.register_embed_finder(finder)
    for source in NOTICES:
        validate.register_notice_source(source)


def register() -> None:
    """Pelican's entry point (PLUGINS = ["portal_site"])."""
    register_content()
    for name, take, merge in RENDER_STATE:
        render.render_state(name, take, merge)
    for signal, handler in STEPS:
        if timing.enabled():  # PORTAL_TIMINGS=1: each step's seconds (portal_core.timing)
            name = f"{signal.name}: {handler.__module__}.{handler.__name__}"
            signal.connect(timing.timed(name, handler), weak=False)
        else:
            signal.connect(handler)
