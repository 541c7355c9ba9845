"""Revision scripts; applied by ``a11y_service.db.engine.migrate`` at start-up."""
