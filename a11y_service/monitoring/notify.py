"""Telling an organisation that a scheduled audit found new errors: in the app (always), by
e-mail to its admins and by a signed webhook call (each when the organisation turned it on).

Webhook: ``POST`` of a JSON body to the organisation's URL with the headers
``X-A11y-Event: audit.new-errors`` and ``X-A11y-Signature: sha256=<hex>``, where ``<hex>`` is the
HMAC-SHA256 of the exact body bytes under the organisation's webhook secret. A receiver computes
the same HMAC and compares in constant time (``hmac.compare_digest``).

E-mail: SMTP from ``A11Y_SMTP_HOST`` / ``A11Y_SMTP_PORT`` (25) / ``A11Y_SMTP_FROM`` /
``A11Y_SMTP_USER`` + ``A11Y_SMTP_PASSWORD`` (optional) / ``A11Y_SMTP_STARTTLS`` (``1``) /
``A11Y_SMTP_TIMEOUT`` (10 s). Without ``A11Y_SMTP_HOST`` no mail is sent.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import urlsplit

import httpx

from a11y_core.config.env import env_float, env_int
from a11y_service.monitoring.store import Channels, Ingested, MonitoringStore
from checkers.page.fetch import FetchError, guarded_transport, resolve_checked
from checkers.page.options import UrlPolicy

log = logging.getLogger(__name__)
SIGNATURE_HEADER = "X-A11y-Signature"
EVENT_HEADER = "X-A11y-Event"
EVENT = "audit.new-errors"


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str = ""
    port: int = 25
    sender: str = "a11y@localhost"
    user: str = ""
    password: str = ""
    starttls: bool = False
    timeout: float = 10.0

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> SmtpSettings:
        env = dict(os.environ if env is None else env)
        return cls(
            host=env.get("A11Y_SMTP_HOST", ""),
            port=env_int(env, "A11Y_SMTP_PORT", 25),
            sender=env.get("A11Y_SMTP_FROM") or "a11y@localhost",
            user=env.get("A11Y_SMTP_USER", ""),
            password=env.get("A11Y_SMTP_PASSWORD", ""),
            starttls=(env.get("A11Y_SMTP_STARTTLS") or "").lower() in ("1", "true", "yes"),
            timeout=env_float(env, "A11Y_SMTP_TIMEOUT", 10.0),
        )


def sign(body: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def payload(ingested: Ingested, base_url: str) -> dict[str, object]:
    audit = ingested.audit
    return {
        "event": EVENT,
        "site": {"id": audit.site_id, "name": ingested.site_name, "url": ingested.site_url},
        "audit": {
            "id": audit.id,
            "finished_at": audit.finished_at.isoformat() if audit.finished_at else None,
            "new_errors": audit.new_errors,
            "new_findings": audit.new_findings,
            "fixed_findings": audit.fixed_findings,
            "open_findings": audit.open_findings,
            "index": audit.index,
        },
        "link": f"{base_url.rstrip('/')}/websites/{audit.site_id}",
    }


def send_webhook(url: str, secret: str, body: bytes, policy: UrlPolicy | None = None,
                 timeout: float = 10.0) -> str:
    """POST the signed body. Internal addresses (loopback, private, link-local) are refused
    unless the service's address policy allows them, as for the pages it audits."""
    parts = urlsplit(url)
    try:
        resolve_checked(parts.hostname or "", parts.port or (443 if parts.scheme == "https"
                                                              else 80), policy or UrlPolicy())
    except FetchError as error:
        return f"failed: {error.kind}"
    # The check above gives a clear answer early; the guarded transport connects only to an
    # address it checked itself, so a name that resolves again elsewhere (rebinding) fails.
    try:
        with httpx.Client(transport=guarded_transport(policy or UrlPolicy()), timeout=timeout,
                          follow_redirects=False, trust_env=False) as client:
            response = client.post(url, content=body,
                                   headers={"Content-Type": "application/json",
                                            SIGNATURE_HEADER: sign(body, secret),
                                            EVENT_HEADER: EVENT})
    except FetchError as error:
        return f"failed: {error.kind}"
    except httpx.HTTPError as error:
        return f"failed: {type(error).__name__}"
    return "sent" if response.status_code < 300 else f"failed: HTTP {response.status_code}"


def send_email(smtp: SmtpSettings, recipients: list[str], ingested: Ingested,
               base_url: str) -> str:
    if not smtp.host:
        return "failed: A11Y_SMTP_HOST not set"
    if not recipients:
        return "failed: no admin addresses"
    audit = ingested.audit
    link = f"{base_url.rstrip('/')}/websites/{audit.site_id}"
    message = EmailMessage()
    message["From"] = smtp.sender
    message["To"] = ", ".join(recipients)
    message["Subject"] = (f"Neue Fehler auf {ingested.site_name}: {audit.new_errors} "
                          f"/ New errors on {ingested.site_name}")
    message.set_content(
        f"Guten Tag,\n\ndie geplante Prüfung von {ingested.site_name} ({ingested.site_url}) "
        f"hat {audit.new_errors} neue Fehler gefunden. Behoben: {audit.fixed_findings}. "
        f"Offen: {audit.open_findings}.\n\nEinzelheiten: {link}\n\n---\n\n"
        f"The scheduled audit of {ingested.site_name} found {audit.new_errors} new errors. "
        f"Fixed: {audit.fixed_findings}. Open: {audit.open_findings}.\n\nDetails: {link}\n"
    )
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout) as client:
            if smtp.starttls:
                client.starttls()
            if smtp.user:
                client.login(smtp.user, smtp.password)
            client.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        return f"failed: {type(error).__name__}"
    return "sent"


def notify(store: MonitoringStore, ingested: Ingested, smtp: SmtpSettings,
           base_url: str, policy: UrlPolicy | None = None) -> None:
    """After a scheduled audit with new errors: the in-app notice, then the channels."""
    if ingested.audit.trigger != "schedule" or ingested.audit.new_errors <= 0:
        return
    channels: Channels = store.channels(ingested.org_id)
    email_status = webhook_status = "off"
    if channels.email_admins:
        email_status = send_email(smtp, store.admin_emails(ingested.org_id), ingested,
                                  base_url)
    if channels.webhook_url and channels.webhook_secret:
        body = json.dumps(payload(ingested, base_url), ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8")
        webhook_status = send_webhook(channels.webhook_url, channels.webhook_secret, body,
                                      policy)
    if "failed" in email_status or "failed" in webhook_status:
        log.warning("notification for audit %s: e-mail %s, webhook %s", ingested.audit.id,
                    email_status, webhook_status)
    store.add_notification(ingested, email_status, webhook_status)
