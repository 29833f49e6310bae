"""The version of aliasctl, in one place that imports nothing.

Read by ``aliasctl.__version__``, by the index cache (an index built by another
version is rebuilt) and by the packaging metadata (``pyproject.toml``).
"""

__version__ = "0.1.0"
