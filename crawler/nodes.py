"""Talking to Scrapyd nodes over their JSON API (daemonstatus, addversion, schedule, listjobs …).

Every failure (refused connection, timeout, HTTP error, ``"status": "error"``, bad
credentials) is a :class:`NodeError` whose message names the node, in Chinese, for source
health.
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
import uuid
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from policywatch.cluster_config import Node
from policywatch.errors import PolicywatchError

#: Seconds to wait for a node's answer (an egg upload runs ``scrapy list`` on the node).
TIMEOUT = 10.0
UPLOAD_TIMEOUT = 120.0

Fields = Mapping[str, str] | Sequence[tuple[str, str]]


class NodeError(PolicywatchError):
    """A Scrapyd node cannot be reached, refuses a request or answers with an error."""


def _request(node: Node, path: str, body: bytes | None = None, content_type: str = "",
             timeout: float = TIMEOUT) -> bytes:
    """The body of a node's answer to ``path`` (POST when ``body`` is given)."""
    request = urllib.request.Request(f"{node.url}/{path.lstrip('/')}", data=body)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        auth = node.auth()
    except ValueError as error:
        raise NodeError(f"节点{node.name}：{error}") from None
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode("ascii")
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return bytes(answer.read())
    except urllib.error.HTTPError as error:
        hint = "（用户名或密码不对）" if error.code == 401 else ""
        raise NodeError(f"节点{node.name}：{path} 返回 HTTP {error.code}{hint}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise NodeError(f"节点{node.name}无法访问：{reason}") from None


def call(node: Node, endpoint: str, params: Fields | None = None, post: bool = False,
         files: Mapping[str, bytes] | None = None) -> dict[str, Any]:
    """Call one JSON endpoint and return its answer (``"status": "ok"`` checked).

    :param node: the node
    :param endpoint: e.g. ``listjobs.json``
    :param params: query (GET) or form (POST) fields
    :param post: send a POST
    :param files: file fields of a multipart POST (``egg`` for addversion.json)
    """
    query = urlencode(params or {})
    if files:
        boundary = uuid.uuid4().hex
        body, timeout = _multipart(boundary, params or {}, files), UPLOAD_TIMEOUT
        raw = _request(node, endpoint, body, f"multipart/form-data; boundary={boundary}", timeout)
    elif post:
        raw = _request(node, endpoint, query.encode("utf-8"), "application/x-www-form-urlencoded")
    else:
        raw = _request(node, f"{endpoint}?{query}" if query else endpoint)
    try:
        answer = json.loads(raw)
    except ValueError:
        raise NodeError(f"节点{node.name}：{endpoint} 的回答不是JSON") from None
    if not isinstance(answer, dict) or answer.get("status") != "ok":
        message = answer.get("message", answer) if isinstance(answer, dict) else answer
        raise NodeError(f"节点{node.name}：{endpoint} 出错：{message}")
    return answer


def fetch(node: Node, path: str) -> bytes:
    """A file the node serves, such as a job's items (``/items/project/spider/job.jl``).

    :param node: the node
    :param path: absolute path on the node
    """
    return _request(node, path, timeout=UPLOAD_TIMEOUT)


def _multipart(boundary: str, fields: Fields, files: Mapping[str, bytes]) -> bytes:
    items = fields.items() if isinstance(fields, Mapping) else fields
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
             .encode() for name, value in items]
    for name, data in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                     f'filename="{name}.egg"\r\nContent-Type: application/octet-stream\r\n\r\n'
                     .encode() + data + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode("ascii")
