"""How the web app plugs into ``create_app()``: templates, CSRF, its controllers.

Kept here so ``app.py`` only gains a few additive lines.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from litestar.config.csrf import CSRFConfig
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.template.config import TemplateConfig
from litestar.types import ControllerRouterHandler

from a11y_core.config.env import Settings, stored_secret_key

TEMPLATES = Path(__file__).parent / "templates"
CSRF_COOKIE = "a11y_csrf"
CSRF_HEADER = "x-csrftoken"
# The API authenticates with keys, not cookies: no CSRF token there.
# Litestar treats these as regular expressions searched anywhere in the path: anchored, so
# a web path that merely contains "/health" or "/v1/" still needs the token.
CSRF_EXCLUDE = ["^/v1/", "^/schema", "^/health(/|$)"]


def template_environment() -> Environment:
    # Autoescape for every template name (also .txt mails or fragments), not only *.html.
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def template_config() -> TemplateConfig[JinjaTemplateEngine]:
    return TemplateConfig(
        instance=JinjaTemplateEngine.from_environment(template_environment()),
    )


def secret_key(settings: Settings) -> str:
    return settings.secret_key or stored_secret_key()


def csrf_config(settings: Settings) -> CSRFConfig:
    return CSRFConfig(
        secret=secret_key(settings),
        cookie_name=CSRF_COOKIE,
        header_name=CSRF_HEADER,
        cookie_samesite="lax",
        cookie_httponly=True,
        exclude=CSRF_EXCLUDE,
    )


def web_state(settings: Settings) -> dict[str, object]:
    """What the web pages keep in ``app.state``."""
    from a11y_service.web.limits import RateLimiter
    from a11y_service.web.page_report import PictureStore

    return {
        "web_limiter": RateLimiter(settings.web_rate_limit),
        "api_limiter": RateLimiter(settings.api_rate_limit),
        "web_pictures": PictureStore(),
        "web_contact_email": settings.contact_email,
        "web_dgs_video": (
            {
                "url": settings.dgs_video_url,
                "size": settings.dgs_video_size,
                "duration": settings.dgs_video_duration,
            }
            if settings.dgs_video_url
            else None
        ),
    }


def web_route_handlers() -> list[ControllerRouterHandler]:
    from a11y_service.web.page_audit import PageAuditController
    from a11y_service.web.pages import InfoPagesController
    from a11y_service.web.review_desk import ReviewDeskController
    from a11y_service.web.saved_texts import SavedTextPagesController
    from a11y_service.web.workbench import WorkbenchController

    return [
        InfoPagesController,
        WorkbenchController,
        PageAuditController,
        ReviewDeskController,
        SavedTextPagesController,
    ]
