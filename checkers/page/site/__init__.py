"""A site audit: which pages (``config``: the ``[check]`` section of ``a11y.toml``; ``crawl``:
sitemaps, links, robots.txt), audited by one path (``runner``: ``collect`` for ``a11y check``,
``audit_pages`` for it and for the service: ``POST /v1/audits``, site-audit jobs, the web page
audit). The gate, baselines and reporters that judge a run live in ``ci/``."""
