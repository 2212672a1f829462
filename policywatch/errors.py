"""Exceptions raised by policywatch library code.

The CLI turns every :class:`PolicywatchError` into a one-line ``Error: …`` message.
"""


class PolicywatchError(Exception):
    """Base class for expected failures that the user can fix."""


class ConfigError(PolicywatchError):
    """sources.yml (or another config file) is missing or invalid."""


class UnknownSourceError(PolicywatchError):
    """A source name was asked for that the configuration does not define."""


class UnknownNotifyError(PolicywatchError):
    """A notify entry was asked for that the configuration does not define."""


class InputFileError(PolicywatchError):
    """A file given on the command line cannot be read."""


class ServiceLockedError(PolicywatchError):
    """Another scheduler already runs on this database."""


class DatabaseFileError(PolicywatchError):
    """The --db file is not policywatch's SQLite database, or cannot be written."""
