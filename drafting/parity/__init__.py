"""The parity check (``penholder parity``, docs/parity.md): do the language versions of one
resolution say the same thing where words do not matter?

Versions are aligned **by structure**, never by words: PP n with PP n, OP n with OP n,
subparagraph (a) of OP n with its counterpart, list item n of a section with list item n,
footnote n with footnote n (plain paragraph n with plain paragraph n in a text with no
preambular or operative part, such as a note verbale). The first version is the reference;
every other version is compared with it. Reported: different counts of units (``count``), a
footnote cited in one version's paragraph and not in its counterpart (``footnote_marker``), and
numbers, document symbols and resolution numbers that differ between aligned units
(``tokens``).

Where each part lives (each module's docstring gives its rules against false discrepancies,
numbered as in docs/parity.md, with the reasons):

* :mod:`~drafting.parity.tokens`: the tokens of a paragraph (rules 1-5 and 7);
* :mod:`~drafting.parity.spelled`: numbers written in words (rule 6);
* :mod:`~drafting.parity.units`: the units of a version and printed footnote order (rules 8, 10);
* :mod:`~drafting.parity.alignment`: alignment with gaps when counts differ (rule 9);
* :mod:`~drafting.parity.compare`: the comparison of aligned units (``parity``);
* :mod:`~drafting.parity.report`: discrepancies, the report, version labels and output.

Imports run one way: units uses tokens, alignment uses units, compare uses all the others;
nothing imports compare but this package.
"""

from __future__ import annotations

from drafting.parity.alignment import align
from drafting.parity.compare import compare_pair, excerpt, parity
from drafting.parity.report import (
    Discrepancy,
    ParityReport,
    format_report,
    version_labels,
    version_language,
)
from drafting.parity.spelled import spelled_numbers
from drafting.parity.tokens import Token, extract_tokens, normalise_digits, number_value, strip_label
from drafting.parity.units import (
    GROUPS,
    Unit,
    footnote_units,
    is_resolution,
    printed_footnote_order,
    structure_units,
)

__all__ = [
    "GROUPS",
    "Discrepancy",
    "ParityReport",
    "Token",
    "Unit",
    "align",
    "compare_pair",
    "excerpt",
    "extract_tokens",
    "footnote_units",
    "format_report",
    "is_resolution",
    "normalise_digits",
    "number_value",
    "parity",
    "printed_footnote_order",
    "spelled_numbers",
    "strip_label",
    "structure_units",
    "version_labels",
    "version_language",
]
