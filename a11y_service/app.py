"""The Litestar application: ``create_app()`` wires settings, resources, controllers and docs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from litestar import Litestar
from litestar._openapi.plugin import OpenAPIPlugin
from litestar.datastructures import State
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin, YamlRenderPlugin
from litestar.static_files import create_static_files_router

from a11y_core import engines
from a11y_core.config.env import Settings
from a11y_service.accounts.api import AccountApiController, SavedTextController
from a11y_service.accounts.middleware import (
    ACCOUNT_DEPENDENCIES,
    ACCOUNT_EXCEPTION_HANDLERS,
    PrincipalMiddleware,
    access_guard,
    accounts_lifespan,
)
from a11y_service.api.audits import AuditController
from a11y_service.api.health import HealthController
from a11y_service.api.site_audits import SiteAuditController, site_audit_lifespan
from a11y_service.api.text import TextController
from a11y_service.api.translations import TranslationController, translation_lifespan
from a11y_service.input_guard import path_guard_middleware
from a11y_service.json_guard import json_guard_middleware
from a11y_service.monitoring.wiring import monitoring_lifespan, monitoring_route_handlers
from a11y_service.openapi_errors import document_errors
from a11y_service.problems import EXCEPTION_HANDLERS
from a11y_service.review.jobs import DocumentTranslator, TranslatorProvider
from a11y_service.schema_docs import StrictSwaggerRenderPlugin
from a11y_service.security_headers import security_headers
from a11y_service.web.accounts import AccountPagesController
from a11y_service.web.errors import web_exception_handlers
from a11y_service.web.setup import (
    csrf_config,
    template_config,
    web_route_handlers,
    web_state,
)
from a11y_service.web.site_audits import SiteAuditPagesController
from checkers.report import TOOL_VERSION
from checkers.text.config import TextConfig
from checkers.text.engine import TextChecker

STATIC = Path(__file__).parent / "static"
VENDOR = STATIC / "vendor"
NO_FAVICON = "<link rel='icon' href='data:,'>"


def create_app(
    settings: Settings | None = None,
    checker: TextChecker | None = None,
    translator: DocumentTranslator | TranslatorProvider | None = None,
) -> Litestar:
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        # Heavy resources (lexicon, glossaries, morphology) load once, not per request; the
        # engines are built where the CLI and the workers build theirs (a11y_core.engines).
        if checker is None:
            app.state.text_checker = engines.text_checker(settings.config_path, settings.max_chars)
        else:
            app.state.text_checker = engines.with_max_chars(checker, settings.max_chars)
        app.state.audit_options = engines.audit_options(settings)
        pool = engines.optional_browser_pool(app.state.audit_options)
        app.state.audit_resources = {
            "text_checker": app.state.text_checker,
            "browser_pool": pool,
        }
        # The schema is built once; the error answers are added to it before anyone reads it.
        document_errors(app.plugins.get(OpenAPIPlugin).provide_openapi_schema())
        try:
            yield
        finally:
            if pool is not None:
                pool.close()

    def provide_checker() -> TextChecker:
        return app.state.text_checker

    max_chars = settings.max_chars or TextConfig().max_chars
    app = Litestar(
        route_handlers=[
            HealthController,
            TextController,
            AuditController,
            TranslationController,
            SiteAuditController,
            SiteAuditPagesController,
            SavedTextController,
            AccountApiController,
            create_static_files_router(
                path="/static", directories=[STATIC], include_in_schema=False
            ),
            *web_route_handlers(),
            AccountPagesController,
            *monitoring_route_handlers(),
        ],
        template_config=template_config(),
        csrf_config=csrf_config(settings),
        state=State(web_state(settings)),
        dependencies={
            "text_checker": Provide(provide_checker, sync_to_thread=False),
            "audit_options": Provide(lambda: app.state.audit_options, sync_to_thread=False),
            "audit_resources": Provide(lambda: app.state.audit_resources, sync_to_thread=False),
            **ACCOUNT_DEPENDENCIES,
        },
        # Accounts first: their store migrates the schema before the review store opens.
        lifespan=[
            accounts_lifespan(settings),
            lifespan,
            translation_lifespan(settings, translator),
            site_audit_lifespan(settings),
            monitoring_lifespan(settings),
        ],
        # Web pages answer errors with HTML pages; the API keeps problem+json. Account errors
        # decide themselves (a web page sends anonymous visitors to the login form).
        exception_handlers={
            **web_exception_handlers(EXCEPTION_HANDLERS),  # type: ignore[arg-type]
            **ACCOUNT_EXCEPTION_HANDLERS,
        },
        # Every answer: nosniff, no referrer, a CSP fitting its kind (see security_headers).
        before_send=[security_headers],
        # JSON operations take JSON only (415 otherwise), valid UTF-8, bounded nesting; then who
        # is asking (API key or session) for every request; /v1/ needs someone (access_guard).
        middleware=[path_guard_middleware, json_guard_middleware, PrincipalMiddleware()],
        guards=[access_guard],
        # JSON escapes and the envelope make the body larger than the text; the text limit itself
        # is enforced by the checker with a clear 413.
        request_max_body_size=max_chars * 8 + 65_536,
        openapi_config=OpenAPIConfig(
            path="/schema",
            title="a11y",
            version=TOOL_VERSION,
            description="Barrierefreiheit, Lesbarkeit, Leichte Sprache / accessibility, "
            "readability, easy language",
            render_plugins=[
                StrictSwaggerRenderPlugin(
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
