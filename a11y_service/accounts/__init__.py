"""Organisations, accounts, API keys, login sessions and ownership.

``principal`` is the contract the rest of the service builds on: who is asking, for which
organisation, with which role. The store (``store``) does not import Litestar, so the CLI uses it
as the API does; ``middleware`` and ``api`` are the web side.
"""
