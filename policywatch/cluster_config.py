"""The ``scrapyd:`` section of sources.yml: the Scrapyd nodes that crawl instead of this machine.

Either a list of node URLs, or a mapping with ``nodes`` and options::

    scrapyd:
      nodes:
        - http://10.0.0.5:6800
        - name: gz
          url: https://crawl2.example.org:6800
          credentials: SCRAPYD_GZ_AUTH     # environment variable holding user:password
      timeout: 3000

Credentials never appear in the file: a node's ``credentials`` names an environment variable,
and nodes without one use ``$POLICYWATCH_SCRAPYD_AUTH`` when it is set.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

#: Credentials (``user:password``) of nodes that name no variable of their own.
DEFAULT_CREDENTIALS = "POLICYWATCH_SCRAPYD_AUTH"
ENV_NAME = r"^[A-Za-z_][A-Za-z0-9_]*$"


class Node(BaseModel):
    """One Scrapyd node: its URL, a short name, and where its credentials are."""

    model_config = ConfigDict(extra="forbid")

    url: str
    name: str = Field(default="", pattern=r"^$|^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
    credentials: str | None = Field(default=None, pattern=ENV_NAME)

    @model_validator(mode="before")
    @classmethod
    def _from_url(cls, value: Any) -> Any:
        return {"url": value} if isinstance(value, str) else value

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f'"{value}" is not an http(s) URL of a Scrapyd node')
        if parts.username or parts.password:
            raise ValueError("credentials do not belong in the URL: name an environment "
                             "variable with credentials: (user:password)")
        return value.strip().rstrip("/")

    @model_validator(mode="after")
    def _default_name(self) -> Node:
        if not self.name:
            parts = urlsplit(self.url)
            self.name = f"{parts.hostname}:{parts.port}" if parts.port else str(parts.hostname)
        return self

    def auth(self) -> tuple[str, str] | None:
        """``(user, password)`` from the environment, or None when the node needs none.

        :raises ValueError: the node names a variable that is unset or not ``user:password``
        """
        variable = self.credentials or DEFAULT_CREDENTIALS
        value = os.environ.get(variable)
        if value is None:
            if self.credentials:
                raise ValueError(f"环境变量{variable}未设置（节点{self.name}的 user:password）")
            return None
        user, colon, password = value.partition(":")
        if not colon or not user:
            raise ValueError(f"环境变量{variable}应为 user:password")
        return user, password


class Cluster(BaseModel):
    """The Scrapyd nodes and how long a job may run before it is cancelled."""

    model_config = ConfigDict(extra="forbid")

    nodes: list[Node] = Field(min_length=1)
    project: str = Field(default="policywatch", pattern=r"^[A-Za-z0-9_-]+$")
    #: seconds before a job still pending or running is cancelled and reported failed
    timeout: float = Field(default=3000.0, gt=0)
    #: seconds between two looks at the nodes' job lists
    poll: float = Field(default=2.0, gt=0)

    @model_validator(mode="before")
    @classmethod
    def _from_list(cls, value: Any) -> Any:
        return {"nodes": value} if isinstance(value, list) else value

    @model_validator(mode="after")
    def _unique(self) -> Cluster:
        names = [node.name for node in self.nodes]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"scrapyd node names must be unique: {', '.join(duplicates)}")
        return self

    def node(self, name: str) -> Node:
        """The node called ``name``.

        :param name: node name
        """
        return next(node for node in self.nodes if node.name == name)

