"""The pages the browser tests visit: one of each page type of the demonstration site."""

from __future__ import annotations

PAGES = {
    "home": "/",
    "areas": "/areas/",
    "area": "/areas/west-sussex/",
    "chapter": "/areas/west-sussex/living-well/",
    "themed-chapter": "/areas/west-sussex/ageing-well/",
    "theme": "/areas/west-sussex/ageing-well/dementia/",
    "topics": "/topics/",
    "topic": "/topics/living-well/",
    "indicators": "/indicators/",
    "indicator": "/indicators/adult-smoking/",
    "inequalities": "/areas/west-sussex/inequalities/",
    "inequalities-topic": "/topics/inequalities/",
    "downloads": "/downloads/",
    "about": "/about/",
    "methods": "/methods/",
    "accessibility": "/accessibility/",
    "build-report": "/build-report/",
    "not-found": "/404.html",
    "nhs-area": "/areas/cissbury-integrated-care-pcn/",  # a primary care network's overview (issue 17)
    "gp-practices": "/areas/mid-sussex/gp-practices/",  # a district's GP practices as a distribution
    "nhs-indicator": "/indicators/diabetes-prevalence/",  # an indicator with NHS bodies ranked by kind, practices as a distribution
    "care-chapter": "/areas/west-sussex/care-and-support/",  # social care measures beside health, with two partners' contributions (issue 17)
    "priorities": "/priorities/",  # the board's priorities, per priority and area
    "partners": "/partners/",  # who contributed what
    "board-summary": "/areas/west-sussex/summary/",  # the two-page summary for committee papers
}

# The pages issue 5 names for the axe-core audit.
AUDITED = ["home", "areas", "area", "chapter", "themed-chapter", "theme", "indicator", "inequalities", "inequalities-topic", "accessibility", "build-report"]
AUDITED += ["nhs-area", "gp-practices", "nhs-indicator"]  # the NHS page types of issue 17
AUDITED += ["care-chapter", "priorities", "partners", "board-summary"]  # the board's page types of issue 17

CHAPTER = PAGES["chapter"]
