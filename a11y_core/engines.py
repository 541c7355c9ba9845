"""The one place that builds the engines from the configuration.

The CLI commands, the service (``a11y_service/app.py``), the site-audit runner
(``checkers/page/site/runner.py``) and the queue workers (site audits, translations) build
their engines here, so each one is configured the same way everywhere:

- :func:`text_checker`: the text check with ``[text]`` of a11y.toml (lexicon, glossaries,
  morphology: seconds to load, so a process builds it once and shares it);
- :func:`audit_options` and :func:`browser_pool`: the page audit's options from the service's
  ``A11Y_*`` settings, from ``[check]`` of a11y.toml or both (a site audit in the service), and
  the shared pool of browsers;
- :func:`translator` and :func:`glossaries`: the translation engine and the glossaries of
  ``[translate]``/``[text]``;

The libraries are imported when an engine is built, not when this module is: the pure libraries
import ``a11y_core`` themselves, and a command that needs no browser must not load one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from a11y_core.config.env import Settings
    from checkers.page.browser import BrowserPool
    from checkers.page.options import AuditOptions
    from checkers.page.site.config import CheckConfig
    from checkers.text.config import TextConfig
    from checkers.text.engine import TextChecker
    from glossaries.model import Glossary
    from translators.config import TranslateConfig
    from translators.engine import Translator


def text_checker(
    config_path: Path | None = None,
    max_chars: int | None = None,
    config: TextConfig | None = None,
) -> TextChecker:
    """The text checker of ``[text]`` in a11y.toml (``config_path``, else ./a11y.toml), or of
    ``config`` when one is given; ``max_chars`` (``A11Y_MAX_CHARS``) overrides the file."""
    from checkers.text.config import load_config
    from checkers.text.engine import TextChecker

    config = config or load_config(config_path)
    if max_chars:
        config = replace(config, max_chars=max_chars)
    return TextChecker.create(config)


def with_max_chars(checker: TextChecker, max_chars: int | None) -> TextChecker:
    """A given checker with the service's text limit; the loaded resources are shared."""
    if not max_chars:
        return checker
    from checkers.text.engine import TextChecker

    return TextChecker(replace(checker.config, max_chars=max_chars), checker.resources,
                       checker.rules)


def audit_options(
    settings: Settings | None = None, config: CheckConfig | None = None
) -> AuditOptions:
    """The page audit's options; the one place they are built.

    - ``settings`` only: the service's options from its ``A11Y_*`` settings (address policy,
      browser, BITV scope); requests narrow them further (``POST /v1/audits``, the web app).
    - ``config`` only: the ``[check]`` section of ``a11y check`` (engines, crawl budget, BITV
      scope, headers, ignored selectors); the CLI may read the repository's own HTML files.
    - both: a site audit the service runs for a ``[check]``-like configuration (its queue
      workers), held to the service's rules: no local files (a web page must not make the
      service read its disk), the service's allowed hosts, size limit and Selenium Grid.
    """
    from checkers.page.options import AuditOptions, BitvSettings, BrowserSettings, UrlPolicy

    if config is None:
        if settings is None:
            raise TypeError("audit_options needs settings, a configuration or both")
        return AuditOptions(
            policy=UrlPolicy(
                allow_loopback=settings.allow_loopback,
                allow_private=settings.allow_private,
                allowed_hosts=settings.allowed_hosts,
                max_bytes=settings.max_page_bytes,
            ),
            browser=BrowserSettings(
                pool_size=settings.browser_pool,
                remote_url=settings.selenium_url,
                page_timeout=settings.page_timeout,
            ),
            bitv=BitvSettings(
                land=settings.bitv_land, body=settings.bitv_body,  # type: ignore[arg-type]
            ),
        )
    options = AuditOptions(
        engines=config.engines,
        locale=config.locale,  # type: ignore[arg-type]
        policy=UrlPolicy(
            allow_loopback=config.allow_loopback,
            allow_private=config.allow_private,
            timeout=config.timeout,
            allow_files=True,  # the CLI reads the repository's own HTML files
        ),
        browser=BrowserSettings(
            pool_size=config.concurrency,
            # The fetch already enforces the page's own timeout; the browser also loads styles
            # and scripts, and a busy CI machine must not turn that into a false "timeout".
            page_timeout=max(config.timeout, 10.0),
            axe_timeout=max(config.timeout, 30.0),
        ),
        bitv=BitvSettings(
            land=config.land, body=config.body,  # type: ignore[arg-type]
            homepage=config.homepage, statement_url=config.statement_url,
        ),
        headers=dict(config.headers),
        cookies=config.cookies,
        text_profile=config.text_profile,
        disabled_rules=config.disabled_rules(),
        # Excluded from axe and matched against the DOM; per-path ones stay with the gate.
        ignore_selectors=tuple(config.ignore_selectors),
        max_pages=config.max_pages,
    )
    if settings is None:
        return options
    return replace(
        options,
        policy=replace(
            options.policy,
            allow_files=False,
            allowed_hosts=settings.allowed_hosts,
            max_bytes=settings.max_page_bytes,
        ),
        browser=replace(options.browser, remote_url=settings.selenium_url),
    )


def browser_pool(options: AuditOptions) -> BrowserPool:
    """A pool of browsers for ``options``; they start on the first audit, not here. Raises
    ``BrowserUnavailable`` when no browser can run on this machine."""
    from checkers.page.browser import BrowserPool

    return BrowserPool(options.browser, options.policy)


def optional_browser_pool(options: AuditOptions) -> BrowserPool | None:
    """:func:`browser_pool`, or None when no browser can run here (the service then answers
    audits with a clear error unless they are static only)."""
    from checkers.page.browser import BrowserUnavailable

    try:
        return browser_pool(options)
    except BrowserUnavailable:
        return None


def translate_config(config_path: Path | None = None) -> TranslateConfig:
    """``[translate]`` of a11y.toml over the ``A11Y_TRANSLATE_*``/``A11Y_MODELS_DIR`` settings."""
    from translators.config import load_translate_config

    return load_translate_config(config_path)


def translator(config: TranslateConfig | None = None) -> Translator:
    """The translation engine; without ``config`` from the environment's settings only."""
    from translators.engine import Translator

    return Translator(config.engine if config is not None else None)


def glossaries(
    config_path: Path | None, paths: Sequence[str | Path] = (), include_builtin: bool = True
) -> Glossary:
    """The glossaries of ``[text] glossaries`` in a11y.toml, plus ``paths`` and the built-in
    ones."""
    from checkers.text.config import load_config
    from glossaries.loader import load_glossaries

    config = load_config(config_path)
    return load_glossaries([*config.glossaries, *paths], include_builtin=include_builtin)
