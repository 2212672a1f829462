"""Documentation is checked like code: every command has help, an example and a docs entry."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest

from policywatch.cli import cli
from tests.conftest import ROOT


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


COMMANDS = list(_commands(cli))


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_command_has_help_and_example(path, command):
    assert command.help, f"policywatch {' '.join(path)} has no help text"
    if not isinstance(command, click.Group):
        assert "Example:" in command.help, f"policywatch {' '.join(path)} has no Example: block"


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_command_is_in_the_readme(path, command):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"policywatch {' '.join(path)}" in readme


def test_cli_reference_is_up_to_date():
    result = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "docs/cli.md"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, "docs/cli.md is stale: run .venv/bin/cog -r docs/cli.md\n" + result.stderr
