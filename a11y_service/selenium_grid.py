"""A Selenium Grid on this machine: a hub and Chromium nodes as child processes.

For tests, ``make bench`` and trying the multi-machine layout on one computer. In production the
same jar runs under systemd or compose (see ``deploy/``). The server jar comes pinned from the npm
registry (``@nightwatch/selenium-server``, installed by ``make install``); Debian's ``chromium``
and ``chromedriver`` do the work. Nothing is downloaded at run time: driver detection and Selenium
Manager stay off (``--detect-drivers false``, ``SE_OFFLINE=true``), each node names its driver.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JAR_GLOB = "node_modules/@nightwatch/selenium-server/lib/selenium-server-*.jar"


class GridUnavailable(RuntimeError):
    """No Java, no server jar, or the Grid did not come up in time."""


def find_jar() -> Path:
    if os.environ.get("A11Y_SELENIUM_JAR"):
        return Path(os.environ["A11Y_SELENIUM_JAR"])
    jars = sorted(ROOT.glob(JAR_GLOB))
    if not jars:
        raise GridUnavailable(
            "Selenium-Server fehlt; `make install` installiert ihn aus dem npm-Register. / "
            "The Selenium server jar is missing; `make install` installs it."
        )
    return jars[-1]


def grid_available() -> bool:
    try:
        find_jar()
    except GridUnavailable:
        return False
    return shutil.which("java") is not None and Path("/usr/bin/chromedriver").exists()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def node_toml(
    *,
    port: int,
    hub_port: int,
    publish: int,
    subscribe: int,
    max_sessions: int = 1,
    chromium: str = "/usr/bin/chromium",
    chromedriver: str = "/usr/bin/chromedriver",
    host: str = "127.0.0.1",
    hub_host: str = "127.0.0.1",
) -> str:
    """A node's configuration: exactly one driver, named, with the Chromium binary it starts."""
    stereotype = json.dumps({"browserName": "chrome", "platformName": "linux",
                             "goog:chromeOptions": {"binary": chromium}})
    return f"""[server]
host = "{host}"
port = {port}

[events]
publish = "tcp://{hub_host}:{publish}"
subscribe = "tcp://{hub_host}:{subscribe}"

[node]
detect-drivers = false
selenium-manager = false
max-sessions = {max_sessions}
override-max-sessions = true
grid-url = "http://{hub_host}:{hub_port}"
heartbeat-period = 5
register-cycle = 1

[[node.driver-configuration]]
display-name = "chromium"
max-sessions = {max_sessions}
webdriver-path = "{chromedriver}"
stereotype = '{stereotype}'
"""


def hub_toml(*, port: int, publish: int, subscribe: int, host: str = "127.0.0.1") -> str:
    return f"""[server]
host = "{host}"
port = {port}

[events]
publish = "tcp://{host}:{publish}"
subscribe = "tcp://{host}:{subscribe}"
bind = true

[distributor]
healthcheck-interval = 5

[sessionqueue]
session-request-timeout = 120
"""


@dataclass
class LocalGrid:
    """A running hub and its nodes; ``url`` goes into ``A11Y_SELENIUM_URL``."""

    hub_port: int
    publish: int
    subscribe: int
    folder: Path
    hub: subprocess.Popen[bytes] | None = None
    nodes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.hub_port}"

    def status(self) -> dict[str, object]:
        with urllib.request.urlopen(self.url + "/status", timeout=5) as answer:
            return json.loads(answer.read())["value"]  # type: ignore[no-any-return]

    def ready_nodes(self) -> int:
        try:
            nodes = self.status().get("nodes") or []
        except OSError:
            return 0
        return sum(1 for n in nodes if isinstance(n, dict) and n.get("availability") == "UP")

    def start_hub(self) -> None:
        config = self.folder / "hub.toml"
        config.write_text(hub_toml(port=self.hub_port, publish=self.publish,
                                   subscribe=self.subscribe))
        self.hub = _java(["hub", "--config", str(config)], self.folder / "hub.log")

    def add_node(self, max_sessions: int = 1) -> subprocess.Popen[bytes]:
        index = len(self.nodes)
        config = self.folder / f"node{index}.toml"
        config.write_text(node_toml(port=free_port(), hub_port=self.hub_port,
                                    publish=self.publish, subscribe=self.subscribe,
                                    max_sessions=max_sessions))
        node = _java(["node", "--config", str(config)], self.folder / f"node{index}.log")
        self.nodes.append(node)
        return node

    def wait_ready(self, nodes: int, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while self.ready_nodes() < nodes:
            for process in [self.hub, *self.nodes]:
                if process is not None and process.poll() is not None:
                    raise GridUnavailable(f"Grid process ended: {self.logs()}")
            if time.monotonic() > deadline:
                raise GridUnavailable(f"Grid not ready in {timeout:g} s: {self.logs()}")
            time.sleep(0.3)

    def kill_node(self, node: subprocess.Popen[bytes]) -> None:
        """SIGKILL the node with its chromedriver and browsers: a machine that went away."""
        _kill_group(node)

    def logs(self) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')[-3000:]}"
            for path in sorted(self.folder.glob("*.log"))
        )

    def stop(self) -> None:
        for process in [*self.nodes, self.hub]:
            if process is not None:
                _stop_group(process)


def _java(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    java = shutil.which("java")
    if java is None:
        raise GridUnavailable("Java fehlt (default-jre-headless) / Java is missing.")
    env = {**os.environ, "SE_OFFLINE": "true", "SE_AVOID_STATS": "true"}
    # Own process group: stopping a node also stops its chromedriver and Chromium processes.
    return subprocess.Popen(
        [java, "-Xmx256m", "-jar", str(find_jar()), *args], env=env,
        stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True,
    )


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    from checkers.page.browser import kill_tree

    with suppress(ProcessLookupError, PermissionError):
        kill_tree(process.pid)  # browsers that left the group too
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        _kill_group(process)  # its children may still run
        return
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        process.wait(timeout=15)
    _kill_group(process)


@contextmanager
def local_grid(nodes: int = 2, max_sessions: int = 1, timeout: float = 120.0
               ) -> Iterator[LocalGrid]:
    """Start a hub and ``nodes`` Chromium nodes on loopback (free ports), stop them after."""
    folder = Path(tempfile.mkdtemp(prefix="a11y-grid-"))
    grid = LocalGrid(free_port(), free_port(), free_port(), folder)
    try:
        grid.start_hub()
        for _ in range(nodes):
            grid.add_node(max_sessions)
        grid.wait_ready(nodes, timeout)
        yield grid
    finally:
        grid.stop()
        shutil.rmtree(folder, ignore_errors=True)
