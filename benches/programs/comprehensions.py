# bench-group: pure
"""Comprehensions as in pyperformance's comprehensions benchmark: list, dict and set
comprehensions and generator expressions with conditions and nesting over small
objects (widgets in trays, filtered and grouped by kind). Prints a checksum."""
from dataclasses import dataclass
from enum import Enum


class WidgetKind(Enum):
    BIG = 1
    SMALL = 2


@dataclass
class Widget:
    widget_id: int
    creator_id: int
    derived_widget_ids: list
    kind: WidgetKind
    has_knob: bool
    has_spinner: bool


class WidgetTray:
    def __init__(self, owner_id, widgets):
        self.owner_id = owner_id
        self.sorted_widgets = []
        self._add_widgets(widgets)

    def _any_knobby(self, widgets):
        return any(w.has_knob for w in widgets if w)

    def _is_big_spinny(self, widget):
        return widget.kind == WidgetKind.BIG and widget.has_spinner

    def _add_widgets(self, widgets):
        # sort order: mine first, then any widgets with derived knobby widgets in
        # order of number derived, then other widgets in order of number derived,
        # and we exclude big spinny widgets entirely
        widgets = [w for w in widgets if not self._is_big_spinny(w)]
        id_to_widget = {w.widget_id: w for w in widgets}
        id_to_derived = {
            w.widget_id: [id_to_widget.get(dwid) for dwid in w.derived_widget_ids]
            for w in widgets
        }
        sortable_widgets = [
            (
                w.creator_id == self.owner_id,
                self._any_knobby(id_to_derived[w.widget_id]),
                len(id_to_derived[w.widget_id]),
                w.widget_id,
            )
            for w in widgets
        ]
        sortable_widgets.sort()
        self.sorted_widgets = [id_to_widget[sw[-1]] for sw in sortable_widgets]


def make_some_widgets(seed):
    widget_id = 0
    widgets = []
    x = seed
    for creator_id in range(3):
        for kind in WidgetKind:
            for has_knob in [True, False]:
                for has_spinner in [True, False]:
                    x = (x * 1103515245 + 12345) & 0x7FFFFFFF
                    derived = [w.widget_id for w in widgets if (w.widget_id + x) % 3 == 0]
                    widgets.append(Widget(widget_id, creator_id, derived, kind,
                                          has_knob, has_spinner))
                    widget_id += 1
    return widgets


def main(loops):
    widgets = make_some_widgets(7)
    checksum = 0
    for i in range(loops):
        tray = WidgetTray(i % 3, widgets)
        ids = [w.widget_id for w in tray.sorted_widgets]
        by_kind = {k: [w.widget_id for w in tray.sorted_widgets if w.kind is k] for k in WidgetKind}
        knobs = {w.creator_id for w in tray.sorted_widgets if w.has_knob}
        pairs = [(a, b) for a in ids[:8] for b in ids[-8:] if (a + b) % 5 == 0]
        checksum = (checksum * 31 + sum(ids[:5]) + len(by_kind[WidgetKind.BIG]) + len(knobs)
                    + len(pairs)) % 1000000007
    print("last order", ids)
    print("pairs", pairs)
    print("checksum:", checksum)


main(40000)
