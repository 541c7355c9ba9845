"""Whole-site audits as background jobs: the crawler and runner of ``a11y check`` run in a queue
worker, page results are stored as they finish, and a lease on the job row makes every audit
complete exactly once even when a worker dies mid-audit (see :mod:`.store`)."""
