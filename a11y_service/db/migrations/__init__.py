"""Alembic migrations of the review tables (a package so that wheels ship them)."""
