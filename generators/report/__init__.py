"""The build report: every input row accounted for, as a page and as JSON."""

from generators.report.build_report import build_report, check_totals, report_json

__all__ = ["build_report", "check_totals", "report_json"]
