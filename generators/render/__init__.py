"""Stage 6, render: page models to Markdown text, through Jinja2 templates. No disk."""
