"""The Litestar application: ``create_app()`` wires settings, resources, controllers and docs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path

from litestar import Litestar
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin, SwaggerRenderPlugin, YamlRenderPlugin
from litestar.static_files import create_static_files_router

from a11y_service.controllers.health import HealthController
from a11y_service.controllers.text import TextController
from a11y_service.problems import EXCEPTION_HANDLERS
from a11y_service.settings import Settings
from checkers.report import TOOL_VERSION
from checkers.text.config import TextConfig, load_config
from checkers.text.engine import TextChecker

STATIC = Path(__file__).parent / "static"
VENDOR = STATIC / "vendor"
NO_FAVICON = "<link rel='icon' href='data:,'>"


def build_checker(settings: Settings) -> TextChecker:
    config = load_config(settings.config_path) if settings.config_path else load_config()
    if settings.max_chars:
        config = replace(config, max_chars=settings.max_chars)
    return TextChecker.create(config)


def create_app(settings: Settings | None = None, checker: TextChecker | None = None) -> Litestar:
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        # Heavy resources (lexicon, glossaries, morphology) load once, not per request.
        if checker is None:
            app.state.text_checker = build_checker(settings)
        elif settings.max_chars:
            app.state.text_checker = TextChecker(
                replace(checker.config, max_chars=settings.max_chars),
                checker.resources,
                checker.rules,
            )
        else:
            app.state.text_checker = checker
        yield

    def provide_checker() -> TextChecker:
        return app.state.text_checker

    max_chars = settings.max_chars or TextConfig().max_chars
    app = Litestar(
        route_handlers=[
            HealthController,
            TextController,
            create_static_files_router(
                path="/static", directories=[STATIC], include_in_schema=False
            ),
        ],
        dependencies={"text_checker": Provide(provide_checker, sync_to_thread=False)},
        lifespan=[lifespan],
        exception_handlers=EXCEPTION_HANDLERS,  # type: ignore[arg-type]
        # JSON escapes and the envelope make the body larger than the text; the text limit itself
        # is enforced by the checker with a clear 413.
        request_max_body_size=max_chars * 8 + 65_536,
        openapi_config=OpenAPIConfig(
            title="a11y",
            version=TOOL_VERSION,
            description="Barrierefreiheit, Lesbarkeit, Leichte Sprache / accessibility, "
            "readability, easy language",
            render_plugins=[
                SwaggerRenderPlugin(
                    path=["/", "/swagger"],
                    js_url="/static/vendor/swagger-ui-bundle.js",
                    css_url="/static/vendor/swagger-ui.css",
                    standalone_preset_js_url="/static/vendor/swagger-ui-standalone-preset.js",
                    favicon=NO_FAVICON,
                ),
                JsonRenderPlugin(),
                YamlRenderPlugin(),
            ],
        ),
    )
    return app
