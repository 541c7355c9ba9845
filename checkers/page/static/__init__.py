"""Static engine: the project's own checks on the parsed HTML, decidable without rendering.

Each module holds one rule (metadata record + small pure function over a :class:`Page`); this
registry lists them in a fixed order. ``--static-only`` runs exactly these.
"""

from __future__ import annotations

from checkers.page.rule import PageRule
from checkers.page.static import (
    area_alt,
    aria_attr_valid,
    aria_hidden_focus,
    autoplay_audio,
    blink_marquee,
    button_name,
    document_link_hint,
    document_title,
    duplicate_id_aria,
    empty_heading,
    fieldset_legend,
    form_label,
    heading_order,
    html_has_lang,
    html_lang_valid,
    html_xml_lang_mismatch,
    identical_links_different_targets,
    iframe_title,
    image_alt,
    image_alt_filename,
    input_image_alt,
    link_name,
    link_text_vague,
    list_structure,
    meta_refresh,
    meta_viewport,
    object_alt,
    page_lang_parts,
    role_valid,
    skip_link,
    svg_img_alt,
    table_headers,
    valid_lang,
)

_MODULES = (
    html_has_lang,
    html_lang_valid,
    html_xml_lang_mismatch,
    valid_lang,
    document_title,
    image_alt,
    image_alt_filename,
    input_image_alt,
    area_alt,
    svg_img_alt,
    object_alt,
    form_label,
    button_name,
    link_name,
    link_text_vague,
    identical_links_different_targets,
    document_link_hint,
    heading_order,
    empty_heading,
    table_headers,
    duplicate_id_aria,
    meta_viewport,
    meta_refresh,
    autoplay_audio,
    iframe_title,
    aria_hidden_focus,
    role_valid,
    aria_attr_valid,
    list_structure,
    blink_marquee,
    skip_link,
    fieldset_legend,
    page_lang_parts,
)


def all_rules() -> list[PageRule]:
    return [module.check for module in _MODULES]
