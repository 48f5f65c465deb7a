"""A visitor of the scale test: a browser's requests over HTTPS, from their own address, trusting
only the proxy's local authority. A request that fails (the app server behind died, the
connection dropped) is sent again, as a person would click again."""

from __future__ import annotations

import http.client
import re
import ssl
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ONE_TIME = re.compile(r'name="submission" value="([^"]+)"')
RETRIED = {502, 503, 504}
ATTEMPTS = 10


@dataclass
class Outcome:
    """What a person saw in the end: the last status, how many sends, how long it took."""

    status: int
    attempts: int
    seconds: float


@dataclass
class Visitor:
    context: ssl.SSLContext
    proxy: str
    address: str
    cookies: dict[str, str] = field(default_factory=dict)

    @property
    def site(self) -> str:
        return f"https://{self.proxy}"

    def request(self, method: str, path: str, body: bytes | str = b"", headers=None):
        connection = http.client.HTTPSConnection(
            self.proxy, 443, context=self.context, timeout=120, source_address=(self.address, 0)
        )
        sent = {**(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body or None, sent)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")  # a static file may come compressed
        finally:
            connection.close()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response, text

    def submit(self, page: str, action: str, fields: dict[str, str], files=None) -> Outcome:
        """Open `page`, then send its form to `action` with `fields` (and the page's CSRF and
        one-time tokens); sent again while the answer is a proxy error or no answer."""
        began = time.monotonic()
        for attempt in range(1, ATTEMPTS + 1):
            try:
                response, body = self.request("GET", page)
                if response.status in RETRIED:
                    time.sleep(0.2)
                    continue
                form = {"csrfmiddlewaretoken": TOKEN.search(body).group(1), **fields}
                if one_time := ONE_TIME.search(body):
                    form["submission"] = one_time.group(1)
                if files:
                    content_type, payload = multipart(form, files)
                else:
                    content_type = "application/x-www-form-urlencoded"
                    payload = urllib.parse.urlencode(form).encode()
                headers = {
                    "Referer": self.site + page,
                    "Origin": self.site,
                    "Content-Type": content_type,
                }
                response, _ = self.request("POST", action, payload, headers)
            except (OSError, http.client.HTTPException, AttributeError):
                time.sleep(0.2)
                continue
            if response.status not in RETRIED:
                return Outcome(response.status, attempt, time.monotonic() - began)
            time.sleep(0.2)
        return Outcome(0, ATTEMPTS, time.monotonic() - began)


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[str, bytes]:
    """A multipart/form-data body, as a browser sends a form with a file."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, content) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: text/csv\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return f"multipart/form-data; boundary={boundary}", b"".join(parts)


def p95(outcomes: list[Outcome]) -> float:
    seconds = sorted(outcome.seconds for outcome in outcomes)
    return seconds[min(int(0.95 * len(seconds)), len(seconds) - 1)]
