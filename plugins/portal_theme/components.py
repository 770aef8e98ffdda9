"""Template components rendered from Python: one Jinja environment over the theme.

The markup of the portal is in theme/templates/. Where Python needs a component's HTML -
the ``picture`` and ``film_player`` Jinja globals, which describe a photo or a film first,
and the ``[film: ...]`` Markdown extension, which renders outside any template - it calls
the component's macro through ``macro``. The environment has the build's Jinja options
(autoescape, whitespace control, the bytecode cache) and SITEURL; ``setup`` (an
``initialized`` step) makes a new one for every build.
"""

from __future__ import annotations

import os
from typing import Any

from jinja2 import Environment, FileSystemLoader

_state: dict[str, Any] = {"env": None, "macros": {}}


def setup(pelican) -> None:
    settings = pelican.settings
    env = Environment(  # noqa: S701 - autoescape comes from JINJA_ENVIRONMENT (True)
        loader=FileSystemLoader(os.path.join(settings["THEME"], "templates")),
        **settings["JINJA_ENVIRONMENT"],
    )
    env.globals["SITEURL"] = settings["SITEURL"]
    _state.update(env=env, macros={})


def macro(template: str, name: str):
    """The macro ``name`` of theme/templates/components/``template``: call it with its
    parameters; it returns Markup."""
    key = (template, name)
    found = _state["macros"].get(key)
    if found is None:
        found = getattr(_state["env"].get_template(f"components/{template}").module, name)
        _state["macros"][key] = found
    return found
