"""Page audit: axe-core in a real browser, the project's static checks and the BITV duties."""
