"""The labelled parts of a job description (seeds 000 and 002): position, place, superior, deputy, requirements."""

from core.statutes.parser.labels import label_key
from core.statutes.parser.tree import Node, walk

# Labelled parts of a job description (seeds 000 and 002), as "LABEL: value" or a heading over its lines.
JOB_LABELS = {
    "position": ("görev unvanı", "görev tanımı", "kadro unvanı", "job title", "position", "title of the position",
                 "должность", "наименование должности", "кызматтын аталышы", "кызмат орду"),
    "place_in_organisation": ("görev yeri", "kurum içindeki yeri", "place of work", "place in the organisation",
                              "place in the organization", "position in the institution", "место работы",
                              "место в организации", "место в структуре", "иштеген жери", "мекемедеги орду",
                              "уюмдагы орду", "иш орду"),
    "superior": ("birinci derecede sorumlu amiri", "üst makam", "first-degree superior", "immediate superior",
                 "line manager", "reports to", "superior", "непосредственный руководитель", "вышестоящее лицо",
                 "биринчи даражадагы жооптуу жетекчиси", "түз жетекчиси", "жогорку жетекчи"),
    "deputy": ("vekaleti", "vekili", "deputy", "substitute", "замещение", "заместитель", "орун басары",
               "ордун басуучу"),
    "requirements": ("iş gerekleri", "görevin gerektirdiği nitelikler", "requirements", "job requirements",
                     "qualifications", "требования", "квалификационные требования", "требования к должности",
                     "талаптар", "талаптары", "квалификациялык талаптар", "жумуштун талаптары"),
}
_JOB_BY_KEY = {label_key(label): name for name, labels in JOB_LABELS.items() for label in labels}


def job_paths(nodes: list[Node]) -> dict[str, tuple[int, ...]]:
    """Where each job-description part is, as a path of child indexes, the first of each kind."""
    found: dict[str, tuple[int, ...]] = {}

    def visit(children, path):
        for index, node in enumerate(children):
            label = node.text.partition(":")[0] if ":" in node.text else node.text
            name = _JOB_BY_KEY.get(label_key(label))
            if name and name not in found:
                found[name] = (*path, index)
            visit(node.children, (*path, index))

    visit(nodes, ())
    return found


def job_value(nodes: list[Node], path: tuple[int, ...]) -> str:
    """The part's value: the text after its label, or else the lines under it."""
    node = None
    for index in path:
        node = (node.children if node else nodes)[index]
    value = node.text.partition(":")[2].strip() if ":" in node.text else ""
    return value or "\n".join(child.text for _, child in walk(node.children) if child.text)


def job_fields(nodes: list[Node]) -> dict[str, str]:
    return {name: job_value(nodes, path) for name, path in job_paths(nodes).items()}
