"""The review domain: translation jobs, their segments and review history, segment QA, XLIFF
exchange. The API (`api/translations.py`) and the review desk (`web/review_desk.py`) call it."""
