"""New errors from a scheduled audit: a notice in the app, an e-mail to the admins through a
real local SMTP server (aiosmtpd), a webhook call signed with HMAC-SHA256; nothing for an
on-demand audit or one without new errors."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from email import message_from_bytes
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from a11y_core.config import EnvSettingError
from a11y_service.monitoring.notify import (
    SIGNATURE_HEADER,
    SmtpSettings,
    notify,
    send_webhook,
    sign,
)
from a11y_service.monitoring.store import Channels, MonitoringStore
from checkers.page.options import UrlPolicy
from tests.monitoring.helpers import finding, monitor_settings, new_org, run_report
from tests.web.server import free_port


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, SmtpSettings]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, SmtpSettings(host="127.0.0.1", port=port, sender="monitor@example.org")
    finally:
        controller.stop()


@pytest.fixture
def webhook() -> Iterator[tuple[list[tuple[dict[str, str], bytes]], str]]:
    received: list[tuple[dict[str, str], bytes]] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            received.append((dict(self.headers.items()), body))
            self.send_response(204)
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield received, f"http://127.0.0.1:{server.server_address[1]}/hook"
    finally:
        server.shutdown()
        server.server_close()


def test_new_errors_notify_in_app_by_mail_and_signed_webhook(tmp_path: Path, smtp, webhook
                                                             ) -> None:
    inbox, smtp_settings = smtp
    received, hook_url = webhook
    db = monitor_settings(tmp_path).database_url
    org, _ = new_org(db, "Amt", admins=("chefin@amt.example", "admin2@amt.example"))
    store = MonitoringStore.open(db)
    secret = "geheimer-schluessel"
    store.set_channels(org.id, Channels(email_admins=True, webhook_url=hook_url,
                                        webhook_secret=secret))
    site = store.create_site(org.id, name="Amt <Portal>", start_url="https://amt.example/",
                             sitemap_url=None, max_pages=5, max_depth=1, land="NW",
                             body_kind="municipal", schedule="daily")
    base = "https://amt.example"
    clean = run_report(base, {"/": []})
    broken = run_report(base, {"/": [finding("axe.image-alt", "error", ("1.1.1",))]})

    first = store.add_audit(site, org.id, "a" * 32, "schedule")
    notify(store, store.ingest(first.id, clean, ["static"]), smtp_settings, "https://a11y.test")
    manual = store.add_audit(site, org.id, "b" * 32, "manual")
    notify(store, store.ingest(manual.id, broken, ["static"]), smtp_settings,
           "https://a11y.test")
    assert store.notifications(org.id) == []  # no new errors / not scheduled
    assert inbox.messages == [] and received == []

    site_two = store.create_site(org.id, name="Zweite", start_url="https://zwei.example/",
                                 sitemap_url=None, max_pages=5, max_depth=1, land="NW",
                                 body_kind="municipal", schedule="daily")
    scheduled = store.add_audit(site_two, org.id, "c" * 32, "schedule")
    ingested = store.ingest(scheduled.id, broken, ["static"])
    assert ingested is not None and ingested.audit.new_errors == 1
    notify(store, ingested, smtp_settings, "https://a11y.test", UrlPolicy(allow_loopback=True))

    notices = store.notifications(org.id)
    assert [(n.site_name, n.new_errors, n.read) for n in notices] == [("Zweite", 1, False)]
    assert (notices[0].email_status, notices[0].webhook_status) == ("sent", "sent")
    [(recipients, raw)] = inbox.messages
    assert sorted(recipients) == ["admin2@amt.example", "chefin@amt.example"]
    mail = message_from_bytes(raw)
    assert "Zweite" in mail["Subject"]
    assert f"https://a11y.test/websites/{site_two.id}" in mail.get_payload(decode=True).decode()
    [(headers, body)] = received
    expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers[SIGNATURE_HEADER], expected)
    assert sign(body, secret) == expected
    payload = json.loads(body)
    assert payload["event"] == "audit.new-errors"
    assert payload["audit"]["new_errors"] == 1 and payload["site"]["name"] == "Zweite"
    store.mark_read(org.id)
    assert store.notifications(org.id)[0].read
    # Without the loopback allowance the same webhook is an internal address: not called.
    assert send_webhook(hook_url, secret, body) == "failed: address-refused"
    assert len(received) == 1
    store.close()


def test_broken_channels_are_recorded_not_raised(tmp_path: Path) -> None:
    db = monitor_settings(tmp_path).database_url
    org, _ = new_org(db, "Amt", admins=("a@amt.example",))
    store = MonitoringStore.open(db)
    store.set_channels(org.id, Channels(email_admins=True, webhook_url="http://127.0.0.1:9/x",
                                        webhook_secret="s"))
    site = store.create_site(org.id, name="S", start_url="https://s.example/", sitemap_url=None,
                             max_pages=5, max_depth=1, land="NW", body_kind="municipal",
                             schedule="daily")
    audit = store.add_audit(site, org.id, "d" * 32, "schedule")
    ingested = store.ingest(audit.id, run_report("https://s.example", {
        "/": [finding("axe.label", "error")]}), ["static"])
    notify(store, ingested, SmtpSettings(host="127.0.0.1", port=9, timeout=2),
           "https://a11y.test")
    [notice] = store.notifications(org.id)
    assert notice.email_status.startswith("failed")
    assert notice.webhook_status.startswith("failed")
    store.close()


def test_webhook_connects_only_to_the_address_it_checked(
    webhook: tuple[list[tuple[dict[str, str], bytes]], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: the name passes the first check, then resolves to an internal address.

    The first check is made to pass (as a rebinding name would); the connection itself must
    still be refused, because the transport checks the address it connects to.
    """
    import a11y_service.monitoring.notify as notify_module

    received, hook_url = webhook
    monkeypatch.setattr(notify_module, "resolve_checked", lambda *args, **kwargs: ["192.0.2.1"])
    assert send_webhook(hook_url, "geheim", b"{}") == "failed: address-refused"
    assert received == []
    allowed = send_webhook(hook_url, "geheim", b"{}", UrlPolicy(allow_loopback=True))
    assert allowed == "sent" and len(received) == 1


@pytest.mark.parametrize(
    ("name", "value"), [("A11Y_SMTP_PORT", "fünfundzwanzig"), ("A11Y_SMTP_TIMEOUT", "lang")]
)
def test_mail_settings_name_a_wrong_number(name: str, value: str) -> None:
    """The one parser of A11Y_* numbers: an error naming the variable, not a ValueError."""
    with pytest.raises(EnvSettingError, match=name):
        SmtpSettings.from_env({name: value})
