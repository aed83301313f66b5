"""Findings for people: grouped by paragraph, with the excerpt, and counted by severity."""

from __future__ import annotations

from drafting.checks.finding import Finding, Severity


def summary(findings: list[Finding]) -> dict[str, int]:
    counts = {severity.value: 0 for severity in Severity}
    for finding in findings:
        counts[finding.severity.value] += 1
    return counts


def format_findings(findings: list[Finding]) -> str:
    """One heading per paragraph, its findings below it, then the totals."""
    lines: list[str] = []
    current = None
    for finding in findings:
        if finding.target != current:
            current = finding.target
            lines.append(f"{finding.label}:")
        lines.append(f"  {finding.severity.value:<7} {finding.rule}: {finding.message}")
        if finding.excerpt:
            lines.append(f"          {finding.excerpt}")
        if finding.fix:
            lines.append(f"          fix: {finding.fix.description}")
    counts = summary(findings)
    lines.append(f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes")
    return "\n".join(lines) + "\n"
