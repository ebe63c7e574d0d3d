"""Stage 6, render: page models to Markdown text, through Jinja2 templates. No disk.

`jobs`: every page of the site as a job; `pages`: the one maker that draws a job's charts and
renders its Markdown; `markdown`: the templates' environment and escaping; `downloads`: the
data downloads as CSV; `redirects`: pages for renamed addresses."""

from generators.render import jobs
from generators.render.pages import make_page
from generators.render.redirects import redirect_pages

__all__ = ["jobs", "make_page", "redirect_pages"]
