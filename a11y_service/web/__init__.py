"""The web app for people: HTML pages over the same engines as the API.

``render.render()`` is the one way to answer with a page; it adds the language, the translation
helper ``_`` and the signed-in principal to every template.
"""
