"""The one document model: HTML parsed once, as a browser parses it (see :mod:`.html`)."""
