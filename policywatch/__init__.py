"""policywatch: follow what Chongqing promises in print."""

__version__ = "0.1.0"
